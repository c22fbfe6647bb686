import Foundation
import ReachJSON

/// The merge of one data-folder file from the bytes of its three versions, as git hands them over. Pure.
enum FileContentMerge {
    struct Merged: Equatable {
        /// The merged file, in the store's format.
        var bytes: [UInt8]
        /// For the document's conflict file (a conflict file keeps its own clashes inside the merged bytes).
        var clashes: [Clash]
    }

    /// Nil when neither side is a JSON object: nothing can be merged. A side that is not one (an empty base
    /// from git for a file both sides added, a damaged file) is left out: without a base, both sides count as
    /// added; without ours or theirs, the other side is kept and the unreadable bytes are saved in a clash.
    static func merge(_ file: ReachFile, base: [UInt8], ours: [UInt8], theirs: [UInt8], authors: MergeAuthors,
                      at now: Date) -> Merged? {
        let original = object(base), mine = object(ours), other = object(theirs)
        func clash(_ subject: Clash.Subject) -> Clash {
            Clash(subject: subject, authors: authors, oursAt: updatedAt(mine), theirsAt: updatedAt(other), detectedAt: now)
        }
        guard let mine, let other else {
            guard let kept = mine ?? other else { return nil }
            let unreadable: MergeSide = mine == nil ? .ours : .theirs
            let lost = clash(.unreadable(side: unreadable, bytes: unreadable == .ours ? ours : theirs))
            switch file {
            case .document:
                return Merged(bytes: JSONWriter.bytes(of: kept), clashes: [lost])
            case .conflicts(let subject):
                return Merged(bytes: JSONWriter.bytes(of: ConflictDocument.adding([lost], to: kept, about: subject)), clashes: [])
            }
        }
        switch file {
        case .document:
            let (merged, clashes) = RecordMerge.merge(base: original, ours: mine, theirs: other)
            return Merged(bytes: JSONWriter.bytes(of: merged), clashes: clashes.map { clash(.field($0)) })
        case .conflicts:
            return Merged(bytes: JSONWriter.bytes(of: ConflictDocument.merge(base: original, ours: mine, theirs: other)), clashes: [])
        }
    }

    private static func object(_ bytes: [UInt8]) -> JSONValue? {
        guard let value = try? JSONParser.parse(bytes), value.objectValue != nil else { return nil }
        return value
    }

    private static func updatedAt(_ document: JSONValue?) -> Date? {
        document?["updatedAt"]?.stringValue.flatMap(ISO8601Dates.parse)
    }
}
