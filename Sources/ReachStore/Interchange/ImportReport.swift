import ReachCore

/// What happened (or, in a dry run, would happen) to one row of an import file.
public enum ImportAction: Sendable, Equatable {
    case created(RecordID)
    /// Folded into an existing record (or, with `sameFileLine`, into a creator first seen on that line of
    /// this file): `changes` lists what was added, `kept` what the file said differently and was not overwritten.
    case merged(into: RecordID, changes: [String], kept: [String], sameFileLine: Int?)
    /// Everything in the row was already there.
    case unchanged(RecordID, sameFileLine: Int?)
    case rejected(String)
}

/// One row's outcome, with the physical line it starts on.
public struct ImportRowResult: Sendable, Equatable {
    public var line: Int
    /// The creator's (or record's) name as the row gives it, for the listing.
    public var name: String
    public var action: ImportAction
    /// Parts of the row that could not be used although the row imported.
    public var warnings: [String]

    public init(line: Int, name: String, action: ImportAction, warnings: [String] = []) {
        self.line = line
        self.name = name
        self.action = action
        self.warnings = warnings
    }
}

/// A planned record that did not reach the disk, and why.
public struct Unwritten: Sendable, Equatable {
    public var id: RecordID
    public var reason: String

    public init(id: RecordID, reason: String) {
        self.id = id
        self.reason = reason
    }
}

/// The whole outcome of an import: per-row results, file-level warnings, and what reached the disk.
public struct ImportReport: Sendable, Equatable {
    public var file: String
    public var dryRun: Bool
    public var rows: [ImportRowResult] = []
    /// Columns not imported and similar file-level notes.
    public var warnings: [String] = []
    /// Records written to the data folder (empty in a dry run).
    public var written: [RecordID] = []
    /// Records the plan had but that were not written because writing stopped or met a conflict, with the reason.
    public var notWritten: [Unwritten] = []
    /// The store error that stopped writing, if any.
    public var failure: String?

    public init(file: String, dryRun: Bool) {
        self.file = file
        self.dryRun = dryRun
    }

    public var created: Int { rows.filter { if case .created = $0.action { return true } else { return false } }.count }
    public var merged: Int { rows.filter { if case .merged = $0.action { return true } else { return false } }.count }
    public var unchanged: Int { rows.filter { if case .unchanged = $0.action { return true } else { return false } }.count }
    public var rejected: Int { rows.filter { if case .rejected = $0.action { return true } else { return false } }.count }

    /// True when every row was accepted and everything planned was written.
    public var isClean: Bool { rejected == 0 && notWritten.isEmpty && failure == nil }

    /// The one-line summary: counts, and whether anything was written.
    public var summary: String {
        let counts = "\(rows.count) row\(rows.count == 1 ? "" : "s"): \(created) new, \(merged) merged, \(unchanged) unchanged, \(rejected) rejected"
        if dryRun { return "\(file): \(counts) (dry run: nothing was written)" }
        return "\(file): \(counts); \(written.count) record\(written.count == 1 ? "" : "s") written"
    }

    /// The listing for a terminal: warnings, one line per row, then what was and was not written.
    /// Without `everyRow`, rows that were simply created or unchanged are left out (a 100,000-row import
    /// lists only what needs a look: merges and rejections).
    public func lines(everyRow: Bool = true) -> [String] {
        var out = warnings.map { "warning: " + $0 }
        for row in rows {
            if !everyRow {
                switch row.action {
                case .created, .unchanged: if row.warnings.isEmpty { continue }
                case .merged, .rejected: break
                }
            }
            let head = "line \(row.line): "
            switch row.action {
            case let .created(id):
                out.append(head + "new        \(row.name) (\(id))")
            case let .merged(id, changes, kept, sameLine):
                let into = sameLine.map { "the creator on line \($0)" } ?? "\(id)"
                let details = (changes + kept).joined(separator: "; ")
                out.append(head + "merged     \(row.name) into \(into): \(details)")
            case let .unchanged(id, sameLine):
                let into = sameLine.map { "the creator on line \($0)" } ?? "\(id)"
                out.append(head + "unchanged  \(row.name) (already in \(into))")
            case let .rejected(reason):
                out.append(head + "rejected   \(row.name.isEmpty ? "" : row.name + ": ")\(reason)")
            }
            out += row.warnings.map { "  note: " + $0 }
        }
        for item in notWritten { out.append("not written: \(item.id): \(item.reason)") }
        if let failure { out.append("writing stopped: \(failure)") }
        out.append(summary)
        return out
    }
}
