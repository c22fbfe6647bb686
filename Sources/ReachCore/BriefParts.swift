import Foundation

/// One part of a campaign brief as a creator reads it: a title and its text or list. `reach brief` and the
/// campaign page both draw the brief from these, so they always show the same parts in the same order.
public struct BriefPart: Hashable, Sendable {
    public enum Body: Hashable, Sendable {
        case text(String)
        case list([String])
    }

    public var title: String
    public var body: Body

    public init(_ title: String, _ body: Body) {
        self.title = title
        self.body = body
    }
}

extension Campaign {
    /// The brief's filled parts and the target audience, in the order a creator reads them (what and for whom,
    /// what to make and when, how, then the rules and the paperwork). Blank fields are left out.
    public var briefParts: [BriefPart] {
        let b = brief
        var parts: [BriefPart] = []
        func text(_ title: String, _ value: String?) {
            if let value, !blank(value) { parts.append(BriefPart(title, .text(value.trimmingWhitespace()))) }
        }
        func list(_ title: String, _ items: [String]) {
            let filled = items.filter { !blank($0) }.map { $0.trimmingWhitespace() }
            if !filled.isEmpty { parts.append(BriefPart(title, .list(filled))) }
        }
        text("Key message", b.keyMessage)
        list("Audience", audienceLines)
        text("Deliverables", b.deliverablesSummary)
        text("Timeline", b.timeline)
        list("Do's", b.dos)
        list("Don'ts", b.donts)
        text("Brand voice", b.brandVoice)
        text("Call to action", b.callToAction)
        text("Link", b.link)
        text("Discount codes", b.discountCodePolicy)
        text("Disclosure", b.disclosureRule)
        text("Approval", b.approvalProcess)
        text("Payment terms", b.paymentTerms)
        text("Reporting", b.reportingRequired)
        return parts
    }

    /// "Countries: LV, EE", "Age: 18-34"… for the target audience's filled fields.
    private var audienceLines: [String] {
        let a = targetAudience
        func joined(_ items: [String]) -> String? {
            let filled = items.filter { !blank($0) }
            return filled.isEmpty ? nil : filled.joined(separator: ", ")
        }
        let lines: [(String, String?)] = [
            ("Countries", joined(a.countries)), ("Languages", joined(a.languages)), ("Age", a.ageRange),
            ("Gender", a.gender), ("Interests", joined(a.interests)),
        ]
        return lines.compactMap { label, value in value.flatMap { blank($0) ? nil : "\(label): \($0.trimmingWhitespace())" } }
    }
}
