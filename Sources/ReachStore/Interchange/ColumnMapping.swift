import ReachCore

/// Which field each column of an import file fills: recognised from the header row, overridden by `--map`.
public struct ColumnMapping: Sendable, Equatable {
    /// One user override: the column header as written, and the field it fills.
    public struct Override: Sendable, Equatable {
        public var column: String
        public var field: InfluencerField

        public init(column: String, field: InfluencerField) {
            self.column = column
            self.field = field
        }

        /// Reads `--map` values of the form `Column=field` (`'IG Handle=instagram'`, `'Internal=ignore'`).
        public static func parse(_ spec: String) throws(InterchangeError) -> Override {
            guard let eq = spec.firstIndex(of: "=") else {
                throw .badMapping(spec, reason: "write it as 'Column=field', e.g. --map 'IG Handle=instagram'.")
            }
            let column = spec[..<eq].trimmingCharacters(in: .whitespaces)
            let name = spec[spec.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard !column.isEmpty else { throw .badMapping(spec, reason: "the column name before '=' is empty.") }
            guard let field = InfluencerField(header: name) else {
                let known = InfluencerField.simple.map(\.0) + ["handle", "url", "followers", "er", "avg_views", "as_of",
                                                               "instagram", "tiktok_followers (any platform + _url/_followers/_er/_avg_views/_as_of)"]
                throw .badMapping(spec, reason: "\"\(name)\" is not a field Reach knows; use one of: \(known.joined(separator: ", ")).")
            }
            return Override(column: column, field: field)
        }
    }

    public var headers: [String]
    /// The field of each column, in column order.
    public var fields: [InfluencerField]
    /// Columns that will not be imported, and why.
    public var warnings: [String]

    /// Maps `headers`; throws when an override names no column, or no column identifies a creator.
    public init(headers: [String], overrides: [Override], file: String) throws(InterchangeError) {
        self.headers = headers
        var fields = headers.map { InfluencerField(header: $0) }
        for override in overrides {
            let wanted = InfluencerField.normalise(override.column)
            guard let index = headers.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == override.column.lowercased() })
                ?? headers.firstIndex(where: { InfluencerField.normalise($0) == wanted }) else {
                throw .badMapping("\(override.column)=\(override.field.name)",
                                  reason: "\(file) has no column \"\(override.column)\" (columns: \(headers.joined(separator: ", "))).")
            }
            fields[index] = override.field
        }
        var warnings: [String] = []
        for (header, field) in zip(headers, fields) where field == nil && !header.trimmingCharacters(in: .whitespaces).isEmpty {
            warnings.append("Column \"\(header)\" is not imported: map it with --map '\(header)=field' to keep it.")
        }
        var resolved = fields.map { $0 ?? .ignored }
        let platforms = Set(resolved.compactMap { field -> Platform?? in
            switch field {
            case let .handle(p), let .profileURL(p): return .some(p)
            default: return nil
            }
        })
        for (index, field) in resolved.enumerated() {
            guard case let .some(platform) = field.metricPlatform else { continue }
            // A generic handle column may hold any platform (from its URL or a platform column).
            let usable = platform == nil ? !platforms.isEmpty : platforms.contains(platform) || platforms.contains(nil)
            if usable { continue }
            warnings.append("Column \"\(headers[index])\" is not imported: there is no handle or profile URL column for it.")
            resolved[index] = .ignored
        }
        guard resolved.contains(where: \.identifies) else {
            throw .noIdentifyingColumn(file: file, headers: headers)
        }
        self.fields = resolved
        self.warnings = warnings
    }
}

extension InfluencerField {
    /// For metric columns: `.some(platform)` (nil inside for the generic ones); nil for every other field.
    var metricPlatform: Platform?? {
        switch self {
        case let .followers(p), let .engagementRate(p), let .avgViews(p), let .metricsAsOf(p): return .some(p)
        default: return nil
        }
    }
}
