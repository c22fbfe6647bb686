import Foundation
import ReachCore
import TerminalUI

/// Create and edit campaigns (details, budget, dates, goals, the referral-link template) and their KPI targets; the
/// brief every creator gets has its own form (`BriefForm`).
enum CampaignForm {
    /// Field keys, shared by the form and the code reading it back, so a label can be reworded without breaking either.
    enum Key {
        static let name = "campaign.name"
        static let brand = "campaign.brand"
        static let product = "campaign.product"
        static let owner = "campaign.owner"
        static let status = "campaign.status"
        static let start = "campaign.startDate"
        static let end = "campaign.endDate"
        static let budget = "campaign.budget"
        static let currency = "campaign.currency"
        static let goals = "campaign.goals"
        static let funnel = "campaign.funnelStage"
        static let utm = "campaign.utmTemplate"
    }

    static let fieldForIssue: [(prefix: String, key: String)] = [
        ("name", Key.name), ("brand", Key.brand), ("endDate", Key.end), ("budget", Key.budget),
    ]

    /// Goals typed as a list; each must be one of the known goals.
    static func goals(_ text: String) -> [CampaignGoal]? {
        var goals: [CampaignGoal] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
            guard let goal = CampaignGoal.allCases.first(where: { $0.label.lowercased() == part || $0.rawValue.lowercased() == part })
            else { return nil }
            goals.append(goal)
        }
        return goals
    }

    static func open(editing id: RecordID?, _ state: inout AppState) {
        let campaign = id.flatMap { state.workspace.campaigns[$0] }
        let currency = campaign?.reportingCurrency ?? state.workspace.settings.workspace.reportingCurrency
        let now = state.now, tz = state.timeZone
        let fields: [FormField] = [
            FormField("Name", key: Key.name, value: campaign?.name ?? "", isRequired: true),
            FormField("Brand", key: Key.brand, value: campaign?.brand ?? "", isRequired: true),
            FormField("Product", key: Key.product, value: campaign?.product ?? ""),
            FormField("Owner", key: Key.owner, value: campaign?.owner ?? state.author ?? ""),
            FormField("Status", key: Key.status, kind: .choice(CampaignStatus.labels), value: (campaign?.status ?? .planning).label),
            .day("Start", key: Key.start, value: campaign?.startDate, now: now, timeZone: tz),
            .day("End", key: Key.end, value: campaign?.endDate, now: now, timeZone: tz),
            FormField("Budget", key: Key.budget,
                      value: campaign.map { $0.budget.formattedAmount.replacingOccurrences(of: ",", with: "") } ?? "", isRequired: true),
            FormField("Currency", key: Key.currency, value: currency.rawValue, isRequired: true) { text in
                CurrencyCode(text).isKnown ? nil : "Unknown currency: use an ISO 4217 code such as EUR, USD or JPY."
            },
            FormField("Goals", key: Key.goals,
                      value: campaign.map { CampaignGoal.allCases.filter($0.goals.contains).map(\.label).joined(separator: ", ") } ?? "") { text in
                goals(text) == nil ? "Use goals from: " + CampaignGoal.labels.joined(separator: ", ") + "." : nil
            },
            FormField("Funnel stage", key: Key.funnel, kind: .choice(["—"] + FunnelStage.labels), value: campaign?.funnelStage?.label ?? "—"),
            FormField("UTM link template", key: Key.utm, value: campaign?.utmTemplate ?? ""),
        ]
        let title = campaign.map { "Edit campaign · \($0.name)" } ?? "New campaign"
        state.overlays.append(.form(FormOverlay(title: title, form: FormState(fields: fields)) { form, state in
            submit(form, editing: id, &state)
        }))
    }

    static func submit(_ form: FormState, editing id: RecordID?, _ state: inout AppState) -> FormOverlay.Outcome {
        var form = form
        guard form.validate() else { return .stay(form, message: nil) }
        let values = FormValues(form, now: state.now, timeZone: state.timeZone)
        let currency = CurrencyCode(values.text(Key.currency) ?? "EUR")
        let budget: Money
        switch MoneyInput.parse(values.values[Key.budget] ?? "", defaultCurrency: currency) {
        case .success(let money): budget = money
        case .failure(let error):
            return FormIssues.stay([ValidationIssue("budget", error.description)], fields: fieldForIssue, form: form)
                ?? .stay(form, message: error.description)
        }
        var campaign = id.flatMap { state.workspace.campaigns[$0] }
            ?? Campaign(id: RecordID.generate(at: state.now), createdAt: state.now, name: "", brand: "", budget: budget)
        campaign.name = values.text(Key.name) ?? ""
        campaign.brand = values.text(Key.brand) ?? ""
        campaign.product = values.text(Key.product)
        campaign.owner = values.text(Key.owner)
        campaign.status = CampaignStatus.from(label: values.values[Key.status]) ?? campaign.status
        campaign.startDate = values.day(Key.start)
        campaign.endDate = values.day(Key.end)
        campaign.budget = budget
        campaign.goals = Set(goals(values.values[Key.goals] ?? "") ?? [])
        campaign.funnelStage = FunnelStage.from(label: values.values[Key.funnel])
        campaign.utmTemplate = values.text(Key.utm)
        if let stay = FormIssues.stay(campaign.validate(), fields: fieldForIssue, form: form) { return stay }
        let effects = Edits.commit(.campaign(campaign), label: "\(id == nil ? "add" : "edit") campaign \(campaign.name)", &state)
        CampaignsPane.select(campaign.id, &state)
        return .close(effects)
    }

    /// The KPI targets form's field keys.
    enum TargetKey {
        static let reach = "targets.reach"
        static let impressions = "targets.impressions"
        static let views = "targets.views"
        static let engagements = "targets.engagements"
        static let engagementRate = "targets.engagementRate"
        static let clicks = "targets.clicks"
        static let conversions = "targets.conversions"
        static let revenue = "targets.revenue"
        static let cpm = "targets.cpm"
        static let cpe = "targets.cpe"
        static let cpc = "targets.cpc"
        static let cpa = "targets.cpa"
        static let roi = "targets.roi"
    }

    /// `T`: targets for the KPIs the dashboard compares against (money in the campaign currency).
    static func openTargets(_ id: RecordID, _ state: inout AppState) {
        guard let campaign = state.workspace.campaigns[id] else { return }
        let t = campaign.kpiTargets
        let currency = campaign.reportingCurrency
        func count(_ label: String, _ key: String, _ value: Int?) -> FormField {
            FormField(label, key: key, kind: .number, value: value.map(String.init) ?? "")
        }
        func percent(_ label: String, _ key: String, _ value: Double?) -> FormField {
            FormField(label, key: key, value: value.map { String(format: "%g", $0) } ?? "") { text in
                let number = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
                return number.isEmpty || Double(number) != nil ? nil : "Enter a percentage such as 3.5."
            }
        }
        func amount(_ label: String, _ key: String, _ value: Money?) -> FormField {
            .money(label, key: key, value: value, defaultCurrency: currency)
        }
        let fields: [FormField] = [
            count("Reach", TargetKey.reach, t.reach), count("Impressions", TargetKey.impressions, t.impressions),
            count("Views", TargetKey.views, t.views), count("Engagements", TargetKey.engagements, t.engagements),
            percent("ER %", TargetKey.engagementRate, t.engagementRate), count("Clicks", TargetKey.clicks, t.clicks),
            count("Conversions", TargetKey.conversions, t.conversions), amount("Revenue", TargetKey.revenue, t.revenue),
            amount("CPM", TargetKey.cpm, t.cpm), amount("CPE", TargetKey.cpe, t.cpe),
            amount("CPC", TargetKey.cpc, t.cpc), amount("CPA", TargetKey.cpa, t.cpa),
            percent("ROI %", TargetKey.roi, t.roi),
        ]
        let title = "KPI targets · \(campaign.name) (money in \(currency))"
        state.overlays.append(.form(FormOverlay(title: title, form: FormState(fields: fields)) { form, state in
            var form = form
            guard form.validate() else { return .stay(form, message: nil) }
            guard var campaign = state.workspace.campaigns[id] else { return .close([]) }
            let values = FormValues(form, now: state.now, timeZone: state.timeZone)
            func money(_ key: String) -> Money? { values.money(key, defaultCurrency: currency) }
            campaign.kpiTargets = KPITargets(
                reach: values.int(TargetKey.reach), impressions: values.int(TargetKey.impressions), views: values.int(TargetKey.views),
                engagements: values.int(TargetKey.engagements), engagementRate: values.double(TargetKey.engagementRate),
                clicks: values.int(TargetKey.clicks), conversions: values.int(TargetKey.conversions), revenue: money(TargetKey.revenue),
                cpm: money(TargetKey.cpm), cpe: money(TargetKey.cpe), cpc: money(TargetKey.cpc), cpa: money(TargetKey.cpa),
                roi: values.double(TargetKey.roi),
                brandMentions: campaign.kpiTargets.brandMentions, newFollowers: campaign.kpiTargets.newFollowers)
            let issues = campaign.validate().filter { $0.field.hasPrefix("kpiTargets") }
            if let stay = FormIssues.stay(issues, fields: [], form: form) { return stay }
            return .close(Edits.commit(.campaign(campaign), label: "edit KPI targets of \(campaign.name)", &state))
        }))
    }
}
