import Foundation
import ReachCore

/// A creator read from one row or JSON element, before it is matched against the roster.
struct ImportCandidate: Sendable {
    var influencer: Influencer
    /// True when the file gave the id (an export being re-imported), so a new record keeps it.
    var hasFileID: Bool
    /// Things the row said that could not be used, shown with the row's outcome.
    var warnings: [String] = []
}

/// Why a row cannot be imported, in words that name the column and say what to write instead.
struct RowRejection: Error, Sendable, Equatable {
    var reason: String
}

/// Turns one CSV row into a candidate creator, or a rejection naming the column at fault.
struct InfluencerRowReader: Sendable {
    let mapping: ColumnMapping
    /// The GDPR source recorded on new creators: `import: <file name>`.
    let consentSource: String
    let now: Date

    /// One account's raw values in a row, with the headers they came from (for messages).
    private struct AccountDraft {
        var handle: String?
        var url: String?
        var metrics: [(field: InfluencerField, header: String, value: String)] = []
    }

    /// What reading carries from row to row.
    struct State {
        /// New creators' ids and their accounts' ids.
        var random = ImportRandom()
        var interner = ValueInterner()
    }

    /// A checklist of eight unchecked items, shared by every new creator rather than allocated for each.
    private static let newVetting = Vetting()

    func read(_ row: DelimitedTextReader.Row, state: inout State) -> Result<ImportCandidate, RowRejection> {
        do throws(RowRejection) {
            return .success(try candidate(from: row, state: &state))
        } catch {
            return .failure(error)
        }
    }

    private func candidate(from row: DelimitedTextReader.Row, state: inout State) throws(RowRejection) -> ImportCandidate {
        var text: [InfluencerField: String] = [:]
        var lists: [InfluencerField: [String]] = [:]
        var drafts: [Platform: AccountDraft] = [:]
        var order: [Platform] = []
        var generic = AccountDraft()
        var warnings: [String] = []

        func draft(_ platform: Platform, _ change: (inout AccountDraft) -> Void) {
            if drafts[platform] == nil { order.append(platform) }
            change(&drafts[platform, default: AccountDraft()])
        }

        for (index, field) in mapping.fields.enumerated() where index < row.fields.count {
            let raw = row.fields[index]
            let value = raw.trimmingWhitespace()
            guard !value.isEmpty else { continue }
            let header = mapping.headers[index]
            switch field {
            case .ignored:
                continue
            case .tags, .niches, .languages:
                lists[field, default: []] += ImportValues.list(value)
            case .notes:
                if text[field] == nil { text[field] = raw }
            case let .handle(platform), let .profileURL(platform):
                let isURL = Self.looksLikeURL(value)
                let target = (isURL ? Handle.platform(fromURL: value) : nil) ?? platform
                let handle = Handle.normalise(value)
                guard !handle.isEmpty else { continue }
                guard !handle.containsWhitespace else {
                    throw RowRejection(reason: "\(header) \"\(value)\" has spaces: write the @handle or paste the profile URL.")
                }
                if let target {
                    draft(target) { d in
                        d.handle = d.handle ?? handle
                        if isURL { d.url = d.url ?? value }
                    }
                } else {
                    generic.handle = generic.handle ?? handle
                    if isURL { generic.url = generic.url ?? value }
                }
            case let .followers(platform), let .engagementRate(platform), let .avgViews(platform), let .metricsAsOf(platform):
                if let platform {
                    draft(platform) { $0.metrics.append((field, header, value)) }
                } else {
                    generic.metrics.append((field, header, value))
                }
            default:
                if text[field] == nil { text[field] = value }
            }
        }

        // Generic handle/URL columns take their platform from the row's platform column.
        if generic.handle != nil || !generic.metrics.isEmpty {
            let named = try text[.platform].map { value throws(RowRejection) in try Self.platform(named: value, header: "platform") }
            if let handle = generic.handle {
                guard let platform = named else {
                    throw RowRejection(reason: "@\(handle) has no platform: add a Platform column, paste the profile URL, "
                                       + "or name the column after the platform (--map 'Handle=instagram').")
                }
                draft(platform) { d in
                    d.handle = d.handle ?? handle
                    d.url = d.url ?? generic.url
                    d.metrics += generic.metrics
                }
            } else if let target = named.flatMap({ drafts[$0] != nil ? $0 : nil }) ?? order.first {
                // Metrics without a platform belong to the row's platform, else to its first account.
                draft(target) { $0.metrics += generic.metrics }
            }
        }

        var accounts: [PlatformAccount] = []
        for platform in order {
            guard let d = drafts[platform] else { continue }
            guard let handle = d.handle else {
                if !d.metrics.isEmpty {
                    warnings.append("\(platform.displayName) figures ignored: the row has no \(platform.displayName) handle.")
                }
                continue
            }
            var account = PlatformAccount(id: state.random.uuid(), platform: platform, handle: handle, url: d.url)
            if let snapshot = try snapshot(from: d.metrics) { account.snapshots = [snapshot] }
            accounts.append(account)
        }

        let email = text[.email]
        if let email, !EmailAddress.isValid(email) {
            throw RowRejection(reason: "Email \"\(email)\" is not a valid address: use the form name@example.com.")
        }
        guard !accounts.isEmpty || email != nil else {
            throw RowRejection(reason: "no handle, profile URL or email: add one so Reach can recognise this creator on the next import.")
        }
        let name = text[.displayName] ?? text[.realName] ?? accounts.first.map { "@" + $0.handle } ?? email ?? ""

        var influencer = Influencer(
            id: try id(text[.id]) ?? RecordID.generate(at: now, using: &state.random), createdAt: now, displayName: name,
            realName: text[.realName], firstName: text[.firstName],
            contact: ContactInfo(email: email, phone: text[.phone], other: text[.otherContact]),
            country: try text[.country].map { value throws(RowRejection) in
                guard let code = ImportValues.country(value) else {
                    throw RowRejection(reason: "Country \"\(value)\" is not recognised: use a two-letter code such as LV, GE or JP.")
                }
                return code
            },
            city: text[.city].map { state.interner.string($0) },
            languages: state.interner.list(try (lists[.languages] ?? []).map { value throws(RowRejection) in
                guard let code = ImportValues.language(value) else {
                    throw RowRejection(reason: "Language \"\(value)\" is not recognised: use a code such as en, lv, ka or ja.")
                }
                return code
            }),
            timeZone: text[.timeZone], tags: state.interner.list(lists[.tags] ?? []),
            niches: state.interner.list((lists[.niches] ?? []).map { Niche(rawValue: $0) }),
            notes: text[.notes], accounts: accounts, vetting: Self.newVetting, consent: DataConsent(source: consentSource))
        if let value = text[.relationship] { influencer.relationship = try Self.relationship(value) }
        if let value = text[.doNotContact] { influencer.doNotContact = try Self.flag(value, header: "Do not contact") }
        influencer.doNotContactReason = text[.doNotContactReason]
        if let value = text[.archived] { influencer.archived = try Self.flag(value, header: "Archived") }
        let agentName = text[.agentName] ?? text[.agency] ?? text[.agentEmail] ?? text[.agentPhone]
        if let agentName {
            influencer.agent = AgentContact(name: agentName, agency: text[.agency],
                                            contact: ContactInfo(email: text[.agentEmail], phone: text[.agentPhone]))
        }
        if let value = text[.mainPlatform] {
            let platform = try Self.platform(named: value, header: "Main platform")
            if let main = influencer.account(on: platform) { influencer.setMainAccount(main.id) }
            else { warnings.append("Main platform \(platform.displayName) ignored: the row has no \(platform.displayName) handle.") }
        }
        let problems = influencer.validate().filter { $0.severity == .error }
        guard problems.isEmpty else { throw RowRejection(reason: problems.map(\.message).joined(separator: " ")) }
        return ImportCandidate(influencer: influencer, hasFileID: text[.id] != nil, warnings: warnings)
    }

    /// One dated snapshot (source: import) from a row's follower, ER, views and as-of values.
    private func snapshot(from metrics: [(field: InfluencerField, header: String, value: String)]) throws(RowRejection) -> MetricSnapshot? {
        guard !metrics.isEmpty else { return nil }
        var snapshot = MetricSnapshot(asOf: now, source: .imported)
        var hasFigure = false
        for (field, header, value) in metrics {
            switch field {
            case .followers, .avgViews:
                guard let n = ImportValues.count(value) else {
                    throw RowRejection(reason: "\(header) \"\(value)\" is not a number: write e.g. 12500, 12,500, 12.5k or 1.2M.")
                }
                if case .followers = field { snapshot.followers = n } else { snapshot.avgViews = n }
                hasFigure = true
            case .engagementRate:
                guard let rate = ImportValues.percent(value) else {
                    throw RowRejection(reason: "\(header) \"\(value)\" is not a percentage between 0 and 100: write e.g. 3.2 or 3.2%.")
                }
                snapshot.engagementRate = rate
                hasFigure = true
            default:
                guard let date = ImportValues.date(value) else {
                    throw RowRejection(reason: "\(header) \"\(value)\" is not a date: write it as YYYY-MM-DD.")
                }
                snapshot.asOf = date
            }
        }
        return hasFigure ? snapshot : nil
    }

    private func id(_ value: String?) throws(RowRejection) -> RecordID? {
        guard let value else { return nil }
        let id = RecordID(rawValue: value.uppercased())
        guard id.isWellFormed else {
            throw RowRejection(reason: "id \"\(value)\" is not a Reach id: leave the id column empty for new creators.")
        }
        return id
    }

    static func looksLikeURL(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") || lower.contains("/")
    }

    /// A platform from its name as people write it ("Instagram", "IG", "Twitter"); unknown names become new platforms.
    static func platform(named value: String, header: String) throws(RowRejection) -> Platform {
        if case let .handle(platform?) = InfluencerField(header: value) { return platform }
        let key = InfluencerField.normalise(value)
        guard !key.isEmpty else { throw RowRejection(reason: "\(header) \"\(value)\" is not a platform name.") }
        return Platform(rawValue: key)
    }

    /// Each status by its raw value and its display name, normalised once rather than for every row.
    private static let relationships: [String: RelationshipStatus] = Dictionary(
        RelationshipStatus.allCases.flatMap { [(InfluencerField.normalise($0.rawValue), $0), (InfluencerField.normalise($0.displayName), $0)] },
        uniquingKeysWith: { first, _ in first })

    static func relationship(_ value: String) throws(RowRejection) -> RelationshipStatus {
        if let status = relationships[InfluencerField.normalise(value)] { return status }
        let options = RelationshipStatus.allCases.map(\.displayName).joined(separator: ", ")
        throw RowRejection(reason: "Relationship \"\(value)\" is not one Reach knows: use one of \(options).")
    }

    static func flag(_ value: String, header: String) throws(RowRejection) -> Bool {
        guard let flag = ImportValues.bool(value) else {
            throw RowRejection(reason: "\(header) \"\(value)\" is not yes or no.")
        }
        return flag
    }
}
