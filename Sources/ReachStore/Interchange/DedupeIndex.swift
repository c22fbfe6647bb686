import ReachCore

/// Normalised handle-per-platform and email keys → creator, for O(1) duplicate lookups during an import.
///
/// Same keys as `DuplicateDetector` (which compares a candidate with the whole roster, too slow for
/// 100,000 rows against 100,000 creators), kept in a dictionary instead.
struct DedupeIndex: Sendable {
    /// One thing two records of the same person share, put into words only for a match: building the words
    /// for every row was 4 % of reading an import.
    private enum Reason {
        case handle(Platform, String)
        case email(String)

        /// The index's key: one string, the smallest key for a dictionary of 200,000.
        var key: String {
            switch self {
            case let .handle(platform, handle): "h:\(platform.rawValue):\(handle)"
            case let .email(email): "e:\(email)"
            }
        }

        var label: String {
            switch self {
            case let .handle(platform, handle): "same \(platform.displayName) handle @\(handle)"
            case let .email(email): "same email \(email)"
            }
        }
    }

    private var owners: [String: RecordID] = [:]

    private static func reasons(_ influencer: Influencer) -> [Reason] {
        var out: [Reason] = []
        for account in influencer.accounts {
            let handle = Handle.normalise(account.handle)
            if !handle.isEmpty { out.append(.handle(account.platform, handle)) }
        }
        if let email = influencer.contact.email.map(EmailAddress.normalise), !email.isEmpty { out.append(.email(email)) }
        return out
    }

    /// Registers the creator's keys; a key already owned keeps its first owner.
    mutating func add(_ influencer: Influencer) {
        for reason in Self.reasons(influencer) {
            let key = reason.key
            if owners[key] == nil { owners[key] = influencer.id }
        }
    }

    /// The distinct creators sharing a key with `influencer`, each with the reasons, in order of first match.
    func matches(for influencer: Influencer) -> [(id: RecordID, reasons: [String])] {
        var out: [(id: RecordID, reasons: [String])] = []
        for reason in Self.reasons(influencer) {
            guard let owner = owners[reason.key] else { continue }
            if let i = out.firstIndex(where: { $0.id == owner }) { out[i].reasons.append(reason.label) }
            else { out.append((owner, [reason.label])) }
        }
        return out
    }
}
