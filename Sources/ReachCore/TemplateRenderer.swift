import Foundation

/// The outcome of filling a template: the text plus every placeholder that could not be filled.
public struct RenderedMessage: Hashable, Sendable {
    public var subject: String?
    public var body: String
    /// Known placeholders with no value (left as `{name}` in the text so they are visible).
    public var missing: [String]
    /// Placeholders Reach does not know (also left in place).
    public var unknown: [String]

    /// True only when everything was filled: safe to copy without review.
    public var isComplete: Bool { missing.isEmpty && unknown.isEmpty }
}

/// Extra values the caller supplies for a message (things not stored on the records).
public struct TemplateContext: Hashable, Sendable {
    public var recentPost: String?
    public var deadline: Date?
    /// Time zone used to print `{deadline}` (the creator's, ideally).
    public var timeZone: TimeZone
    /// Overrides or additional values by placeholder name.
    public var extra: [String: String]

    public init(recentPost: String? = nil, deadline: Date? = nil, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
                extra: [String: String] = [:]) {
        self.recentPost = recentPost
        self.deadline = deadline
        self.timeZone = timeZone
        self.extra = extra
    }
}

/// Fills `{placeholders}` from an influencer, campaign and deal; never silently leaves a blank.
public enum TemplateRenderer {
    /// Every placeholder Reach can fill.
    public static let knownPlaceholders: [String] = [
        "first_name", "name", "handle", "platform", "brand", "campaign", "product", "recent_post", "offer", "deadline", "code", "link",
        "key_message", "call_to_action", "dos", "donts", "timeline", "disclosure",
    ]

    /// Placeholder names in order of appearance (without braces, duplicates removed). `{{` and `}}` are literal braces.
    public static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        scan(text) { name in if !out.contains(name) { out.append(name) }; return nil }
        return out
    }

    /// The values available from the records, keyed by placeholder name (only non-empty ones).
    public static func values(influencer: Influencer?, campaign: Campaign?, deal: Deal?, context: TemplateContext = TemplateContext()) -> [String: String] {
        var v: [String: String] = [:]
        func put(_ k: String, _ s: String?) { if let s, !s.trimmingCharacters(in: .whitespaces).isEmpty { v[k] = s } }
        if let inf = influencer {
            put("first_name", inf.greetingName)
            put("name", inf.displayName)
            if let main = inf.mainAccount {
                put("handle", "@" + main.handle)
                put("platform", main.platform.displayName)
            }
        }
        if let c = campaign {
            put("brand", c.brand)
            put("campaign", c.name)
            put("product", c.product)
            put("link", c.brief.link)
            put("key_message", c.brief.keyMessage)
            put("call_to_action", c.brief.callToAction)
            // Lists read as one sentence, separated as they are typed in the brief form.
            put("dos", c.brief.dos.filter { !blank($0) }.joined(separator: "; "))
            put("donts", c.brief.donts.filter { !blank($0) }.joined(separator: "; "))
            put("timeline", c.brief.timeline)
            put("disclosure", c.brief.disclosureRule)
        }
        if let d = deal {
            put("offer", (d.agreedFee ?? d.offers.last(where: { $0.by == .us })?.amount)?.formatted)
            put("code", d.tracking.discountCode)
            put("link", d.tracking.referralLink)
        }
        put("recent_post", context.recentPost)
        if let deadline = context.deadline {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = context.timeZone
            f.dateFormat = "d MMMM yyyy"
            put("deadline", f.string(from: deadline))
        }
        for (k, value) in context.extra { put(k, value) }
        return v
    }

    /// Renders `template` for the given records; unfilled placeholders stay visible and are listed.
    public static func render(_ template: Template, influencer: Influencer?, campaign: Campaign?, deal: Deal?,
                              context: TemplateContext = TemplateContext()) -> RenderedMessage {
        let vals = values(influencer: influencer, campaign: campaign, deal: deal, context: context)
        var missing: [String] = []
        var unknown: [String] = []
        func fill(_ text: String) -> String {
            scan(text) { name in
                if let value = vals[name] { return value }
                if knownPlaceholders.contains(name) || context.extra.keys.contains(name) {
                    if !missing.contains(name) { missing.append(name) }
                } else if !unknown.contains(name) {
                    unknown.append(name)
                }
                return nil
            }
        }
        let subject = template.subject.map(fill)
        let body = fill(template.body)
        return RenderedMessage(subject: subject, body: body, missing: missing, unknown: unknown)
    }

    /// Renders raw text with explicit values (for previews and tests).
    public static func render(text: String, values: [String: String]) -> RenderedMessage {
        var missing: [String] = []
        var unknown: [String] = []
        let body = scan(text) { name in
            if let v = values[name], !v.isEmpty { return v }
            if knownPlaceholders.contains(name) { if !missing.contains(name) { missing.append(name) } }
            else if !unknown.contains(name) { unknown.append(name) }
            return nil
        }
        return RenderedMessage(subject: nil, body: body, missing: missing, unknown: unknown)
    }

    /// Walks `text`, replacing `{name}` by `replace(name)` (nil keeps `{name}`); `{{`/`}}` become literal braces.
    @discardableResult
    static func scan(_ text: String, _ replace: (String) -> String?) -> String {
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            let next = text.index(after: i)
            if ch == "{", next < text.endIndex, text[next] == "{" { out.append("{"); i = text.index(after: next); continue }
            if ch == "}", next < text.endIndex, text[next] == "}" { out.append("}"); i = text.index(after: next); continue }
            if ch == "{", let close = text[next...].firstIndex(of: "}") {
                let name = String(text[next..<close])
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    out += replace(name) ?? "{\(name)}"
                    i = text.index(after: close)
                    continue
                }
            }
            out.append(ch)
            i = next
        }
        return out
    }
}

extension Campaign {
    /// Builds a referral link from `utmTemplate` for one creator; nil without a template.
    /// Fills `{campaign}`, `{brand}`, `{handle}`, `{platform}`, `{code}` URL-encoded (campaign slugged: lower-case, spaces → `-`).
    public func referralLink(influencer: Influencer, deal: Deal? = nil) -> String? {
        guard let template = utmTemplate, !template.isEmpty else { return nil }
        func slug(_ s: String) -> String {
            s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: "-")
                .addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=?#+"))) ?? s
        }
        let main = influencer.mainAccount
        let values: [String: String] = [
            "campaign": slug(name), "brand": slug(brand), "handle": slug(main?.handle ?? influencer.displayName),
            "platform": slug(main?.platform.rawValue ?? ""), "code": slug(deal?.tracking.discountCode ?? ""),
        ]
        return TemplateRenderer.scan(template) { values[$0] }
    }
}
