import Foundation
import GRDB
import ReachCore

extension FolderIndex {
    /// The files of a campaign's deals (archived ones too), as of the last `refresh`.
    public func dealFiles(ofCampaign id: RecordID) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT file FROM deals WHERE campaign = ? ORDER BY file", arguments: [id.rawValue])
        }
    }

    /// The files of the deals that can be on Today at `now` for the owners `isShown` accepts: a superset of the
    /// deals `Today.items` gives anything for (see `AgendaFacts.mayBeDue`), so reading just these is enough.
    public func agendaDealFiles(now: Date, rightsWarningDays: Int, pipeline: StagePipeline,
                                isShown: (String?) -> Bool) throws -> [String] {
        try database.read { db in
            // Owners are few: decide each once, then ask only for their deals.
            let owners = try String?.fetchAll(db, sql: "SELECT DISTINCT owner FROM deals").filter(isShown)
            var files: [String] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT file, owner, stage, stage_since, always_open, earliest_open, earliest_payment, rights_ends
                FROM deals WHERE archived = 0
                """)
            let shown = Set(owners)
            while let row = try rows.next() {
                guard shown.contains(row[1] as String?) else { continue }
                let facts = AgendaFacts(
                    archived: false, stage: StageKey(rawValue: row[2]), stageSince: Date(timeIntervalSince1970: row[3]),
                    alwaysWhileOpen: row[4], earliestWhileOpen: (row[5] as Double?).map(Date.init(timeIntervalSince1970:)),
                    earliestPayment: (row[6] as Double?).map(Date.init(timeIntervalSince1970:)),
                    rightsEnds: (row[7] as String).split(separator: " ").compactMap { Double($0) }.map(Date.init(timeIntervalSince1970:)))
                if facts.mayBeDue(now: now, rightsWarningDays: rightsWarningDays, pipeline: pipeline) { files.append(row[0]) }
            }
            return files
        }
    }

    /// The files of the creators with these ids.
    public func creatorFiles(_ ids: some Sequence<RecordID>) throws -> [String] {
        try database.read { db in
            let statement = try db.makeStatement(sql: "SELECT file FROM creators WHERE id = ?")
            return try ids.flatMap { id in try String.fetchAll(statement, arguments: [id.rawValue]) }
        }
    }

    /// Reads these files of one kind (in parallel, with the direct reader; a damaged one goes to quarantine):
    /// what a command shows always comes from the files, never from the index.
    public func read<R: ReachCore.Record>(_ type: R.Type, files: [String]) -> (records: [R], problems: [String]) {
        let processed = store.process(store.readFiles(R.self, in: store.layout.directory(for: R.kind), names: files, quarantine: true))
        return (processed.records, processed.problems.map(\.description))
    }

    /// Every row but the folders' (whose times differ between two builds of the same files), one line each, sorted:
    /// for comparing an index kept up to date with one built afresh.
    func contents() throws -> [String] {
        try database.read { db in
            try ["files", "creators", "campaigns", "deals"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table) \($0)" }
            }.sorted()
        }
    }
}
