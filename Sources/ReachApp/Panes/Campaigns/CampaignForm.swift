import Foundation
import ReachCore
import TerminalUI

/// Create and edit campaigns (details, budget, dates, goals, and the brief every creator gets), and their KPI targets.
enum CampaignForm {
    /// Field labels, shared by the form and the code reading it back.
    enum Label {
        static let name = "Name"
        static let brand = "Brand"
        static let product = "Product"
        static let owner = "Owner"
        static let status = "Status"
        static let start = "Start"
        static let end = "End"
        static let budget = "Budget"
        static let currency = "Currency"
        static let goals = "Goals"
        static let funnel = "Funnel stage"
        static let keyMessage = "Key message"
        static let dos = "Do's (;)"
        static let donts = "Don'ts (;)"
        static let cta = "Call to action"
        static let link = "Link"
        static let codePolicy = "Discount codes"
        static let disclosure = "Disclosure rule"
        static let paymentTerms = "Payment terms"
        static let reporting = "Reporting required"
        static let utm = "UTM link template"
    }

    static let fieldForIssue: [(prefix: String, key: String)] = [
        ("name", Label.name), ("brand", Label.brand), ("endDate", Label.end), ("budget", Label.budget),
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
        let brief = campaign?.brief ?? CampaignBrief()
        let currency = campaign?.reportingCurrency ?? state.workspace.settings.workspace.reportingCurrency
        let now = state.now, tz = state.timeZone
        let fields: [FormField] = [
            FormField(Label.name, value: campaign?.name ?? "", isRequired: true),
            FormField(Label.brand, value: campaign?.brand ?? "", isRequired: true),
            FormField(Label.product, value: campaign?.product ?? ""),
            FormField(Label.owner, value: campaign?.owner ?? state.author ?? ""),
            FormField(Label.status, kind: .choice(CampaignStatus.labels), value: (campaign?.status ?? .planning).label),
            .day(Label.start, value: campaign?.startDate, now: now, timeZone: tz),
            .day(Label.end, value: campaign?.endDate, now: now, timeZone: tz),
            FormField(Label.budget, value: campaign.map { $0.budget.formattedAmount.replacingOccurrences(of: ",", with: "") } ?? "",
                      isRequired: true),
            FormField(Label.currency, value: currency.rawValue, isRequired: true) { text in
                CurrencyCode(text).isKnown ? nil : "Unknown currency: use an ISO 4217 code such as EUR, USD or JPY."
            },
            FormField(Label.goals, value: campaign.map { CampaignGoal.allCases.filter($0.goals.contains).map(\.label).joined(separator: ", ") } ?? "") { text in
                goals(text) == nil ? "Use goals from: " + CampaignGoal.labels.joined(separator: ", ") + "." : nil
            },
            FormField(Label.funnel, kind: .choice(["—"] + FunnelStage.labels), value: campaign?.funnelStage?.label ?? "—"),
            FormField(Label.keyMessage, value: brief.keyMessage ?? ""),
            FormField(Label.dos, value: brief.dos.joined(separator: "; ")),
            FormField(Label.donts, value: brief.donts.joined(separator: "; ")),
            FormField(Label.cta, value: brief.callToAction ?? ""),
            FormField(Label.link, value: brief.link ?? ""),
            FormField(Label.codePolicy, value: brief.discountCodePolicy ?? ""),
            FormField(Label.disclosure, value: brief.disclosureRule ?? ""),
            FormField(Label.paymentTerms, value: brief.paymentTerms ?? ""),
            FormField(Label.reporting, value: brief.reportingRequired ?? ""),
            FormField(Label.utm, value: campaign?.utmTemplate ?? ""),
        ]
        let title = campaign.map { "Edit campaign · \($0.name)" } ?? "New campaign"
        state.overlays.append(.form(FormOverlay(title: title, form: FormState(fields: fields), editorFields: [Label.keyMessage]) { form, state in
            submit(form, editing: id, &state)
        }))
    }

    static func submit(_ form: FormState, editing id: RecordID?, _ state: inout AppState) -> FormOverlay.Outcome {
        var form = form
        guard form.validate() else { return .stay(form, message: nil) }
        let values = FormValues(form, now: state.now, timeZone: state.timeZone)
        let currency = CurrencyCode(values.text(Label.currency) ?? "EUR")
        let budget: Money
        switch MoneyInput.parse(values.values[Label.budget] ?? "", defaultCurrency: currency) {
        case .success(let money): budget = money
        case .failure(let error):
            return FormIssues.stay([ValidationIssue("budget", error.description)], fields: fieldForIssue, form: form)
                ?? .stay(form, message: error.description)
        }
        var campaign = id.flatMap { state.workspace.campaigns[$0] }
            ?? Campaign(id: RecordID.generate(at: state.now), createdAt: state.now, name: "", brand: "", budget: budget)
        campaign.name = values.text(Label.name) ?? ""
        campaign.brand = values.text(Label.brand) ?? ""
        campaign.product = values.text(Label.product)
        campaign.owner = values.text(Label.owner)
        campaign.status = CampaignStatus.from(label: values.values[Label.status]) ?? campaign.status
        campaign.startDate = values.day(Label.start)
        campaign.endDate = values.day(Label.end)
        campaign.budget = budget
        campaign.goals = Set(goals(values.values[Label.goals] ?? "") ?? [])
        campaign.funnelStage = FunnelStage.from(label: values.values[Label.funnel])
        campaign.brief.keyMessage = values.text(Label.keyMessage)
        campaign.brief.dos = values.list(Label.dos, separators: [";"])
        campaign.brief.donts = values.list(Label.donts, separators: [";"])
        campaign.brief.callToAction = values.text(Label.cta)
        campaign.brief.link = values.text(Label.link)
        campaign.brief.discountCodePolicy = values.text(Label.codePolicy)
        campaign.brief.disclosureRule = values.text(Label.disclosure)
        campaign.brief.paymentTerms = values.text(Label.paymentTerms)
        campaign.brief.reportingRequired = values.text(Label.reporting)
        campaign.utmTemplate = values.text(Label.utm)
        if let stay = FormIssues.stay(campaign.validate(), fields: fieldForIssue, form: form) { return stay }
        let effects = Edits.commit(.campaign(campaign), label: "\(id == nil ? "add" : "edit") campaign \(campaign.name)", &state)
        CampaignsPane.select(campaign.id, &state)
        return .close(effects)
    }

    /// `T`: targets for the KPIs the dashboard compares against (money in the campaign currency).
    static func openTargets(_ id: RecordID, _ state: inout AppState) {
        guard let campaign = state.workspace.campaigns[id] else { return }
        let t = campaign.kpiTargets
        let currency = campaign.reportingCurrency
        func count(_ label: String, _ value: Int?) -> FormField {
            FormField(label, kind: .number, value: value.map(String.init) ?? "")
        }
        func percent(_ label: String, _ value: Double?) -> FormField {
            FormField(label, value: value.map { String(format: "%g", $0) } ?? "") { text in
                let number = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
                return number.isEmpty || Double(number) != nil ? nil : "Enter a percentage such as 3.5."
            }
        }
        let fields: [FormField] = [
            count("Reach", t.reach), count("Impressions", t.impressions), count("Views", t.views),
            count("Engagements", t.engagements), percent("ER %", t.engagementRate), count("Clicks", t.clicks),
            count("Conversions", t.conversions), .money("Revenue", value: t.revenue, defaultCurrency: currency),
            .money("CPM", value: t.cpm, defaultCurrency: currency), .money("CPE", value: t.cpe, defaultCurrency: currency),
            .money("CPC", value: t.cpc, defaultCurrency: currency), .money("CPA", value: t.cpa, defaultCurrency: currency),
            percent("ROI %", t.roi),
        ]
        let title = "KPI targets · \(campaign.name) (money in \(currency))"
        state.overlays.append(.form(FormOverlay(title: title, form: FormState(fields: fields)) { form, state in
            var form = form
            guard form.validate() else { return .stay(form, message: nil) }
            guard var campaign = state.workspace.campaigns[id] else { return .close([]) }
            let values = FormValues(form, now: state.now, timeZone: state.timeZone)
            func money(_ label: String) -> Money? { values.money(label, defaultCurrency: currency) }
            campaign.kpiTargets = KPITargets(
                reach: values.int("Reach"), impressions: values.int("Impressions"), views: values.int("Views"),
                engagements: values.int("Engagements"), engagementRate: values.double("ER %"), clicks: values.int("Clicks"),
                conversions: values.int("Conversions"), revenue: money("Revenue"), cpm: money("CPM"), cpe: money("CPE"),
                cpc: money("CPC"), cpa: money("CPA"), roi: values.double("ROI %"),
                brandMentions: campaign.kpiTargets.brandMentions, newFollowers: campaign.kpiTargets.newFollowers)
            let issues = campaign.validate().filter { $0.field.hasPrefix("kpiTargets") }
            if let stay = FormIssues.stay(issues, fields: [], form: form) { return stay }
            return .close(Edits.commit(.campaign(campaign), label: "edit KPI targets of \(campaign.name)", &state))
        }))
    }
}
