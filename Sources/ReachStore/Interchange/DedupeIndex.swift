import ReachCore

/// Normalised handle-per-platform and email keys → creator, for O(1) duplicate lookups during an import.
///
/// Same keys as `DuplicateDetector` (which compares a candidate with the whole roster, too slow for
/// 100,000 rows against 100,000 creators), kept in a dictionary instead.
struct DedupeIndex: Sendable {
    private var owners: [String: RecordID] = [:]

    /// The keys of a creator with a human label for each ("same Instagram handle @x").
    static func keys(of influencer: Influencer) -> [(key: String, label: String)] {
        var out: [(String, String)] = []
        for account in influencer.accounts {
            let handle = Handle.normalise(account.handle)
            guard !handle.isEmpty else { continue }
            out.append(("h:\(account.platform.rawValue):\(handle)", "same \(account.platform.displayName) handle @\(handle)"))
        }
        if let email = influencer.contact.email.map(EmailAddress.normalise), !email.isEmpty {
            out.append(("e:\(email)", "same email \(email)"))
        }
        return out
    }

    /// Registers the creator's keys; a key already owned keeps its first owner.
    mutating func add(_ influencer: Influencer) {
        for (key, _) in Self.keys(of: influencer) where owners[key] == nil {
            owners[key] = influencer.id
        }
    }

    /// The distinct creators sharing a key with `influencer`, each with the reasons, in order of first match.
    func matches(for influencer: Influencer) -> [(id: RecordID, reasons: [String])] {
        var out: [(id: RecordID, reasons: [String])] = []
        for (key, label) in Self.keys(of: influencer) {
            guard let owner = owners[key] else { continue }
            if let i = out.firstIndex(where: { $0.id == owner }) { out[i].reasons.append(label) }
            else { out.append((owner, [label])) }
        }
        return out
    }
}
