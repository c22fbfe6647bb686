#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ReachJSON
import ReachCore

/// What reading one record file produced: a record, a problem, or both (read-only, id mismatch).
struct ReadOutcome<R: Record> {
    var record: R?
    /// The file's JSON object after migration, when it was parsed (always when `needRaw`).
    var raw: [String: JSONValue]?
    var problem: LoadProblem?
    /// The schema version the file had when a migration ran on it.
    var migratedFrom: Int?
    /// The file's bytes as read, kept only when a migration ran (for the backup).
    var originalData: Data?
    var stamp: FileStamp?
    /// The file disappeared between listing and reading (another session deleted it).
    var vanished = false
    /// True when the file was written by a newer Reach.
    var isNewer = false
}

/// Which record file a read is of: a path, or a name in a folder opened once for a read of many of its files. The
/// paths a message names are made only when one is needed: a first build of the folder index reads 300,000 files,
/// and made two path strings for each, and the kernel walked four or more components of a path to open each (the
/// walk alone 0.36% of its samples; 0.11% from the folder).
enum RecordFilePlace {
    case path(String, relative: String)
    case inFolder(OpenFolder, name: String, relativeFolder: String)

    var path: String {
        switch self {
        case .path(let path, _): path
        case .inFolder(let folder, let name, _): folder.path + "/" + name
        }
    }

    /// The path relative to the data folder, as messages name a file.
    var relative: String {
        switch self {
        case .path(_, let relative): relative
        case .inFolder(_, let name, let folder): folder + "/" + name
        }
    }

    func openRegularFile() -> (descriptor: Int32, info: stat)? {
        switch self {
        case .path(let path, _): Posix.openRegularFile(path)
        case .inFolder(let folder, let name, _): folder.openRegularFile(name)
        }
    }
}

/// Reads and decodes one record file, classifying every way it can fail without crashing.
///
/// The fast path is `DirectDecoding` (straight from the bytes into the model), then a `JSONDecoder` pass
/// for what it leaves; only files that fail both or need migration are parsed again by `JSONParser`,
/// which gives exact line/column positions and the raw JSON tree.
struct RecordFileReader: Sendable {
    var rootRealPath: String
    var maxFileSize: Int

    func read<R: Record>(
        _ type: R.Type, path: String, relative: String, expectedID: RecordID?, decoder: JSONDecoder, needRaw: Bool,
        scratch: Scratch = Scratch()
    ) -> ReadOutcome<R> {
        read(type, .path(path, relative: relative), expectedID: expectedID, decoder: decoder, needRaw: needRaw, scratch: scratch)
    }

    func read<R: Record>(
        _ type: R.Type, _ place: RecordFilePlace, expectedID: RecordID?, decoder: JSONDecoder, needRaw: Bool,
        scratch: Scratch = Scratch()
    ) -> ReadOutcome<R> {
        var outcome = ReadOutcome<R>()
        func problem(_ kind: LoadProblem.Kind, _ reason: String, _ position: TextPosition? = nil) -> ReadOutcome<R> {
            outcome.problem = LoadProblem(kind: kind, file: place.relative, position: position, reason: reason, recordID: expectedID)
            return outcome
        }
        func tooLarge(_ info: stat) -> ReadOutcome<R>? {
            Int(info.st_size) <= maxFileSize ? nil : problem(.tooLarge, "\(info.st_size) bytes, more than the \(maxFileSize)-byte limit")
        }
        let bytes: UnsafeRawBufferPointer
        do throws(StoreError) {
            if let file = place.openRegularFile() {
                // The usual case, a regular file: its `fstat` is its stamp, taken from what is read.
                defer { close(file.descriptor) }
                outcome.stamp = FileStamp(file.info)
                if let refused = tooLarge(file.info) { return refused }
                bytes = try scratch.read(file.descriptor, size: Int(file.info.st_size), path: place.path)
            } else {
                let path = place.path
                guard var info = Posix.lstat(path) else {
                    outcome.vanished = true
                    return outcome
                }
                // A link's stamp is its target's.
                outcome.stamp = Posix.isSymlink(info) ? Posix.stampInfo(path).map(FileStamp.init) ?? FileStamp(info) : FileStamp(info)
                if Posix.isSymlink(info) {
                    guard let target = Posix.realPath(path) else { return problem(.unreadable, "a symbolic link to nothing") }
                    guard target.hasPrefix(rootRealPath + "/") else {
                        return problem(.symlinkOutsideFolder, "a symbolic link to \(target), outside the data folder")
                    }
                    guard let targetInfo = Posix.lstat(target) else { return problem(.unreadable, "a symbolic link to nothing") }
                    info = targetInfo
                }
                guard Posix.isRegular(info) else { return problem(.unreadable, "not a regular file") }
                if let refused = tooLarge(info) { return refused }
                bytes = scratch.hold(try Posix.readFile(path))
            }
        } catch {
            if case .io(_, _, let code) = error, code == ENOENT {
                outcome.vanished = true
                return outcome
            }
            return problem(.unreadable, "could not be read: \(String(cString: strerror(Self.code(error))))")
        }

        if !needRaw, let record = DirectDecoding.decode(R.self, from: bytes.bindMemory(to: UInt8.self), scratch: scratch.direct)
            ?? (try? decoder.decode(R.self, from: Data(bytes))),
           record.schemaVersion == R.currentSchemaVersion, Self.revisions.contains(record.revision) {
            outcome.record = record
            checkID(&outcome, place, expectedID: expectedID)
            return outcome
        }
        return slowPath(type, data: Data(bytes), place, expectedID: expectedID, decoder: decoder, outcome: outcome)
    }

    private func slowPath<R: Record>(
        _ type: R.Type, data: Data, _ place: RecordFilePlace, expectedID: RecordID?, decoder: JSONDecoder, outcome start: ReadOutcome<R>
    ) -> ReadOutcome<R> {
        var outcome = start
        let relative = place.relative
        func problem(_ kind: LoadProblem.Kind, _ reason: String, _ position: TextPosition? = nil) -> ReadOutcome<R> {
            outcome.problem = LoadProblem(kind: kind, file: relative, position: position, reason: reason, recordID: expectedID)
            return outcome
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            return problem(.damaged, error.reason, TextPosition.of(offset: error.offset, in: data))
        }
        guard case .object(var object) = value else {
            return problem(.damaged, "the file holds a JSON \(Self.typeName(value)), not an object", TextPosition(line: 1, column: 1))
        }
        // A version below 1 was never written by Reach (and Int.min would make the migration loop endless).
        guard let version = object["schemaVersion"]?.intValue, version >= 1 else {
            let position = JSONParser.offset(of: [.key("schemaVersion")], in: data).map { TextPosition.of(offset: $0, in: data) }
            return problem(.damaged, "\"schemaVersion\" is missing or not a whole number from 1 up", position)
        }
        var decodeData = data
        if version > R.currentSchemaVersion {
            outcome.isNewer = true
            outcome.raw = object
            outcome.problem = LoadProblem(
                kind: .newerSchema, file: relative,
                reason: "written by a newer Reach (schema \(version); this build knows up to \(R.currentSchemaVersion))",
                recordID: expectedID)
            outcome.record = try? decoder.decode(R.self, from: data)
            return outcome
        }
        if version < R.currentSchemaVersion {
            do {
                try Migrator.migrate(R.self, json: &object, from: version)
            } catch {
                return problem(.migrationFailed, "upgrading from schema \(version) failed: \(error)")
            }
            decodeData = Data(JSONWriter.bytes(of: .object(object)))
            outcome.migratedFrom = version
            outcome.originalData = data
        }
        do {
            outcome.record = try decoder.decode(R.self, from: decodeData)
        } catch {
            let explained = RecordCoding.explain(error, in: decodeData, parsed: .object(object)) {
                _ = try decoder.decode(R.self, from: $0)
            }
            if outcome.migratedFrom != nil {
                return problem(.migrationFailed, "after upgrading from schema \(version): \(explained.reason)")
            }
            return problem(.damaged, explained.reason, explained.position)
        }
        if let revision = outcome.record?.revision, !Self.revisions.contains(revision) {
            outcome.record = nil
            let position = JSONParser.offset(of: [.key("revision")], in: data).map { TextPosition.of(offset: $0, in: data) }
            return problem(.damaged, "\"revision\" is \(revision), but it counts saves from 1 (set it to 1 if you wrote the file by hand)", position)
        }
        outcome.raw = object
        checkID(&outcome, place, expectedID: expectedID)
        return outcome
    }

    /// The revisions a file may carry: 0 means "no file yet" to `save`, and Int.max has no next one.
    static let revisions = 1..<Int.max

    private func checkID<R: Record>(_ outcome: inout ReadOutcome<R>, _ place: RecordFilePlace, expectedID: RecordID?) {
        guard let record = outcome.record, let expectedID, record.id != expectedID, outcome.problem == nil else { return }
        outcome.problem = LoadProblem(
            kind: .idMismatch, file: place.relative,
            reason: "the record inside has id \(record.id), not \(expectedID) as its file name says", recordID: record.id)
    }

    private static func code(_ error: StoreError) -> Int32 {
        if case .io(_, _, let code) = error { return code }
        return EIO
    }

    private static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "true/false"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension RecordFileReader {
    /// One reading thread's buffers, used again from file to file: the file's bytes and the direct reader's tape.
    /// A new `Data` for each file was a `malloc` of the file's size (above glibc's small sizes, so it also made glibc
    /// consolidate its freed small chunks) and the whole of it zero-filled before it was read into: at 100k, 300,658
    /// of them and 2 GB of zeros on a first build of the folder index.
    final class Scratch {
        let direct = DirectDecoding.Scratch()
        private var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16_384, alignment: 16)

        deinit { buffer.deallocate() }

        /// The bytes of the open file `fd`, `size` of them expected (fewer when it shrank while read), valid until
        /// this scratch reads or holds another file.
        func read(_ fd: Int32, size: Int, path: @autoclosure () -> String) throws(StoreError) -> UnsafeRawBufferPointer {
            let room = reserve(size)
            return UnsafeRawBufferPointer(rebasing: room[..<(try Posix.read(fd, into: room, path: path()))])
        }

        /// `data`'s bytes, copied into the buffer, valid as `read`'s are.
        func hold(_ data: Data) -> UnsafeRawBufferPointer {
            let room = reserve(data.count)
            data.withUnsafeBytes { room.copyMemory(from: $0) }
            return UnsafeRawBufferPointer(room)
        }

        /// The start of the buffer, `count` bytes long, grown first when it is shorter.
        private func reserve(_ count: Int) -> UnsafeMutableRawBufferPointer {
            if buffer.count < count {
                buffer.deallocate()
                buffer = .allocate(byteCount: max(count, buffer.count * 2), alignment: 16)
            }
            return UnsafeMutableRawBufferPointer(rebasing: buffer[..<count])
        }
    }
}
