import Foundation
import ReachCore
import TerminalUI

/// How a piece of the deal page looks; mapped to the theme when drawn, so the page can be built without one
/// (`update` builds it too, to know the page length and where sections start).
enum Tone: Sendable, Hashable {
    case normal, muted, title, header, warning, overdue, success, money

    func style(_ theme: Theme) -> Style {
        switch self {
        case .normal: theme.normal
        case .muted: theme.muted
        case .title: theme.title
        case .header: theme.header
        case .warning: theme.warning
        case .overdue: theme.overdue
        case .success: theme.success
        case .money: theme.money
        }
    }
}

/// One row of the page: runs of text, each with its tone.
struct PageLine: Sendable {
    var spans: [(text: String, tone: Tone)]

    init(_ spans: [(String, Tone)]) { self.spans = spans.map { (text: $0.0, tone: $0.1) } }
    init(_ text: String, _ tone: Tone = .normal) { self.init([(text, tone)]) }

    var text: String { spans.map(\.text).joined() }
}

/// The deal page as lines: a fixed header, then sections (negotiation, contract, deliverables and results,
/// tracking, payments, timeline) that scroll.
struct DealPage {
    var header: [PageLine] = []
    var body: [PageLine] = []
    /// Body rows where a section heading is, for `]` / `[`.
    var sectionStarts: [Int] = []

    private let deal: Deal
    private let state: AppState
    /// Columns available; long entries wrap under their first line.
    private let width: Int

    init(_ deal: Deal, _ state: AppState, width: Int) {
        self.deal = deal
        self.state = state
        self.width = max(20, width)
        buildHeader()
        negotiation()
        contract()
        deliverables()
        importedResults()
        tracking()
        payments()
        timeline()
    }

    private var tz: TimeZone { state.timeZone }
    private func day(_ date: Date) -> String { Humanize.day(date, timeZone: tz) }
    private func due(_ date: Date) -> String { Humanize.due(date, now: state.now, timeZone: tz) }

    /// `prefix` then `text` wrapped to the width, continuation lines indented under the text.
    private mutating func hanging(_ prefix: String, _ prefixTone: Tone, _ text: String, _ tone: Tone) {
        let indent = DisplayWidth.of(prefix)
        for (index, part) in TextViewer.wrap(text, width: max(10, width - indent)).enumerated() {
            body.append(PageLine([(index == 0 ? prefix : String(repeating: " ", count: indent), prefixTone), (part, tone)]))
        }
    }

    private mutating func section(_ title: String, _ summary: String = "", _ summaryTone: Tone = .muted) {
        if !body.isEmpty { body.append(PageLine("")) }
        sectionStarts.append(body.count)
        body.append(PageLine([(title, .header), (summary.isEmpty ? "" : "  " + summary, summaryTone)]))
    }

    private mutating func buildHeader() {
        let pipeline = state.workspace.pipeline
        // On the title line: the header has a fixed height (`DealDetailPane.headerRows`).
        let clashes = state.conflicts[.record(.deal, deal.id)]?.count ?? 0
        header.append(PageLine([(state.conflictMark(.deal, deal.id) + state.workspace.title(of: .deal(deal)), .title),
                                (clashes == 0 ? "" : "  ≠ \(clashes) sync conflict\(clashes == 1 ? "" : "s"): ! resolves", .warning)]))
        var stage: [(String, Tone)] = [("Stage: \(pipeline.name(of: deal.stage)) · \(deal.daysInStage(now: state.now))d in stage", .normal)]
        if deal.isStalled(now: state.now, pipeline: pipeline) { stage.append((" · stalled", .warning)) }
        if let reason = deal.exitReason { stage.append((" · reason: \(reason)", .muted)) }
        if let whose = deal.nextAction?.whoseMove { stage.append((" · \(whose.moveLabel)", .normal)) }
        stage.append((" · owner: \(deal.owner ?? "nobody (O assigns)")", .muted))
        header.append(PageLine(stage))
        if let next = deal.nextAction {
            let overdue = DealSummary.isOverdue(deal, state)
            header.append(PageLine([("Next: \(next.summary) · ", .normal),
                                    ("\(day(next.due)) (\(due(next.due)))", overdue ? .overdue : .normal)]))
        } else if deal.lacksNextStep(pipeline: pipeline) {
            header.append(PageLine("Next: \(DealSummary.noNextStep): nobody is working this deal", .warning))
        } else {
            header.append(PageLine("Next: none (closed)", .muted))
        }
    }

    private mutating func negotiation() {
        var terms = [deal.partnershipType.label, deal.compensation.label, deal.pricing.model.label]
        if let percent = deal.pricing.commissionPercent { terms.append(String(format: "%g%% commission", percent)) }
        if let rate = deal.pricing.unitRate { terms.append("rate \(rate.formatted)") }
        if let barter = deal.pricing.barterDescription { terms.append(barter) }
        if let value = deal.pricing.barterValue { terms.append("barter worth \(value.formatted)") }
        if let retainer = deal.pricing.retainerAmount {
            terms.append("retainer \(retainer.formatted)" + (deal.pricing.retainerPeriod.map { " / \($0.rawValue)" } ?? ""))
        }
        section("Negotiation", terms.joined(separator: " · "))
        for offer in deal.offers.sorted(by: { $0.at < $1.at }) {
            let who = offer.by == .us ? "us  " : "them"
            let agreed = offer.amount == deal.agreedFee ? " ✓" : ""
            body.append(PageLine([("  \(day(offer.at))  \(who)  ", .normal), (offer.amount.formatted + agreed, .money),
                                  (offer.note.map { "  \($0)" } ?? "", .muted)]))
        }
        if let fee = deal.agreedFee {
            body.append(PageLine([("  Agreed fee: ", .normal), (fee.formatted, .money)]))
        } else {
            body.append(PageLine(deal.offers.isEmpty ? "  No offers yet (o records one)" : "  No fee agreed yet", .muted))
        }
    }

    private mutating func contract() {
        let terms = deal.contract
        let filled = terms.checklist.filter(\.filled).count
        section("Contract terms", "\(filled) of \(terms.checklist.count) agreed")
        for (item, isFilled) in terms.checklist where isFilled {
            var spans: [(String, Tone)] = [("  ✓ " + item.displayName.padding(toLength: 18, withPad: " ", startingAt: 0), .normal)]
            spans += value(of: item)
            body.append(PageLine(spans))
        }
        if !terms.missingItems.isEmpty {
            hanging("  ✗ Missing: ", .warning, terms.missingItems.map(\.displayName).joined(separator: ", "), .warning)
        }
    }

    /// The agreed value of one contract item, with end dates flagged as they near.
    private func value(of item: ContractItem) -> [(String, Tone)] {
        let terms = deal.contract
        switch item {
        case .paymentSchedule: return [(terms.paymentSchedule ?? "", .normal)]
        case .paymentMethod: return [(terms.paymentMethod ?? "", .normal)]
        case .expenses: return [(terms.expensesCovered ?? "", .normal)]
        case .usageRights:
            guard let rights = terms.usageRights else { return [] }
            var parts = [rights.paidAds ? (rights.organic ? "organic + paid ads" : "paid ads") : "organic"]
            if let days = rights.durationDays { parts.append("\(days) days") }
            if !rights.territories.isEmpty { parts.append(rights.territories.joined(separator: ", ")) }
            return [(parts.joined(separator: " · "), .normal)] + ending(rights.endsAt)
        case .exclusivity:
            guard let exclusivity = terms.exclusivity else { return [] }
            var parts: [String] = []
            if let scope = exclusivity.scope { parts.append(scope) }
            if !exclusivity.competitors.isEmpty { parts.append("not with " + exclusivity.competitors.joined(separator: ", ")) }
            return [(parts.isEmpty ? "agreed" : parts.joined(separator: " · "), .normal)] + ending(exclusivity.endsAt)
        case .whitelisting: return [("ads from the creator's account", .normal)] + ending(terms.whitelistingEndsAt)
        case .approvalRounds: return [("\(terms.approvalRounds ?? 0) round\(terms.approvalRounds == 1 ? "" : "s")", .normal)]
        case .disclosure: return [(terms.disclosure ?? "", .normal)]
        case .cancellation: return [(terms.cancellation ?? "", .normal)]
        case .confidentiality: return [(terms.confidentiality ?? "", .normal)]
        case .governingLaw: return [(terms.governingLaw ?? "", .normal)]
        case .signed: return [(terms.signedAt.map(day) ?? "", .normal)]
        }
    }

    /// " · ends 2024-06-15 (in 5d)", a warning within the workspace's warning window, muted once past.
    private func ending(_ date: Date?) -> [(String, Tone)] {
        guard let date else { return [] }
        let days = Humanize.dayOffset(date, now: state.now, timeZone: tz)
        if days < 0 { return [(" · ended \(day(date))", .muted)] }
        let soon = days <= state.workspace.settings.workspace.rightsExpiryWarningDays
        return [(" · ends \(day(date)) (\(due(date)))" + (soon ? " ⚠" : ""), soon ? .warning : .normal)]
    }

    private mutating func deliverables() {
        let kept = deal.deliverables.filter { !$0.isDropped }
        let live = kept.filter(\.isLive).count
        let overdue = deal.overdueDeliverables(now: state.now).count
        var summary = "\(live) of \(kept.count) live"
        if overdue > 0 { summary += " · \(overdue) overdue" }
        if kept.count < deal.deliverables.count { summary += " · \(deal.deliverables.count - kept.count) dropped" }
        section("Deliverables", deal.deliverables.isEmpty ? "none yet (D adds one)" : summary, overdue > 0 ? .overdue : .muted)
        let followers = state.workspace.influencer(deal.influencerID)?.followers
        for (index, item) in deal.deliverables.enumerated() {
            if let dropped = item.dropped {
                hanging("  \(index + 1). ✗ \(item.title) · ", .muted, "dropped \(day(dropped.at)): \(dropped.reason)", .muted)
                continue
            }
            var line: [(String, Tone)] = [("  \(index + 1). \(item.title) · ", .normal)]
            if let dueDate = item.dueDate, !item.isLive {
                line.append(("due \(day(dueDate)) (\(due(dueDate))) · ", item.isOverdue(now: state.now) ? .overdue : .normal))
            }
            if let posted = item.postedAt { line.append(("posted \(day(posted)) · ", .normal)) }
            line.append((item.status.displayName, item.status == .live ? .success : (item.status == .changesRequested ? .warning : .normal)))
            if item.reviewRounds > 0 { line.append((" · \(item.reviewRounds) review round\(item.reviewRounds == 1 ? "" : "s")", .muted)) }
            body.append(PageLine(line))
            if let reason = item.changesReason { hanging("     changes: ", .muted, reason, .muted) }
            if let url = item.draftURL, !item.isLive { hanging("     draft: ", .muted, url, .muted) }
            if let url = item.liveURL { hanging("     ", .muted, url, .muted) }
            if let results = item.results { hanging("     ", .normal, DealPage.results(results, followers: followers), .normal) }
        }
        if let performance = performance(), performance.totals.engagements + performance.totals.impressions > 0
            || !performance.totals.revenue.isZero {
            hanging("  ", .normal, DealPage.costMetrics(performance), .normal)
        }
    }

    /// What `reach import results` stored, with dates and sources; the totals above already include it
    /// (`Deal.resultLines` says how it combines with hand-entered results).
    private mutating func importedResults() {
        guard let summary = ImportedResultsSection.summary(deal, totals: performance()?.totals) else { return }
        section("Imported results", summary)
        for (prefix, text) in ImportedResultsSection.entries(deal, day: day) { hanging(prefix, .normal, text, .muted) }
    }

    /// This deal's cost and KPIs, computed by the same `CampaignReport.make` the dashboard and `reach report` use.
    private func performance() -> CreatorPerformance? {
        guard let campaign = state.workspace.campaigns[deal.campaignID] else { return nil }
        return CampaignReport.make(campaign: campaign, deals: [deal], followers: state.workspace.followers(of: [deal.influencerID]),
                                   rates: state.workspace.settings.workspace.currencyRates, now: state.now,
                                   pipeline: state.workspace.pipeline).creators.first
    }

    /// "reach 12.3k · impressions 20k · engagements 1.2k · ER 4.1% · clicks 300 · conversions 12 · revenue EUR 600.00".
    static func results(_ r: DeliverableResults, followers: Int?) -> String {
        var parts: [String] = []
        for (label, value) in [("reach", r.reach), ("impressions", r.impressions), ("views", r.views)] {
            if let value { parts.append("\(label) \(Humanize.count(value))") }
        }
        if let engagements = r.engagements { parts.append("engagements \(Humanize.count(engagements))") }
        if let er = Metrics.engagementRate(results: r, followers: followers) { parts.append("ER \(Humanize.percent(er))") }
        for (label, value) in [("clicks", r.clicks), ("code uses", r.codeUses), ("conversions", r.conversions)] {
            if let value { parts.append("\(label) \(Humanize.count(value))") }
        }
        if let revenue = r.revenue { parts.append("revenue \(revenue.formatted)") }
        return parts.isEmpty ? "no figures yet" : parts.joined(separator: " · ")
    }

    /// "Paid EUR 1,000.00 → CPM EUR 5.00 · CPE EUR 0.50 · CPA EUR 20.00 · ROI 150.0%".
    static func costMetrics(_ p: CreatorPerformance) -> String {
        guard let cost = p.cost else { return "Cost: a payment has no exchange rate to the campaign currency; add one in settings." }
        guard !cost.isZero else { return "CPM, CPE, CPA and ROI appear once a payment is marked paid (P)." }
        var metrics: [String] = []
        if let cpm = p.cpm { metrics.append("CPM \(cpm.formatted)") }
        if let cpe = p.cpe { metrics.append("CPE \(cpe.formatted)") }
        if let cpa = p.cpa { metrics.append("CPA \(cpa.formatted)") }
        if let roi = p.roi { metrics.append("ROI \(Humanize.percent(roi))") }
        return "Paid \(cost.formatted) → " + (metrics.isEmpty ? "enter results (r) for CPM, CPE, CPA and ROI" : metrics.joined(separator: " · "))
    }

    private mutating func tracking() {
        section("Tracking")
        let code = deal.tracking.discountCode
        body.append(PageLine("  Code: " + (code ?? "none (e sets one)"), code == nil ? .muted : .normal))
        if let link = deal.tracking.referralLink {
            hanging("  Link: ", .normal, link, .normal)
        } else if let link = DealPage.campaignLink(deal, state) {
            hanging("  Link: ", .normal, link, .normal)
            body.append(PageLine("        (built from the campaign's UTM template)", .muted))
        } else {
            body.append(PageLine("  Link: none (e sets one, or add a UTM template to the campaign)", .muted))
        }
    }

    /// The referral link built from the campaign's UTM template for this creator.
    static func campaignLink(_ deal: Deal, _ state: AppState) -> String? {
        guard let campaign = state.workspace.campaigns[deal.campaignID],
              let influencer = state.workspace.influencer(deal.influencerID) else { return nil }
        return campaign.referralLink(influencer: influencer, deal: deal)
    }

    private mutating func payments() {
        var summary: [String] = []
        if let fee = deal.agreedFee { summary.append("agreed \(fee.formatted)") }
        let paid = deal.paidByCurrency.values.sorted { $0.currency < $1.currency }.map(\.formatted)
        if !paid.isEmpty { summary.append("paid " + paid.joined(separator: " + ")) }
        do {
            if let balance = try deal.balance() { summary.append("balance \(balance.formatted)") }
        } catch {
            summary.append("balance: \(error.description)")
        }
        section("Payments", summary.isEmpty ? "none yet (p adds one)" : summary.joined(separator: " · "))
        commission()
        for payment in deal.payments {
            // No strikethrough in curses: a cancelled line is dimmed and marked ✗, with why.
            if payment.status == .cancelled {
                let why = payment.cancellation.map { "cancelled \(day($0.at)): \($0.reason)" } ?? "cancelled"
                hanging("  ✗ \(payment.kind.label) \(payment.amount.formatted) · ", .muted, why, .muted)
                continue
            }
            var line: [(String, Tone)] = [("  \(payment.kind.label.padding(toLength: 10, withPad: " ", startingAt: 0))", .normal),
                                          (payment.amount.formatted, .money)]
            if let paidAt = payment.paidAt, payment.status == .paid {
                line.append(("  paid \(day(paidAt))", .success))
            } else if let dueDate = payment.dueDate {
                line.append(("  due \(day(dueDate)) (\(due(dueDate)))", payment.isOverdue(now: state.now) ? .overdue : .normal))
            }
            if payment.status != .paid { line.append(("  \(payment.status.label)", .muted)) }
            if let invoice = payment.invoiceRef { line.append(("  invoice \(invoice)", .muted)) }
            if let method = payment.method { line.append(("  \(method)", .muted)) }
            body.append(PageLine(line))
        }
    }

    /// "Commission 10% of EUR 5,000.00 sales = EUR 500.00 · in the ledger EUR 200.00 · owed EUR 300.00 (C adds it)".
    private mutating func commission() {
        let currency = DealEditors.currency(deal, state)
        do {
            guard let owed = try deal.commissionOwed(in: currency, rates: state.workspace.settings.workspace.currencyRates) else { return }
            var text = "Commission \(String(format: "%g", owed.percent))% of \(owed.sales.formatted) sales = \(owed.earned.formatted)"
            if !owed.inLedger.isZero { text += " · in the ledger \(owed.inLedger.formatted)" }
            text += owed.owed.isZero ? " · nothing owed" : " · owed \(owed.owed.formatted) (C adds it)"
            hanging("  ", .normal, text, owed.owed.isZero ? .muted : .money)
        } catch {
            hanging("  ", .normal, "Commission: \(error.description)", .warning)
        }
    }

    private mutating func timeline() {
        section("Timeline", "newest first")
        for activity in deal.timeline {
            let direction = activity.direction.map { $0 == .inbound ? " ←" : " →" } ?? ""
            let author = activity.author.map { " (\($0))" } ?? ""
            let edited = activity.editedAt.map { " · edited \(day($0))" } ?? ""
            let prefix = "  \(day(activity.at)) \(activity.channel.rawValue)\(direction) "
            hanging(prefix.padding(toLength: 22, withPad: " ", startingAt: 0), .muted, activity.summary + author + edited,
                    activity.channel == .system ? .muted : .normal)
            // A note (a logged email's new text) sits under the summary, indented further, one page line per line.
            if let note = activity.note, !note.isEmpty {
                hanging(String(repeating: " ", count: 24), .muted, note, .muted)
            }
        }
    }
}
