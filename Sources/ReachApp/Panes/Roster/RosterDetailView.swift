import Foundation
import ReachCore
import TerminalUI

/// One line of the creator detail, with how it should look.
struct DetailLine: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case title, heading, normal, muted, warning }
    var text: String
    var kind: Kind

    init(_ text: String, _ kind: Kind = .normal) {
        self.text = text
        self.kind = kind
    }
}

/// The creator detail: identity, accounts (with the age of each figure), audience, rates, vetting, notes,
/// deal history with results, and the activity timeline.
enum RosterDetailView {
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let focused = state.roster.focus == .detail
        let block = Block(title: "Creator", titleStyle: theme.title, borderStyle: focused ? theme.focusedBorder : theme.border)
        let framed = area.width >= 20 && area.height >= 4
        if framed { block.render(into: &buffer, area: area) }
        let inner = framed ? block.inner(area).inset(horizontal: 1, vertical: 0) : area
        guard !inner.isEmpty else { return }
        guard let id = state.roster.selectedID, let influencer = state.workspace.influencer(id) else {
            buffer.write("No creator selected.", x: inner.x, y: inner.y, maxWidth: inner.width, style: theme.muted)
            return
        }
        // Wrap each line to the width, keeping its style and its indent on continuation lines.
        var rows: [DetailLine] = []
        for line in lines(influencer, state) {
            let indent = String(line.text.prefix { $0 == " " })
            let body = String(line.text.dropFirst(indent.count))
            let width = max(1, inner.width - indent.count - (indent.isEmpty ? 0 : 2))
            let wrapped = body.isEmpty ? [""] : TextViewer.wrap(body, width: width)
            for (index, piece) in wrapped.enumerated() {
                let lead = index == 0 ? indent : indent + (indent.isEmpty ? "" : "  ")
                rows.append(DetailLine(lead + piece, line.kind))
            }
        }
        let offset = min(state.roster.detailScroll.offset, max(0, rows.count - inner.height))
        for (index, row) in rows.dropFirst(offset).prefix(inner.height).enumerated() {
            let style: Style = switch row.kind {
            case .title: theme.title
            case .heading: theme.header
            case .normal: theme.normal
            case .muted: theme.muted
            case .warning: theme.warning
            }
            buffer.write(row.text, x: inner.x, y: inner.y + index, maxWidth: inner.width, style: style)
        }
    }

    static func lines(_ inf: Influencer, _ state: AppState) -> [DetailLine] {
        let settings = state.workspace.settings.workspace
        let tz = state.timeZone
        var out: [DetailLine] = []
        var name = inf.displayName
        if let real = inf.realName, !real.isEmpty, real != inf.displayName { name += " (\(real))" }
        out.append(DetailLine(name, .title))
        var status = [inf.relationship.displayName]
        if let tier = inf.tier(thresholds: settings.tierThresholds) { status.append(tier.displayName) }
        if inf.archived { status.append("archived") }
        out.append(DetailLine(status.joined(separator: " · ")))
        if inf.isDoNotContact {
            out.append(DetailLine("⊘ Do not contact" + (inf.doNotContactReason.map { ": \($0)" } ?? ""), .warning))
        }
        var contact: [String] = []
        if let email = inf.contact.email, !email.isEmpty { contact.append(email) }
        if let phone = inf.contact.phone, !phone.isEmpty { contact.append(phone) }
        if let other = inf.contact.other, !other.isEmpty { contact.append(other) }
        if !contact.isEmpty { out.append(DetailLine(contact.joined(separator: " · "))) }
        if let agent = inf.agent {
            let reach = [agent.contact.email, agent.contact.phone, agent.contact.other, agent.note].compactMap { $0 }.filter { !$0.isEmpty }
            out.append(DetailLine((["Agent: \(agent.name)" + (agent.agency.map { " (\($0))" } ?? "")] + reach).joined(separator: " · ")))
        }
        if let rating = inf.rating {
            var parts: [String] = []
            if let stars = rating.stars { parts.append(String(repeating: "★", count: min(max(stars, 0), 5))) }
            if let again = rating.wouldWorkAgain { parts.append(again ? "would work again" : "would not work again") }
            if let note = rating.note { parts.append(note) }
            if !parts.isEmpty { out.append(DetailLine("Rating: " + parts.joined(separator: " · "))) }
        }
        var place: [String] = []
        let location = [inf.city, inf.country].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        if !location.isEmpty { place.append(location) }
        if !inf.languages.isEmpty { place.append(inf.languages.joined(separator: ", ")) }
        if let zone = inf.timeZone, let tzValue = TimeZone(identifier: zone) {
            let formatter = DateFormatter()
            formatter.timeZone = tzValue
            formatter.dateFormat = "HH:mm"
            place.append("\(zone) (their time \(formatter.string(from: state.now)))")
        }
        if !place.isEmpty { out.append(DetailLine(place.joined(separator: " · "))) }
        out.append(consentLine(inf.consent, timeZone: tz))

        out.append(DetailLine(""))
        out.append(DetailLine("Accounts", .heading))
        if inf.accounts.isEmpty { out.append(DetailLine("  none", .muted)) }
        for account in inf.accounts {
            var text = "  \(account.platform.displayName) @\(account.handle)"
            if inf.accounts.count > 1 && account.id == inf.mainAccount?.id { text += " (main)" }
            var stale = false
            if let f = account.latestFollowers {
                text += " · \(Humanize.count(f.value)) followers"
                text += " · \(f.ageInDays(now: state.now))d old"
                if f.source != .manual { text += " · \(f.source.rawValue)" }
                stale = f.isStale(now: state.now, staleAfterDays: settings.staleMetricDays)
                if stale { text += " · stale" }
            } else {
                text += " · followers unknown"
            }
            if let er = account.latestEngagementRate { text += " · ER \(Humanize.percent(er.value))" }
            if let views = account.latestAvgViews { text += " · \(Humanize.count(views.value)) avg views" }
            out.append(DetailLine(text, stale ? .warning : .normal))
        }

        if let audience = inf.audience {
            out.append(DetailLine(""))
            out.append(DetailLine("Audience", .heading))
            if !audience.topCountries.isEmpty {
                out.append(DetailLine("  Countries: " + audience.topCountries.map { "\($0.key) \(Int($0.percent.rounded()))%" }.joined(separator: ", ")))
            }
            if !audience.ageBands.isEmpty {
                out.append(DetailLine("  Ages: " + audience.ageBands.map { "\($0.key) \(Int($0.percent.rounded()))%" }.joined(separator: ", ")))
            }
            if let g = audience.gender {
                let parts = [("F", g.female), ("M", g.male), ("other", g.other)].compactMap { label, v in
                    v.map { "\(label) \(Int($0.rounded()))%" }
                }
                if !parts.isEmpty { out.append(DetailLine("  Gender: " + parts.joined(separator: " · "))) }
            }
            if !audience.interests.isEmpty { out.append(DetailLine("  Interests: " + audience.interests.joined(separator: ", "))) }
            if let share = audience.targetMarketShare { out.append(DetailLine("  In target market: \(Int(share.rounded()))%")) }
        }

        if !inf.rateCard.entries.isEmpty {
            out.append(DetailLine(""))
            let quoted = inf.rateCard.quotedAt.map { " (quoted \(Humanize.day($0, timeZone: tz)))" } ?? ""
            out.append(DetailLine("Rate card" + quoted, .heading))
            for entry in inf.rateCard.entries {
                out.append(DetailLine("  \(entry.platform.displayName) \(entry.contentType.displayName): \(entry.price.formatted)"))
            }
        }

        out.append(DetailLine(""))
        var vetting = "Vetting: \(inf.vetting.verdict.displayName)"
        if let score = inf.vetting.score { vetting += " · score \(score)/100" }
        out.append(DetailLine(vetting, .heading))
        for item in inf.vetting.checklist {
            let mark = switch item.result {
            case .pass: "✓"
            case .fail: "✗"
            case .unknown: "·"
            }
            let kind: DetailLine.Kind = switch item.result {
            case .pass: .normal
            case .fail: .warning
            case .unknown: .muted
            }
            out.append(DetailLine("  \(mark) \(item.check.displayName)" + (item.note.map { ": \($0)" } ?? ""), kind))
        }
        if let notes = inf.vetting.notes, !notes.isEmpty { out.append(DetailLine("  " + notes, .muted)) }

        if !inf.tags.isEmpty || !inf.niches.isEmpty {
            out.append(DetailLine(""))
            if !inf.niches.isEmpty { out.append(DetailLine("Niches: " + inf.niches.map(\.rawValue).joined(separator: ", "))) }
            if !inf.tags.isEmpty { out.append(DetailLine("Tags: " + inf.tags.map { "#" + $0 }.joined(separator: " "))) }
        }

        if let notes = inf.notes, !notes.isEmpty {
            out.append(DetailLine(""))
            out.append(DetailLine("Notes (E edits)", .heading))
            for line in notes.split(separator: "\n", omittingEmptySubsequences: false) { out.append(DetailLine("  " + line)) }
        }

        let deals = state.workspace.deals(ofInfluencer: inf.id)
        out.append(DetailLine(""))
        out.append(DetailLine("Deals (\(deals.count))", .heading))
        if deals.isEmpty { out.append(DetailLine("  none yet", .muted)) }
        for deal in deals {
            var text = "  \(state.workspace.campaignName(deal.campaignID)) · \(state.workspace.pipeline.name(of: deal.stage))"
            if let fee = deal.agreedFee { text += " · \(fee.formatted)" }
            if let results = resultsSummary(deal) { text += " · \(results)" }
            if let owner = deal.owner { text += " · \(owner)" } // who on the team works with this creator
            out.append(DetailLine(text))
        }

        let timeline = deals.flatMap { deal in deal.activities.map { (deal, $0) } }.sorted { $0.1.at > $1.1.at }
        out.append(DetailLine(""))
        out.append(DetailLine("Activity", .heading))
        if timeline.isEmpty { out.append(DetailLine("  nothing logged yet", .muted)) }
        for (deal, activity) in timeline.prefix(50) {
            let direction = activity.direction.map { $0 == .inbound ? " ←" : " →" } ?? ""
            out.append(DetailLine("  \(Humanize.day(activity.at, timeZone: tz)) \(activity.channel.rawValue)\(direction) \(activity.summary) · \(state.workspace.campaignName(deal.campaignID))",
                                  activity.channel == .system ? .muted : .normal))
        }
        return out
    }

    /// "GDPR: consent 2024-05-02 · legitimate interest · source inbound form · note", or that nothing is recorded.
    static func consentLine(_ consent: DataConsent?, timeZone: TimeZone) -> DetailLine {
        guard let consent, consent != DataConsent() else { return DetailLine("GDPR: no consent recorded (C records it)", .muted) }
        var parts = [consent.consentAt.map { "consent " + Humanize.day($0, timeZone: timeZone) } ?? "no consent date"]
        if let basis = consent.lawfulBasis, !basis.isEmpty { parts.append(basis) }
        if let source = consent.source, !source.isEmpty { parts.append("source " + source) }
        if let note = consent.note, !note.isEmpty { parts.append(note) }
        return DetailLine("GDPR: " + parts.joined(separator: " · "))
    }

    /// "12.3k reach · 540 engagements · EUR 3,000.00 revenue" over the deal's result lines (hand-entered and
    /// imported, combined as `Deal.resultLines` says).
    static func resultsSummary(_ deal: Deal) -> String? {
        let results = deal.resultLines
        guard !results.isEmpty else { return nil }
        var parts: [String] = []
        let reach = results.compactMap(\.reach).reduce(0, +)
        if reach > 0 { parts.append("\(Humanize.count(reach)) reach") }
        let engagements = results.compactMap(\.engagements).reduce(0, +)
        if engagements > 0 { parts.append("\(Humanize.count(engagements)) engagements") }
        let revenues = results.compactMap(\.revenue)
        if let first = revenues.first, let total = try? Money.sum(revenues, currency: first.currency), !total.isZero {
            parts.append("\(total.formatted) revenue")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
