import Foundation
import ReachJSON

/// A clash as a conflict file holds it. Values are stored as they are; a side whose member or item was deleted
/// has no value member and is named by `deletedOn`, so a deletion never reads as a JSON `null`.
extension Clash {
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(id), "field": .string(field), "kept": .string(kept.rawValue),
            "oursAuthor": .string(authors.ours), "theirsAuthor": .string(authors.theirs),
            "detectedAt": .string(ISO8601Dates.format(detectedAt)),
        ]
        members["oursAt"] = oursAt.map { .string(ISO8601Dates.format($0)) }
        members["theirsAt"] = theirsAt.map { .string(ISO8601Dates.format($0)) }
        switch subject {
        case .field(let clash):
            members["kind"] = "field"
            members["path"] = MergePath.json(clash.path)
            for side in MergeSide.allCases {
                if let value = clash.value(of: side) { members[side.rawValue] = value } else { members["deletedOn"] = .string(side.rawValue) }
            }
        case .recordDeleted:
            members["kind"] = "recordDeleted"
            members["deletedOn"] = .string(MergeSide.theirs.rawValue)
        case .unreadable(let side, let bytes):
            members["kind"] = "unreadable"
            members["unreadable"] = .string(side.rawValue)
            // Text stays readable in the file and in `git diff`; other bytes go as base64 so none is lost.
            if let text = String(validating: bytes, as: UTF8.self) {
                members["rawText"] = .string(text)
            } else {
                members["rawBase64"] = .string(Data(bytes).base64EncodedString())
            }
        }
        return .object(members)
    }

    /// The clash a conflict file holds, or nil when the entry is not one this build can read.
    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let oursAuthor = json["oursAuthor"]?.stringValue,
              let theirsAuthor = json["theirsAuthor"]?.stringValue,
              let detectedAt = json["detectedAt"]?.stringValue.flatMap(ISO8601Dates.parse),
              let subject = Self.subject(json) else { return nil }
        self.init(id: id, subject: subject, authors: MergeAuthors(ours: oursAuthor, theirs: theirsAuthor),
                  oursAt: json["oursAt"]?.stringValue.flatMap(ISO8601Dates.parse),
                  theirsAt: json["theirsAt"]?.stringValue.flatMap(ISO8601Dates.parse), detectedAt: detectedAt)
    }

    private static func subject(_ json: JSONValue) -> Subject? {
        switch json["kind"]?.stringValue {
        case "field":
            guard let path = json["path"].flatMap(MergePath.components),
                  let kept = json["kept"]?.stringValue.flatMap(MergeSide.init(rawValue:)) else { return nil }
            return .field(FieldClash(path: path, ours: json["ours"], theirs: json["theirs"], kept: kept))
        case "recordDeleted":
            return .recordDeleted
        case "unreadable":
            guard let side = json["unreadable"]?.stringValue.flatMap(MergeSide.init(rawValue:)) else { return nil }
            if let text = json["rawText"]?.stringValue { return .unreadable(side: side, bytes: Array(text.utf8)) }
            guard let bytes = json["rawBase64"]?.stringValue.flatMap({ Data(base64Encoded: $0) }) else { return nil }
            return .unreadable(side: side, bytes: Array(bytes))
        default:
            return nil
        }
    }
}
