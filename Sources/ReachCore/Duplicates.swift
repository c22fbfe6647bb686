import Foundation

/// Why two creators look like the same person.
public enum DuplicateReason: Hashable, Sendable, CustomStringConvertible {
    case sameHandle(Platform, String)
    case sameEmail(String)

    public var description: String {
        switch self {
        case let .sameHandle(p, h): return "same \(p.displayName) handle @\(h)"
        case let .sameEmail(e): return "same email \(e)"
        }
    }
}

/// An existing record that likely duplicates a candidate.
public struct DuplicateMatch: Hashable, Sendable {
    public var existingID: RecordID
    public var reasons: [DuplicateReason]
}

/// Finds likely duplicates by normalised handle (per platform) and email, on create/import.
public enum DuplicateDetector {
    /// The keys two likely duplicates share: a normalised handle per platform, a normalised email.
    public static func keys(of influencer: Influencer) -> [String] { keys(influencer).map(\.0) }

    private static func keys(_ inf: Influencer) -> [(String, DuplicateReason)] {
        var out: [(String, DuplicateReason)] = []
        for a in inf.accounts where !a.handle.isEmpty {
            let h = Handle.normalise(a.handle)
            out.append(("h:\(a.platform.rawValue):\(h)", .sameHandle(a.platform, h)))
        }
        for e in [inf.contact.email].compactMap({ $0 }) where !e.isEmpty {
            let n = EmailAddress.normalise(e)
            out.append(("e:\(n)", .sameEmail(n)))
        }
        return out
    }

    /// Existing creators that `candidate` likely duplicates (excluding itself).
    public static func matches(for candidate: Influencer, in roster: [Influencer]) -> [DuplicateMatch] {
        let mine = keys(candidate)
        let wanted = Dictionary(mine, uniquingKeysWith: { a, _ in a })
        var out: [DuplicateMatch] = []
        for other in roster where other.id != candidate.id {
            let reasons = keys(other).compactMap { wanted[$0.0] }
            if !reasons.isEmpty { out.append(DuplicateMatch(existingID: other.id, reasons: Array(Set(reasons)).sorted { $0.description < $1.description })) }
        }
        return out
    }

    /// Groups of two or more roster entries that share a handle or email (transitively), each group sorted by id.
    public static func groups(in roster: [Influencer]) -> [[RecordID]] {
        var parent: [RecordID: RecordID] = [:]
        func find(_ x: RecordID) -> RecordID {
            var r = x
            while let p = parent[r], p != r { r = p }
            return r
        }
        var owner: [String: RecordID] = [:]
        for inf in roster {
            parent[inf.id] = parent[inf.id] ?? inf.id
            for (k, _) in keys(inf) {
                if let o = owner[k] { let a = find(o), b = find(inf.id); if a != b { parent[max(a, b)] = min(a, b) } }
                else { owner[k] = inf.id }
            }
        }
        var groups: [RecordID: [RecordID]] = [:]
        for inf in roster { groups[find(inf.id), default: []].append(inf.id) }
        return groups.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}

extension Influencer {
    /// Merges `other` into this record, keeping all history: accounts united by platform+handle (snapshots combined),
    /// tags/niches/languages united, notes appended, missing fields filled from `other`. Deals must be re-pointed by the caller.
    public func merged(with other: Influencer, at date: Date) -> Influencer {
        var m = self
        for acc in other.accounts {
            if let i = m.accounts.firstIndex(where: { $0.platform == acc.platform && $0.handle == acc.handle }) {
                for s in acc.snapshots where !m.accounts[i].snapshots.contains(s) { m.accounts[i].snapshots.append(s) }
                if m.accounts[i].url == nil { m.accounts[i].url = acc.url }
            } else {
                var copy = acc
                copy.isMain = false
                m.accounts.append(copy)
            }
        }
        func union<T: Hashable>(_ a: [T], _ b: [T]) -> [T] { a + b.filter { !a.contains($0) } }
        m.tags = union(tags, other.tags)
        m.niches = union(niches, other.niches)
        m.languages = union(languages, other.languages)
        if let n = other.notes, !n.isEmpty { m.notes = [notes, n].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n") }
        m.realName = m.realName ?? other.realName
        m.firstName = m.firstName ?? other.firstName
        m.contact.email = m.contact.email ?? other.contact.email
        m.contact.phone = m.contact.phone ?? other.contact.phone
        m.contact.other = m.contact.other ?? other.contact.other
        m.agent = m.agent ?? other.agent
        m.country = m.country ?? other.country
        m.city = m.city ?? other.city
        m.timeZone = m.timeZone ?? other.timeZone
        m.audience = m.audience ?? other.audience
        m.rating = m.rating ?? other.rating
        m.consent = m.consent ?? other.consent
        if m.rateCard.entries.isEmpty { m.rateCard = other.rateCard }
        if m.vetting.verdict == .pending && other.vetting.verdict != .pending { m.vetting = other.vetting }
        if other.doNotContact && !m.doNotContact {
            m.doNotContact = true
            m.doNotContactReason = other.doNotContactReason
        }
        m.createdAt = min(createdAt, other.createdAt)
        m.updatedAt = date
        return m
    }
}
