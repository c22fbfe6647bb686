import Foundation
import ReachCore

/// A short field-by-field comparison of two versions of a record, for the conflict dialog.
enum RecordDifference {
    /// Bookkeeping fields every save changes; not worth showing.
    private static let ignored: Set<String> = ["revision", "updatedAt", "schemaVersion"]

    /// "field: theirs … / mine …" for each top-level field that differs; a single line when theirs was deleted.
    static func lines(mine: AnyRecord, theirs: AnyRecord?) -> [String] {
        lines(mine: mine.record, theirs: theirs?.record, gone: "They deleted it (it is in the trash); you changed it.")
    }

    /// The same for any two encodable versions (the settings of `reach.json`); `gone` when theirs is no more.
    static func lines(mine: any Encodable, theirs: (any Encodable)?, gone: String) -> [String] {
        guard let theirs else { return [gone] }
        let a = fields(theirs), b = fields(mine)
        let keys = Set(a.keys).union(b.keys).subtracting(ignored).sorted()
        var out: [String] = []
        for key in keys where a[key] != b[key] {
            out.append("\(key): theirs \(short(a[key])) · mine \(short(b[key]))")
        }
        return out.isEmpty ? ["Same content; only the revision differs."] : out
    }

    /// At most 60 characters, so a long timeline or notes field cannot fill the dialog.
    private static func short(_ text: String?) -> String {
        guard let text else { return "—" }
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }

    /// Top-level fields rendered as short text (nested values as compact JSON).
    private static func fields(_ record: any Encodable) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(record),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in object {
            if let text = value as? String {
                out[key] = "“\(text)”"
            } else if let nested = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) {
                out[key] = String(decoding: nested, as: UTF8.self)
            }
        }
        return out
    }
}
