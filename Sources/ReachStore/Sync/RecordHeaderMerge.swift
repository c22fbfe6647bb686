import Foundation
import ReachJSON

/// The bookkeeping members at the top of every record merge by rule and never clash: they describe the saves,
/// not the data, and a person could not choose between two of them.
enum RecordHeaderMerge {
    /// The merged value of top-level `key` when it is one of these members and both sides hold a fitting value;
    /// nil leaves it to the ordinary merge.
    /// - `revision`: the larger plus one, so the merge is a save after both sides' saves.
    /// - `schemaVersion`: the larger: a side migrated to a newer schema has not gone back.
    /// - `updatedAt`: the later; ours when either is not a date.
    /// - `createdAt`: the earlier (both sides adding one record keep its first creation); ours when either is not a date.
    static func merged(_ key: String, ours: JSONValue, theirs: JSONValue) -> JSONValue? {
        switch key {
        case "revision":
            guard let mine = ours.intValue, let other = theirs.intValue else { return nil }
            return .int(max(mine, other) + 1)
        case "schemaVersion":
            guard let mine = ours.intValue, let other = theirs.intValue else { return nil }
            return .int(max(mine, other))
        case "updatedAt":
            return date(theirs, replaces: ours, when: >)
        case "createdAt":
            return date(theirs, replaces: ours, when: <)
        default:
            return nil
        }
    }

    private static func date(_ theirs: JSONValue, replaces ours: JSONValue, when better: (Date, Date) -> Bool) -> JSONValue {
        guard let mine = ours.stringValue.flatMap(ISO8601Dates.parse),
              let other = theirs.stringValue.flatMap(ISO8601Dates.parse) else { return ours }
        return better(other, mine) ? theirs : ours
    }
}
