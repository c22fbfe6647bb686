import ReachCore

/// One line of the torture program's output: what it is about to write, what the store
/// acknowledged, and what conflicted. The parent test parses these to know what must be on disk.
enum TortureEvent: Equatable, Sendable {
    /// The store is open and the first write is next (the parent starts its kill timer here).
    case ready
    /// A save of `id` that would produce revision `revision` with content `digest` is starting.
    case begin(id: RecordID, revision: Int, digest: String)
    /// `save` returned `.saved` with this revision and content.
    case ack(id: RecordID, revision: Int, digest: String, token: String)
    /// `save` returned a conflict: the disk had `theirs`, not the revision this writer loaded.
    case conflict(id: RecordID, loaded: Int, theirs: Int)
    /// A record as loaded (`inspect`).
    case record(id: RecordID, revision: Int, digest: String)
    /// A file that did not load cleanly (`inspect`, `workout`): the problem's kind and file.
    case problem(kind: String, file: String)
    /// The script finished.
    case done

    var line: String {
        switch self {
        case .ready: "ready"
        case let .begin(id, revision, digest): "begin \(id) \(revision) \(digest)"
        case let .ack(id, revision, digest, token): "ack \(id) \(revision) \(digest) \(token)"
        case let .conflict(id, loaded, theirs): "conflict \(id) \(loaded) \(theirs)"
        case let .record(id, revision, digest): "record \(id) \(revision) \(digest)"
        case let .problem(kind, file): "problem \(kind) \(file)"
        case .done: "done"
        }
    }

    init?(line: Substring) {
        let words = line.split(separator: " ").map(String.init)
        switch (words.first, words.count) {
        case ("ready", 1): self = .ready
        case ("done", 1): self = .done
        case ("begin", 4):
            guard let revision = Int(words[2]) else { return nil }
            self = .begin(id: RecordID(rawValue: words[1]), revision: revision, digest: words[3])
        case ("ack", 5):
            guard let revision = Int(words[2]) else { return nil }
            self = .ack(id: RecordID(rawValue: words[1]), revision: revision, digest: words[3], token: words[4])
        case ("record", 4):
            guard let revision = Int(words[2]) else { return nil }
            self = .record(id: RecordID(rawValue: words[1]), revision: revision, digest: words[3])
        case ("problem", 3):
            self = .problem(kind: words[1], file: words[2])
        case ("conflict", 4):
            guard let loaded = Int(words[2]), let theirs = Int(words[3]) else { return nil }
            self = .conflict(id: RecordID(rawValue: words[1]), loaded: loaded, theirs: theirs)
        default:
            return nil
        }
    }

    /// The events in `output`, ignoring a last line cut off by a kill.
    static func parse(_ output: String) -> [TortureEvent] {
        let complete = output.hasSuffix("\n") ? Substring(output) : output[..<(output.lastIndex(of: "\n") ?? output.startIndex)]
        return complete.split(separator: "\n").compactMap(TortureEvent.init(line:))
    }
}
