import Foundation

/// A scratch data folder for one scenario, read back as plain JSON so the on-disk format is checked without trusting
/// the app's decoder.
struct DataFolder {
    let url: URL

    /// A fresh, empty folder; `remove()` deletes it.
    init() throws { url = try ReachBinary.scratchFolder() }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` as `<kind>/<name>` verbatim, bypassing every app code path (for hostile or hand-written files).
    func writeRaw(_ text: String, kind: String, name: String) throws {
        let directory = url.appendingPathComponent(kind)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    /// Every record file of `kind` (`influencers`, `deals`, …) parsed as a JSON object.
    func records(_ kind: String) throws -> [[String: Any]] {
        let directory = url.appendingPathComponent(kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw HarnessError(description: "\(kind)/\(name) is not a JSON object")
            }
            return object
        }
    }

    /// Waits until a record file of `kind` satisfies `match` (saves land within a frame, but never assume it).
    func waitForRecord(_ kind: String, _ description: String, timeout: TimeInterval = 5,
                       where match: @escaping ([String: Any]) -> Bool) throws -> [String: Any] {
        try Wait.value("a file in \(kind)/ with \(description)", timeout: timeout,
                       lastSeen: { try records(kind).map { "\($0)" }.joined(separator: "\n") }) {
            try records(kind).first(where: match)
        }
    }
}
