import Foundation

/// How serious a validation issue is: errors block saving in the UI, warnings are shown.
public enum ValidationSeverity: String, Codable, Sendable {
    case error, warning
}

/// One problem found in a record: the field path (`accounts[0].handle`) and a human message saying what to do.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var severity: ValidationSeverity

    public init(_ field: String, _ message: String, severity: ValidationSeverity = .error) {
        self.field = field
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(field): \(message)" }
}

/// Nil, empty or only white space: a field that says nothing.
func blank(_ s: String?) -> Bool { s?.trimmingWhitespace().isEmpty ?? true }

private func checkMoney(_ m: Money?, _ field: @autoclosure () -> String, into issues: inout [ValidationIssue], allowNegative: Bool = false) {
    guard let m else { return }
    if !m.currency.isKnown {
        issues.append(ValidationIssue(field(), "Unknown currency code \"\(m.currency)\": use an ISO 4217 code such as EUR, USD or JPY."))
    }
    if !allowNegative && m.isNegative {
        issues.append(ValidationIssue(field(), "Amount \(m.formatted) is negative: enter a positive amount."))
    }
}

private func checkPercent(_ v: Double?, _ field: @autoclosure () -> String, into issues: inout [ValidationIssue]) {
    guard let v else { return }
    if !v.isFinite || v < 0 || v > 100 {
        issues.append(ValidationIssue(field(), "\(v) is out of range: enter a percentage between 0 and 100."))
    }
}

private func checkCount(_ v: Int?, _ field: @autoclosure () -> String, into issues: inout [ValidationIssue]) {
    if let v, v < 0 { issues.append(ValidationIssue(field(), "\(v) is negative: enter 0 or more.")) }
}

extension Influencer {
    /// Field-level problems; empty when the record is fine.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if blank(displayName) { issues.append(ValidationIssue("displayName", "Display name is empty: enter the name the creator goes by.")) }
        if let email = contact.email, !blank(email), !EmailAddress.isValid(email) {
            issues.append(ValidationIssue("contact.email", "\"\(email)\" is not a valid email address: use the form name@example.com."))
        }
        if let email = agent?.contact.email, !blank(email), !EmailAddress.isValid(email) {
            issues.append(ValidationIssue("agent.contact.email", "\"\(email)\" is not a valid email address: use the form name@example.com."))
        }
        if let c = country, !blank(c), !(c.count == 2 && c.allSatisfy { $0.isASCII && $0.isLetter }) {
            issues.append(ValidationIssue("country", "\"\(c)\" is not a two-letter ISO country code: use e.g. LV, GE, JP."))
        }
        if let tz = timeZone, !blank(tz), TimeZone(identifier: tz) == nil {
            issues.append(ValidationIssue("timeZone", "Unknown time zone \"\(tz)\": use an identifier such as Europe/Riga."))
        }
        if doNotContact && blank(doNotContactReason) {
            issues.append(ValidationIssue("doNotContactReason", "Do-not-contact is set without a reason: note why.", severity: .warning))
        }
        if accounts.filter(\.isMain).count > 1 {
            issues.append(ValidationIssue("accounts", "More than one account is marked main: keep one."))
        }
        struct AccountKey: Hashable { let platform: Platform, handle: String }
        var seen = Set<AccountKey>()
        for (i, a) in accounts.enumerated() {
            let key = AccountKey(platform: a.platform, handle: a.handle)
            if blank(a.handle) { issues.append(ValidationIssue("accounts[\(i)].handle", "Handle is empty: enter the @handle or profile URL.")) }
            if !seen.insert(key).inserted {
                issues.append(ValidationIssue("accounts[\(i)]", "\(a.platform.displayName) @\(a.handle) is listed twice: remove the duplicate."))
            }
            for (j, s) in a.snapshots.enumerated() {
                // Field paths are put together only for a problem: every imported row is validated.
                let f = { (leaf: String) in "accounts[\(i)].snapshots[\(j)].\(leaf)" }
                checkCount(s.followers, f("followers"), into: &issues)
                checkCount(s.avgViews, f("avgViews"), into: &issues)
                checkPercent(s.engagementRate, f("engagementRate"), into: &issues)
                if let p = s.postsPerWeek, p < 0 { issues.append(ValidationIssue(f("postsPerWeek"), "Posting frequency is negative: enter 0 or more.")) }
            }
        }
        if let score = vetting.score, !(0...100).contains(score) {
            issues.append(ValidationIssue("vetting.score", "Vetting score \(score) is out of range: enter 0 to 100."))
        }
        if let stars = rating?.stars, !(1...5).contains(stars) {
            issues.append(ValidationIssue("rating.stars", "Rating \(stars) is out of range: enter 1 to 5."))
        }
        if let a = audience {
            for (i, s) in a.topCountries.enumerated() { checkPercent(s.percent, "audience.topCountries[\(i)].percent", into: &issues) }
            for (i, s) in a.ageBands.enumerated() { checkPercent(s.percent, "audience.ageBands[\(i)].percent", into: &issues) }
            checkPercent(a.targetMarketShare, "audience.targetMarketShare", into: &issues)
            if a.topCountries.map(\.percent).reduce(0, +) > 100.5 {
                issues.append(ValidationIssue("audience.topCountries", "Country shares add up to more than 100%: check the figures."))
            }
        }
        for (i, e) in rateCard.entries.enumerated() { checkMoney(e.price, "rateCard.entries[\(i)].price", into: &issues) }
        return issues
    }
}

extension Campaign {
    /// Field-level problems; empty when the record is fine.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if blank(name) { issues.append(ValidationIssue("name", "Campaign name is empty: enter a name.")) }
        if blank(brand) { issues.append(ValidationIssue("brand", "Brand is empty: enter the brand or client.")) }
        if let s = startDate, let e = endDate, e < s {
            issues.append(ValidationIssue("endDate", "End date is before the start date: move the end date later."))
        }
        checkMoney(budget, "budget", into: &issues)
        let t = kpiTargets
        for (m, f) in [(t.revenue, "revenue"), (t.cpm, "cpm"), (t.cpe, "cpe"), (t.cpc, "cpc"), (t.cpa, "cpa")] {
            checkMoney(m, "kpiTargets." + f, into: &issues)
        }
        checkPercent(t.engagementRate, "kpiTargets.engagementRate", into: &issues)
        for (v, f) in [(t.reach, "reach"), (t.impressions, "impressions"), (t.views, "views"), (t.engagements, "engagements"),
                       (t.clicks, "clicks"), (t.conversions, "conversions")] {
            checkCount(v, "kpiTargets." + f, into: &issues)
        }
        return issues
    }
}

extension Deal {
    /// Field-level problems; empty when the record is fine. Pass the workspace pipeline so stage keys are checked.
    public func validate(pipeline: StagePipeline = .default) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if !pipeline.contains(stage) {
            issues.append(ValidationIssue("stage", "Stage \"\(stage)\" is not in the pipeline: move the deal to a configured stage."))
        }
        if pipeline.isSideExit(stage) && blank(exitReason) {
            issues.append(ValidationIssue("exitReason", "The deal is \(pipeline.name(of: stage)) without a reason: note why it ended."))
        }
        checkMoney(agreedFee, "agreedFee", into: &issues)
        checkMoney(pricing.unitRate, "pricing.unitRate", into: &issues)
        checkPercent(pricing.commissionPercent, "pricing.commissionPercent", into: &issues)
        for (i, o) in offers.enumerated() { checkMoney(o.amount, "offers[\(i)].amount", into: &issues) }
        for (i, p) in payments.enumerated() {
            checkMoney(p.amount, "payments[\(i)].amount", into: &issues)
            if p.status == .paid && p.paidAt == nil {
                issues.append(ValidationIssue("payments[\(i)].paidAt", "Payment is marked paid without a paid date: enter when it was paid.", severity: .warning))
            }
        }
        for (i, d) in deliverables.enumerated() {
            let f = "deliverables[\(i)]"
            if d.count < 1 { issues.append(ValidationIssue(f + ".count", "Count must be at least 1.")) }
            if d.status == .live && blank(d.liveURL) {
                issues.append(ValidationIssue(f + ".liveURL", "Deliverable is live without a URL: paste the link to the post.", severity: .warning))
            }
            if d.status == .changesRequested && blank(d.changesReason) {
                issues.append(ValidationIssue(f + ".changesReason", "Changes were requested without a reason: say what to change."))
            }
            if let r = d.results {
                for (v, n) in [(r.reach, "reach"), (r.impressions, "impressions"), (r.views, "views"), (r.likes, "likes"),
                               (r.comments, "comments"), (r.shares, "shares"), (r.saves, "saves"), (r.clicks, "clicks"),
                               (r.codeUses, "codeUses"), (r.conversions, "conversions")] {
                    checkCount(v, f + ".results." + n, into: &issues)
                }
                checkMoney(r.revenue, f + ".results.revenue", into: &issues)
            }
        }
        if followUpCount < 0 { issues.append(ValidationIssue("followUpCount", "Follow-up count is negative.")) }
        if let code = tracking.discountCode, !blank(code), code.contains(where: { $0.isWhitespace }) {
            issues.append(ValidationIssue("tracking.discountCode", "Discount code \"\(code)\" contains spaces: use letters and digits only."))
        }
        if !pipeline.isClosed(stage) && nextAction == nil && stage != pipeline.stages.first?.key {
            issues.append(ValidationIssue("nextAction", "Open deal without a next action: set a follow-up date.", severity: .warning))
        }
        return issues
    }
}

extension Template {
    /// Field-level problems; unknown placeholders are warnings.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if blank(name) { issues.append(ValidationIssue("name", "Template name is empty: enter a name.")) }
        if blank(body) { issues.append(ValidationIssue("body", "Template body is empty: write the message.")) }
        let unknown = TemplateRenderer.placeholders(in: (subject ?? "") + "\n" + body).filter { !TemplateRenderer.knownPlaceholders.contains($0) }
        for p in unknown {
            issues.append(ValidationIssue("body", "Unknown placeholder {\(p)}: use one of \(TemplateRenderer.knownPlaceholders.map { "{\($0)}" }.joined(separator: ", ")).", severity: .warning))
        }
        return issues
    }
}

/// Checks that span many records (the data folder as a whole).
public enum WorkspaceValidation {
    /// Discount codes must be unique across all deals (case-insensitive); returns one issue per clashing deal.
    public static func duplicateDiscountCodes(in deals: [Deal]) -> [RecordID: [ValidationIssue]] {
        var byCode: [String: [RecordID]] = [:]
        for d in deals {
            guard let code = d.tracking.discountCodeKey else { continue }
            byCode[code, default: []].append(d.id)
        }
        var out: [RecordID: [ValidationIssue]] = [:]
        for (code, ids) in byCode where ids.count > 1 {
            for id in ids {
                out[id, default: []].append(ValidationIssue("tracking.discountCode",
                    "Discount code \(code) is used by \(ids.count) deals: give each creator a unique code so sales are attributable."))
            }
        }
        return out
    }

    /// Deals whose influencer or campaign does not exist.
    public static func danglingReferences(deals: [Deal], influencerIDs: Set<RecordID>, campaignIDs: Set<RecordID>) -> [RecordID: [ValidationIssue]] {
        var out: [RecordID: [ValidationIssue]] = [:]
        for d in deals {
            if !influencerIDs.contains(d.influencerID) {
                out[d.id, default: []].append(ValidationIssue("influencerID", "The deal's influencer \(d.influencerID) is missing: restore it or delete the deal."))
            }
            if !campaignIDs.contains(d.campaignID) {
                out[d.id, default: []].append(ValidationIssue("campaignID", "The deal's campaign \(d.campaignID) is missing: restore it or delete the deal."))
            }
        }
        return out
    }
}
