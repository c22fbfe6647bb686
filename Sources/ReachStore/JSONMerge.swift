/// Overlays a freshly encoded record onto the JSON that was on disk, so fields this build does not
/// know (written by a newer Reach, or added by hand) survive a save.
///
/// A key is "owned by the model" when encoding the on-disk record produced it, or encoding the new
/// record does. Owned keys take the new encoding's value (or disappear when the model now omits
/// them, e.g. an optional set to nil); keys the model never produced are copied from disk.
/// Objects are merged member by member; arrays element by element when all three have equal length.
enum JSONMerge {
    static func merge(disk: JSONValue, diskEncoded: JSONValue, newEncoded: JSONValue) -> JSONValue {
        switch (disk, diskEncoded, newEncoded) {
        case (.object(let raw), .object(let old), .object(let new)):
            var result = new
            for (key, value) in raw where old[key] == nil && new[key] == nil {
                result[key] = value
            }
            for (key, value) in new {
                if let rawValue = raw[key], let oldValue = old[key] {
                    result[key] = merge(disk: rawValue, diskEncoded: oldValue, newEncoded: value)
                }
            }
            return .object(result)
        case (.array(let raw), .array(let old), .array(let new)) where raw.count == old.count && old.count == new.count:
            return .array(zip(zip(raw, old), new).map { merge(disk: $0.0, diskEncoded: $0.1, newEncoded: $1) })
        default:
            return newEncoded
        }
    }
}
