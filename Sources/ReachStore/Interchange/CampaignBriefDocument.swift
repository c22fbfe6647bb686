import Foundation
import ReachCore

/// The formats `reach brief` writes.
public enum BriefFormat: String, CaseIterable, Sendable {
    case md, text
}

/// The brief a creator gets for one campaign (`reach brief`): what the campaign is, then `Campaign.briefParts`.
/// Only what creators may see: no budget, KPI targets, internal notes, owner or other creators.
public struct CampaignBriefDocument: Sendable {
    public var campaign: Campaign

    /// The brief of the campaign named by `query` (id or name, as `reach report` finds it); an empty brief is an
    /// error, so nobody sends a creator a page with nothing on it.
    public static func make(campaign query: String, campaigns: [Campaign]) throws(InterchangeError) -> CampaignBriefDocument {
        let campaign = try RecordLookup.campaign(query, in: campaigns)
        guard !campaign.brief.isEmpty else { throw .emptyBrief(campaign: campaign.name) }
        return CampaignBriefDocument(campaign: campaign)
    }

    public func render(_ format: BriefFormat) -> String {
        format == .md ? markdown() : text()
    }

    /// Headings, bold labels and bullet lists; the brief's own text is kept as written (it may be Markdown).
    public func markdown() -> String {
        var out = ["# Brief: \(CampaignReportDocument.oneLine(campaign.name))", ""]
        let facts = factLines.map { line in line.map { "**\($0.label):** \($0.value)" }.joined(separator: " · ") }
        // Two trailing spaces break the line inside the paragraph.
        out += facts.enumerated().map { $0.offset < facts.count - 1 ? $0.element + "  " : $0.element }
        for part in campaign.briefParts {
            out += ["", "## \(part.title)", ""] + body(part.body)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Plain text for an email body: section titles in capitals, "- " items.
    public func text() -> String {
        var out = ["Brief: \(CampaignReportDocument.oneLine(campaign.name))"]
        out += factLines.map { line in line.map { "\($0.label): \($0.value)" }.joined(separator: " · ") }
        for part in campaign.briefParts {
            out += ["", part.title.uppercased()] + body(part.body)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Brand, product and dates on one line, the goals on the next.
    private var factLines: [[(label: String, value: String)]] {
        let c = campaign
        var about = [("Brand", CampaignReportDocument.oneLine(c.brand))]
        if let product = c.product, !product.trimmingWhitespace().isEmpty {
            about.append(("Product", CampaignReportDocument.oneLine(product)))
        }
        if c.startDate != nil || c.endDate != nil {
            let day = { (date: Date?) in date.map(CampaignReportDocument.day) ?? "?" }
            about.append(("Dates", "\(day(c.startDate)) to \(day(c.endDate))"))
        }
        return c.goals.isEmpty ? [about] : [about, [("Goals", CampaignReportDocument.goalNames(c.goals))]]
    }

    /// A text as written (line endings and tabs normalised); list items one per line.
    private func body(_ body: BriefPart.Body) -> [String] {
        switch body {
        case .text(let text): [text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: "    ")]
        case .list(let items): items.map { "- " + CampaignReportDocument.oneLine($0) }
        }
    }
}
