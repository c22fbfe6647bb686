import Foundation
import ReachCore
@testable import ReachStore
#if canImport(Glibc)
import Glibc
#endif

/// A small record type standing in for the real domain types (schema 2; v1 called `name` `fullName`).
struct Person: Record, MigratableRecord {
    static let kind = RecordKind.influencer
    static let currentSchemaVersion = 2
    var id: RecordID
    var schemaVersion: Int = Person.currentSchemaVersion
    var createdAt: Date
    var updatedAt: Date
    var revision: Int = 0
    var name: String
    var note: String?
    var followers: Int = 0
    var contact: Contact?

    struct Contact: Codable, Sendable, Equatable {
        var email: String
    }

    static func migrate(json: inout [String: JSONValue], from version: Int) throws {
        if version == 1, let old = json.removeValue(forKey: "fullName") { json["name"] = old }
    }
}

/// A second kind, with no migrations.
struct Brief: Record {
    static let kind = RecordKind.template
    static let currentSchemaVersion = 1
    var id: RecordID
    var schemaVersion: Int = 1
    var createdAt: Date
    var updatedAt: Date
    var revision: Int = 0
    var body: String
}

let epoch = Date(timeIntervalSince1970: 1_700_000_000)

/// A clock tests can move forward.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = epoch
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    var function: @Sendable () -> Date { { self.now } }
}

/// A fresh temporary folder, removed when the test ends.
final class TempFolder {
    let path: String

    init() {
        var template = Array("/tmp/reachstore-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = created.map { String(cString: $0) } ?? "/tmp/reachstore-fallback-\(UUID().uuidString)"
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var data: String { path + "/data" }
}

func newID(_ n: Int) -> RecordID {
    var rng = SeededRNG(seed: UInt64(n))
    return RecordID.generate(at: epoch, using: &rng)
}

struct SeededRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func person(_ n: Int, name: String = "Aiko") -> Person {
    Person(id: newID(n), createdAt: epoch, updatedAt: epoch, name: name)
}

func readText(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

func writeText(_ text: String, to path: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

func writeBytes(_ bytes: [UInt8], to path: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
}

func mode(_ path: String) -> mode_t {
    var info = stat()
    _ = lstat(path, &info)
    return info.st_mode & 0o7777
}

func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

func list(_ path: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

extension RecordStore {
    /// Saves and expects success (test shorthand).
    func saveOK<R: Record>(_ record: R, expectedRevision: Int? = nil) throws -> R {
        guard let saved = try save(record, expectedRevision: expectedRevision).saved else {
            throw TestFailure("unexpected conflict saving \(record.id)")
        }
        return saved
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The file at `path` parsed as JSON.
func parseFile(_ path: String) throws -> JSONValue {
    guard let data = FileManager.default.contents(atPath: path) else { throw TestFailure("no file at \(path)") }
    return try JSONParser.parse(data)
}
