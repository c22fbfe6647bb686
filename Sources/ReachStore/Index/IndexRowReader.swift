import GRDB
import GRDBSQLite

/// The rows of a folder-index query, stepped one at a time, each column read in place through SQLite's own calls.
///
/// A start reads 300,000 rows of the index, each with a blob and one or two ids as text. Through GRDB's rows every
/// such column became a Foundation `Data` around the bytes: an object allocated, checked for exclusive access and
/// freed, 700,000 times, besides the cursor's own work per row.
struct IndexRowReader {
    /// GRDB's statement owns the SQLite one and finalizes it.
    private let statement: Statement
    private let handle: OpaquePointer

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    /// Steps to the next row; false after the last one.
    func next() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw IndexStatement.error(code, handle, sql: statement.sql)
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// `read` of a text column's UTF-8 bytes in place (none for NULL).
    func text<Value>(_ column: Int32, _ read: (UnsafeBufferPointer<UInt8>) throws -> Value) rethrows -> Value {
        // The bytes first, then their count: SQLite's documented order.
        let start = sqlite3_column_text(handle, column)
        return try read(UnsafeBufferPointer(start: start, count: start == nil ? 0 : Int(sqlite3_column_bytes(handle, column))))
    }

    /// A text column as a string (empty for NULL).
    func string(_ column: Int32) -> String { text(column) { String(decoding: $0, as: UTF8.self) } }

    /// A text column as a string; nil for NULL.
    func optionalString(_ column: Int32) -> String? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : string(column)
    }

    /// `read` of a blob column's bytes in place (none for NULL or an empty blob).
    func blob<Value>(_ column: Int32, _ read: (UnsafeRawBufferPointer) throws -> Value) rethrows -> Value {
        let start = sqlite3_column_blob(handle, column)
        return try read(UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : Int(sqlite3_column_bytes(handle, column))))
    }
}
