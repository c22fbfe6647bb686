import GRDB
import GRDBSQLite
import ReachCore

/// A prepared statement of the folder index whose values are bound one at a time, in the order of its `?`s, and
/// which `run` steps once and readies for the next row.
///
/// A first build writes 300,000 records' rows and their agenda rows. Through GRDB's `execute(arguments:)` every
/// row was an array of existentials, each turned into a `DatabaseValue` before it was bound, and the statement was
/// looked up by its text in GRDB's cache: together a sixth of the writing thread's time at 100k. Here a text is
/// bound from its bytes, an id from its 26 characters on the stack, a blob from its array.
final class IndexStatement {
    /// GRDB's statement owns the SQLite one and finalizes it.
    private let statement: Statement
    private let handle: OpaquePointer
    private var next: Int32 = 1
    /// The first binding that failed since the last run (out of range, out of memory), thrown by `run`.
    private var failedBinding: Int32 = SQLITE_OK

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    func bind(_ text: String?) {
        guard var text else { return bindNull() }
        text.withUTF8 { bindText($0) }
    }

    func bind(_ id: RecordID) { id.withUTF8 { bindText($0) } }

    func bind(_ value: Int64?) {
        guard let value else { return bindNull() }
        check(sqlite3_bind_int64(handle, next, value))
    }

    func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }

    func bind(_ value: Double?) {
        guard let value else { return bindNull() }
        check(sqlite3_bind_double(handle, next, value))
    }

    func bind(blob bytes: [UInt8]) {
        check(bytes.withUnsafeBytes { raw in
            // An empty array may have no address, which SQLite would bind as NULL.
            guard let base = raw.baseAddress, raw.count > 0 else { return sqlite3_bind_zeroblob(handle, next, 0) }
            return sqlite3_bind_blob(handle, next, base, Int32(raw.count), Self.transient)
        })
    }

    /// Runs the statement with the values bound since the last run; it then takes the next row's values.
    func run() throws {
        defer {
            sqlite3_reset(handle)
            next = 1
            failedBinding = SQLITE_OK
        }
        let code = failedBinding == SQLITE_OK ? sqlite3_step(handle) : failedBinding
        guard code == SQLITE_DONE else { throw Self.error(code, handle, sql: statement.sql) }
    }

    /// The error of `code`, which a call on the statement `handle` returned, as GRDB would have thrown it.
    static func error(_ code: Int32, _ handle: OpaquePointer, sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: sql)
    }

    private func bindNull() { check(sqlite3_bind_null(handle, next)) }

    private func bindText(_ bytes: UnsafeBufferPointer<UInt8>) {
        // An empty string may have no address, which SQLite would bind as NULL.
        let base = bytes.baseAddress.map(UnsafeRawPointer.init) ?? Self.empty
        check(sqlite3_bind_text(handle, next, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient))
    }

    /// Moves on to the next `?`, keeping the first failure.
    private func check(_ code: Int32) {
        if code != SQLITE_OK, failedBinding == SQLITE_OK { failedBinding = code }
        next += 1
    }

    /// SQLite copies what is bound with this before the call returns (`SQLITE_TRANSIENT`, a macro Swift cannot import).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private static var empty: UnsafeRawPointer { UnsafeRawPointer(("" as StaticString).utf8Start) }
}
