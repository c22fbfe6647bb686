import ReachCore

/// What one column of a results export holds: a key to find the deal or post by, the day, or a figure.
/// Recognised by header name (any case, accents, spaces and punctuation ignored) across the exports people
/// have: a shop's discount-code report, an analytics export by UTM, a platform's post insights, an affiliate CSV.
public enum ResultField: String, Sendable, CaseIterable {
    case code, link, utmCampaign = "utm_campaign", utmContent = "utm_content", postURL = "post_url", day
    case orders, conversions, grossSales = "gross_sales", netSales = "net_sales", currency, clicks
    case reach, impressions, views, likes, comments, shares, saves
    case ignored = "ignore"

    /// The field a header names, or nil when Reach does not know it.
    public init?(header: String) {
        let key = InfluencerField.normalise(header)
        if let field = Self(rawValue: header.trimmingWhitespace().lowercased()) ?? Self.aliases[key] { self = field } else { return nil }
    }

    /// True for the columns a row is matched by.
    var identifies: Bool { [.code, .link, .utmCampaign, .utmContent, .postURL].contains(self) }

    private static let aliases: [String: ResultField] = {
        var map: [String: ResultField] = [:]
        func add(_ field: ResultField, _ names: String...) { for n in names { map[InfluencerField.normalise(n)] = field } }
        add(.code, "code", "discount code", "discount", "coupon", "coupon code", "promo code", "voucher", "voucher code")
        add(.link, "link", "tracking link", "referral link", "affiliate link", "url", "landing page", "landing page url")
        add(.utmCampaign, "utm campaign", "campaign", "session campaign", "first user campaign")
        add(.utmContent, "utm content", "content", "session manual ad content", "ad content")
        add(.postURL, "post url", "post link", "permalink", "post permalink", "media url", "video url", "post")
        add(.day, "day", "date", "order date", "as of", "period")
        add(.orders, "orders", "order count", "total orders", "uses", "code uses", "redemptions")
        add(.conversions, "conversions", "key events", "transactions", "purchases", "sales count")
        add(.grossSales, "gross sales", "sales", "total sales", "sale amount", "order value", "gmv")
        add(.netSales, "net sales", "revenue", "purchase revenue", "total revenue", "net revenue")
        add(.currency, "currency", "currency code")
        add(.clicks, "clicks", "sessions", "link clicks", "visits", "traffic")
        add(.reach, "reach", "accounts reached", "unique viewers")
        add(.impressions, "impressions")
        add(.views, "views", "video views", "plays")
        add(.likes, "likes", "reactions")
        add(.comments, "comments")
        add(.shares, "shares", "reposts")
        add(.saves, "saves", "bookmarks", "favorites")
        add(.ignored, "ignore")
        return map
    }()
}

/// The field of each column of a results file, from its headers and the `--map` overrides.
public struct ResultColumns: Sendable, Equatable {
    /// One `--map Column=field` override.
    public struct Override: Sendable, Equatable {
        public var column: String
        public var field: ResultField

        /// Reads `Column=field` (`'Coupon=code'`, `'Umsatz=net_sales'`, `'Notes=ignore'`).
        public static func parse(_ spec: String) throws(InterchangeError) -> Override {
            guard let eq = spec.firstIndex(of: "="), !spec[..<eq].trimmingWhitespace().isEmpty else {
                throw .badMapping(spec, reason: "write it as 'Column=field', e.g. --map 'Coupon=code'.")
            }
            let name = String(spec[spec.index(after: eq)...])
            guard let field = ResultField(header: name) else {
                throw .badMapping(spec, reason: "\"\(name)\" is not a results field; use one of: "
                                  + ResultField.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            return Override(column: spec[..<eq].trimmingWhitespace(), field: field)
        }
    }

    public var fields: [ResultField]
    public var warnings: [String]

    public init(headers: [String], overrides: [Override], file: String) throws(InterchangeError) {
        var fields = headers.map { ResultField(header: $0) }
        for override in overrides {
            let wanted = InfluencerField.normalise(override.column)
            guard let index = headers.firstIndex(where: { InfluencerField.normalise($0) == wanted }) else {
                throw .badMapping("\(override.column)=\(override.field.rawValue)",
                                  reason: "\(file) has no column \"\(override.column)\" (columns: \(headers.joined(separator: ", "))).")
            }
            fields[index] = override.field
        }
        warnings = zip(headers, fields).filter { $0.1 == nil && !$0.0.trimmingWhitespace().isEmpty }
            .map { "Column \"\($0.0)\" is not imported: map it with --map '\($0.0)=field' to keep it." }
        // A header read twice (e.g. two "Campaign" columns) keeps the first: the second is ignored.
        var seen = Set<ResultField>()
        self.fields = fields.map { field in
            guard let field, field != .ignored, seen.insert(field).inserted else { return .ignored }
            return field
        }
        guard self.fields.contains(where: \.identifies) else {
            throw .unsupported("\(file) has no column to match results by (a discount code, a link, a UTM campaign or "
                               + "content, or a post URL); columns: \(headers.joined(separator: ", ")). Map one with --map 'Column=code'.")
        }
    }
}
