import Foundation
import ReachCore
import ReachStore

/// The few creators a command's lookup could pick, read in full, instead of every creator: with creators read on
/// demand, handing all 100,000 to a lookup read every file (`reach log` took 19 s instead of 5).
extension Workspace {
    /// Every creator `RecordLookup.influencer(query, in:)` could match: the one with that id, and those whose search
    /// keys hold the query folded. The lookup compares folded names, real names, emails and handles (with or
    /// without "@"), each of which the keys hold verbatim, so no creator it would match is left out.
    public func creatorsALookupCouldMatch(_ query: String) -> [Influencer] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let byID = influencer(RecordID(rawValue: trimmed.uppercased())).map { [$0] } ?? []
        let text = trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed
        return byID + influencers(whoseSearchKeysContain: text).filter { $0.id != byID.first?.id }
    }

    /// Every creator whose email or other contact lines (or their agent's) could hold an address of `message` or of
    /// its forwarded original: what `MailAddressIndex` matches, each held verbatim by the search keys.
    public func creatorsAMessageCouldBeAbout(_ message: MailMessage) -> [Influencer] {
        let addresses = Set((message.from + message.to + message.cc + (message.forwarded?.from ?? [])).map { $0.address.lowercased() })
        var seen: Set<RecordID> = []
        return addresses.sorted().flatMap { influencers(whoseSearchKeysContain: $0) }.filter { seen.insert($0.id).inserted }
    }
}
