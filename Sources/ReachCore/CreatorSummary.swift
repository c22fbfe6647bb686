/// A creator's folded search keys (`SearchIndex`). Parts are folded one by one (folding never reaches across the
/// separators), so ASCII parts take the fast path. The folder index stores them: a change here needs a new
/// `IndexSchema.version`.
public struct CreatorSearchKeys: Hashable, Sendable {
    /// Name and handles (weighted higher); also the tie-breaking sort key.
    public var primary: [UInt8]
    /// Real name, tags, niches, city, country, email and other contact lines, agent (name, agency, email, other
    /// lines), notes.
    public var secondary: [UInt8]
    /// How many of `primary`'s bytes are the folded display name (`foldedName`).
    public var foldedNameLength: Int

    public init(primary: [UInt8], secondary: [UInt8], foldedNameLength: Int) {
        self.primary = primary
        self.secondary = secondary
        self.foldedNameLength = foldedNameLength
    }

    /// The display name folded (`TextFolding.fold`), the roster's name order, as `primary` begins: a start at
    /// 100,000 creators folded every name again, a fifth of reading them from the folder index.
    public var foldedName: String { String(decoding: primary.prefix(foldedNameLength), as: UTF8.self) }

    public init(_ inf: Influencer) {
        let handles = inf.accounts.map { TextFolding.fold($0.handle) }.joined(separator: " ")
        let name = TextFolding.fold(inf.displayName)
        let primary = name + " " + handles
        let parts: [String] = [inf.realName ?? "", inf.tags.joined(separator: " "), inf.niches.map(\.rawValue).joined(separator: " "),
                               inf.city ?? "", inf.country ?? "", inf.contact.email ?? "", inf.contact.other ?? "", inf.agent?.name ?? "",
                               inf.agent?.agency ?? "", inf.agent?.contact.email ?? "", inf.agent?.contact.other ?? "", inf.notes ?? ""]
        let secondary = parts.filter { !$0.isEmpty }.map(TextFolding.fold).joined(separator: " | ")
        self.init(primary: Array(primary.utf8), secondary: Array(secondary.utf8), foldedNameLength: name.utf8.count)
    }
}

/// What the app keeps of a creator whose full record stays in its file until a screen asks for it: the name lists
/// show, the roster's facts, the search keys and the duplicate keys. The folder index stores one per creator, so a
/// start reads these instead of 100,000 full creators (0.3 GB held at 100k).
public struct CreatorSummary: Hashable, Sendable {
    public var id: RecordID
    public var displayName: String
    public var facts: RosterFacts
    public var searchKeys: CreatorSearchKeys
    /// `DuplicateDetector.keys(of:)`.
    public var duplicateKeys: [String]

    public init(id: RecordID, displayName: String, facts: RosterFacts, searchKeys: CreatorSearchKeys, duplicateKeys: [String]) {
        self.id = id
        self.displayName = displayName
        self.facts = facts
        self.searchKeys = searchKeys
        self.duplicateKeys = duplicateKeys
    }

    public init(_ influencer: Influencer) {
        self.init(id: influencer.id, displayName: influencer.displayName, facts: RosterFacts(influencer),
                  searchKeys: CreatorSearchKeys(influencer), duplicateKeys: DuplicateDetector.keys(of: influencer))
    }
}
