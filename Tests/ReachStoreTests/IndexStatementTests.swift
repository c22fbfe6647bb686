import Foundation
import GRDB
import ReachCore
import Testing
@testable import ReachStore

/// The folder index's hand-bound statements store what GRDB's arguments stored.
@Suite struct IndexStatementTests {
    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { try $0.execute(sql: "CREATE TABLE t(a, b, c, d, e, f)") }
        return queue
    }

    @Test func valuesComeBackAsTheyWereBound() throws {
        let queue = try Self.database()
        let canonical = RecordID(rawValue: "01KQJPZ2ENQGB13NW4AWBEDZKG")
        let odd = RecordID(rawValue: "a hand-written id")
        let rows: [(String?, RecordID, Int64?, Double?, Bool, [UInt8])] = [
            ("Rīga 東京 🎉", canonical, 42, 1.5, true, [0, 1, 255]),
            // Empty text and an empty blob must not become NULL (an empty buffer may have no address).
            ("", odd, nil, nil, false, []),
            (nil, canonical, Int64.min, -0.0, false, [7]),
        ]
        try queue.write { db in
            let insert = try IndexStatement(db, "INSERT INTO t(a, b, c, d, e, f) VALUES (?, ?, ?, ?, ?, ?)")
            for row in rows {
                insert.bind(row.0)
                insert.bind(row.1)
                insert.bind(row.2)
                insert.bind(row.3)
                insert.bind(row.4)
                insert.bind(blob: row.5)
                try insert.run()
            }
        }
        let stored = try queue.read { try Row.fetchAll($0, sql: "SELECT a, b, c, d, e, f, typeof(a), typeof(f) FROM t ORDER BY rowid") }
        #expect(stored.count == rows.count)
        for (row, expected) in zip(stored, rows) {
            #expect(row[0] as String? == expected.0)
            #expect(row[1] as String == expected.1.rawValue)
            #expect(row[2] as Int64? == expected.2)
            #expect(row[3] as Double? == expected.3)
            #expect(row[4] as Bool == expected.4)
            #expect([UInt8](row[5] as Data) == expected.5)
            #expect(row[6] as String == (expected.0 == nil ? "null" : "text"))
            #expect(row[7] as String == "blob")
        }
    }

    @Test func aFailedBindingOrStepIsThrownAndTheNextRowStartsClean() throws {
        let queue = try Self.database()
        try queue.write { db in
            try db.execute(sql: "CREATE UNIQUE INDEX t_a ON t(a)")
            let insert = try IndexStatement(db, "INSERT INTO t(a, b) VALUES (?, ?)")
            insert.bind("x")
            insert.bind(Int64(1))
            insert.bind(Int64(2)) // a third value for two `?`s
            #expect(throws: DatabaseError.self) { try insert.run() }
            insert.bind("x")
            insert.bind(Int64(1))
            try insert.run()
            insert.bind("x")
            insert.bind(Int64(2))
            let error = try #require(throws: DatabaseError.self) { try insert.run() }
            #expect(error.resultCode == .SQLITE_CONSTRAINT)
            insert.bind("y")
            insert.bind(Int64(3))
            try insert.run()
        }
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT a || b FROM t ORDER BY a") } == ["x1", "y3"])
    }

    @Test func anIdsBytesAreItsText() {
        for text in ["01KQJPZ2ENQGB13NW4AWBEDZKG", "00000000000000000000000000", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ", "not an id", ""] {
            let id = RecordID(rawValue: text)
            var spelled = ""
            id.withUTF8 { spelled = String(decoding: $0, as: UTF8.self) }
            #expect(spelled == text)
            #expect(id.rawValue == text)
        }
    }
}
