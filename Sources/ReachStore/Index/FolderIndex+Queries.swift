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

    /// The compact Today rows of the open and closed (not archived) deals of the owners `isShown` accepts, by file.
    public func agenda(isShown: (String?) -> Bool) throws -> [String: AgendaDeal] {
        try database.read { db in
            // Owners are few: decide each once, then ask only for their deals.
            let owners = try String?.fetchAll(db, sql: "SELECT DISTINCT owner FROM deals").filter(isShown)
            let named = owners.compactMap { $0 }
            var clause = "d.owner IN (\(named.map { _ in "?" }.joined(separator: ", ")))"
            if owners.contains(nil) { clause = "(\(clause) OR d.owner IS NULL)" }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.file, d.id, d.creator, d.campaign, d.owner, d.stage, d.stage_since, d.next_summary, d.next_due,
                    d.next_whose, a.kind, a.date, a.summary
                FROM deals d LEFT JOIN agenda a ON a.file = d.file
                WHERE d.archived = 0 AND \(clause) ORDER BY d.file, a.position
                """, arguments: StatementArguments(named))
            var deals: [String: AgendaDeal] = [:]
            while let row = try rows.next() {
                let file: String = row[0]
                if deals[file] == nil {
                    let next = (row[7] as String?).flatMap { summary in
                        (row[8] as Double?).map { NextAction(summary: summary, due: Date(timeIntervalSinceReferenceDate: $0),
                                                             whoseMove: Party(rawValue: row[9] ?? "") ?? .us) }
                    }
                    deals[file] = AgendaDeal(
                        id: RecordID(rawValue: row[1]), influencerID: RecordID(rawValue: row[2]), campaignID: RecordID(rawValue: row[3]),
                        owner: row[4], archived: false, stage: StageKey(rawValue: row[5]), stageSince: Date(timeIntervalSinceReferenceDate: row[6]),
                        nextAction: next, entries: [])
                }
                if let kind = (row[10] as String?).flatMap(AgendaEntry.Kind.init(rawValue:)) {
                    deals[file]?.entries.append(AgendaEntry(kind: kind, date: (row[11] as Double?).map(Date.init(timeIntervalSinceReferenceDate:)),
                                                            summary: row[12]))
                }
            }
            return deals
        }
    }

    /// Display names of these creators (nil for an id the index does not know), and the files they come from.
    public func creators(_ ids: some Sequence<RecordID>) throws -> (names: [RecordID: String], files: [String]) {
        try database.read { db in
            let statement = try db.makeStatement(sql: "SELECT file, name FROM creators WHERE id = ?")
            var names: [RecordID: String] = [:], files: [String] = []
            for id in ids {
                guard let row = try Row.fetchOne(statement, arguments: [id.rawValue]) else { continue }
                files.append(row[0])
                names[id] = row[1]
            }
            return (names, files)
        }
    }

    /// Every campaign's name, by id.
    public func campaignNames() throws -> [RecordID: String] {
        try database.read { db in
            var names: [RecordID: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM campaigns") { names[RecordID(rawValue: row[0])] = row[1] }
            return names
        }
    }

    /// Checks the stamps of these files of one kind against the index (an edit made in place by another program,
    /// within `fullCheckInterval` of the last full check, is found here) and re-reads the ones that changed;
    /// returns how many did. What a command shows from the index is confirmed this way first.
    @discardableResult
    public func confirm(_ kind: RecordKind, files: [String]) throws -> Int {
        switch kind {
        case .influencer: try confirm(IndexedKinds.creators, files: files)
        case .campaign: try confirm(IndexedKinds.campaigns, files: files)
        case .deal: try confirm(IndexedKinds.deals, files: files)
        case .template: 0
        }
    }

    private func confirm<R: ReachCore.Record>(_ kind: IndexedKind<R>, files: [String]) throws -> Int {
        var result = IndexRefresh()
        return try update(kind, names: files, known: knownStamps(R.kind, of: files), &result)
    }

    /// Reads these files of one kind (in parallel, with the direct reader; a damaged one goes to quarantine):
    /// what a command shows always comes from the files, never from the index.
    public func read<R: ReachCore.Record>(_ type: R.Type, files: [String]) -> (records: [R], problems: [String]) {
        let processed = store.process(store.readFiles(R.self, in: store.layout.directory(for: R.kind), names: files, quarantine: true,
                                                      fingerprints: false))
        return (processed.records, processed.problems.map(\.description))
    }

    /// Every row but the folders' (whose times differ between two builds of the same files), one line each, sorted:
    /// for comparing an index kept up to date with one built afresh.
    func contents() throws -> [String] {
        try database.read { db in
            try ["files", "creators", "campaigns", "deals", "agenda"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table) \($0)" }
            }.sorted()
        }
    }
}
