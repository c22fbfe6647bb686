/// How far an import has got, for a progress line while a big file is read and written: a 100,000-row CSV
/// takes seconds, and a silent terminal for that long looks stuck.
public enum ImportProgress: Sendable, Equatable, CustomStringConvertible {
    /// Rows read so far, and the share of the file they are (nil when the size is unknown, as for JSON).
    case reading(rows: Int, fractionOfFile: Double?)
    /// Reading is done; the new records are being put in place (flushed and renamed: seconds at 100k).
    case writing(newRecords: Int)

    /// Whether reading is done (a line showing it should go up at once, not wait for its turn).
    public var isWriting: Bool {
        if case .writing = self { return true }
        return false
    }

    /// How often a reading update is sent: every this many rows.
    static let rowsPerUpdate = 1_024

    public var description: String {
        switch self {
        case let .reading(rows, fraction?): "reading: \(Int(fraction * 100))% of the file, \(rows.formatted()) rows"
        case let .reading(rows, nil): "reading: \(rows.formatted()) rows"
        case let .writing(count): "writing \(count.formatted()) new record\(count == 1 ? "" : "s")…"
        }
    }
}
