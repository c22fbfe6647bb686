import Foundation
import Testing

/// Compares screen lines with `Snapshots/<name>.txt`; writes the file when it is missing or `RECORD_SNAPSHOTS=1`
/// (and then fails, so a new snapshot is always looked at before it is trusted).
func expectSnapshot(_ lines: [String], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name + ".txt")
    let actual = lines.map { line in
        var l = line
        while l.hasSuffix(" ") { l.removeLast() }
        return l
    }.joined(separator: "\n") + "\n"
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    if record || !FileManager.default.fileExists(atPath: file.path) {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded snapshot \(name); check it and run again.", sourceLocation: sourceLocation)
        return
    }
    let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    #expect(actual == expected, "screen differs from Snapshots/\(name).txt", sourceLocation: sourceLocation)
}
