import Foundation
import ReachJSON
import Logging

/// Writes swift-log events to `logs/reach.log` in the data folder, one line each, so whoever has to find out
/// later why a file was quarantined, a save conflicted or an import stopped can read it there. Never the
/// screen: the app owns the terminal.
///
/// Lines look like `2026-06-01T09:00:00Z notice reach.store [pid 4711 alice] quarantined … key=value`.
/// Control characters from file names or data are escaped, so `less` or `tail -f` on the log cannot be
/// driven by them. A log over `rotationSize` is renamed to `reach.log.1` when the next process opens it.
public struct FileLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let file: AppendOnlyFile
    private let who: String

    static let fileName = "reach.log"
    static let rotationSize = 2 * 1024 * 1024

    /// A logger writing to `folder`'s log (the data folder's `logs/`, which the store creates), with files
    /// made as the folder's sharing mode makes them. `user` goes on every line (a team shares one log).
    public static func logger(folder: String, sharing: FolderSharing, level: Logger.Level = .info, user: String?) -> Logger {
        let path = DataFolderLayout(root: folder).logsDirectory + "/" + fileName
        rotate(path)
        let file = AppendOnlyFile(path: path, mode: sharing.fileMode)
        let who = "pid \(getpid())" + (user.map { " " + $0 } ?? "")
        return Logger(label: "reach") { label in FileLogHandler(label: label, file: file, who: who, level: level) }
    }

    init(label: String, file: AppendOnlyFile, who: String, level: Logger.Level) {
        self.label = label
        self.file = file
        self.who = who
        logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = event.metadata.map { metadata.merging($0) { _, new in new } } ?? metadata
        var line = "\(ISO8601Dates.format(Date())) \(event.level) \(label) [\(who)] \(event.message)"
        for key in merged.keys.sorted() {
            line += " \(key)=\(merged[key].map { "\($0)" } ?? "")"
        }
        // A log that cannot be written must not stop the work it describes.
        try? file.append(Array(Self.escapingControls(line).utf8) + [UInt8(ascii: "\n")])
    }

    /// C0 and C1 controls and DEL as `\u{…}`: the log is read in terminals.
    static func escapingControls(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F...0x9F: out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Moves a log grown past `rotationSize` to `reach.log.1` (replacing the previous one).
    private static func rotate(_ path: String) {
        guard let info = Posix.lstat(path), Int(info.st_size) > rotationSize else { return }
        _ = rename(path, path + ".1")
    }
}
