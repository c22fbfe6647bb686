import Foundation

/// One dated row of results imported from a file (a shop's code report, an analytics or affiliate export, a
/// platform's post insights), kept on the deal with where it came from so it can be checked and re-imported.
///
/// A row is identified by `matchedBy` + `day` + `sourceFile`: importing the same file again updates the entry
/// instead of adding one. With `deliverableID` it is a snapshot of one post's insights; without, sales
/// attributed to the deal's code or link for that day.
public struct ImportedResult: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    /// The day the figures are for (midnight UTC).
    public var day: Date
    /// What the row matched on, as normalised (named so, not `key`, so that a GDPR erasure scrubs it like
    /// other free text: it can hold a creator's handle or a code built from their name): `code:SUMMER10`, `link:…`, `utm:…`, `post:instagram.com/p/…`.
    public var matchedBy: String
    /// The file's name (not its folder), so the same export re-imported from elsewhere is the same source.
    public var sourceFile: String
    /// The line of the row in that file, for checking it by hand.
    public var line: Int
    public var deliverableID: UUID?
    public var figures: DeliverableResults

    public init(id: UUID = UUID(), day: Date, matchedBy: String, sourceFile: String, line: Int, deliverableID: UUID? = nil,
                figures: DeliverableResults) {
        self.id = id
        self.day = day
        self.matchedBy = matchedBy
        self.sourceFile = sourceFile
        self.line = line
        self.deliverableID = deliverableID
        self.figures = figures
    }

    /// True when `other` is the same row of the same export (so it replaces this one).
    public func isSameRow(as other: ImportedResult) -> Bool {
        matchedBy == other.matchedBy && day == other.day && sourceFile == other.sourceFile
    }
}
