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

    /// The compact rows (`DealRow`) of the (not archived) deals of the owners `isShown` accepts, in file order, each with
    /// what confirming it needs (its file and stamp, its creator's name, file and stamp): one query, so a manager's
    /// 40,000 deals cost no lookup per deal or per creator. With a `window`, only what Today can show then: a closed
    /// deal with no payment or rights due is left out, and so are entries that cannot be due (the rules of
    /// `Today.items`, stated again in SQL; the tests hold the two together).
    public func agenda(isShown: (String?) -> Bool, window: Today.Window? = nil,
                       pipeline: StagePipeline = .default) throws -> [IndexedDealRow] {
        try database.read { db in
            // Owners are few: decide each once, then ask only for their deals.
            let owners = try String?.fetchAll(db, sql: "SELECT DISTINCT owner FROM deals").filter(isShown)
            var arguments: [String: (any DatabaseValueConvertible)?] = [:]
            for (index, owner) in owners.compactMap({ $0 }).enumerated() { arguments["owner\(index)"] = owner }
            var clause = "d.owner IN (\(arguments.keys.sorted().map { ":" + $0 }.joined(separator: ", ")))"
            if owners.contains(nil) { clause = "(\(clause) OR d.owner IS NULL)" }
            var entryShown = ""
            if let window {
                arguments["now"] = window.now.timeIntervalSinceReferenceDate
                arguments["end"] = window.endOfDay.timeIntervalSinceReferenceDate
                arguments["horizon"] = window.rightsHorizon.timeIntervalSinceReferenceDate
                func dueEvenWhenClosed(_ a: String) -> String {
                    "(\(a).kind = '\(AgendaEntry.Kind.payment.rawValue)' AND \(a).date < :end) OR " +
                    "(\(a).kind = '\(AgendaEntry.Kind.rights.rawValue)' AND \(a).date >= :now AND \(a).date <= :horizon)"
                }
                entryShown = " AND (a.kind = '\(AgendaEntry.Kind.draft.rawValue)' OR " +
                    "(a.kind = '\(AgendaEntry.Kind.goingLive.rawValue)' AND a.date < :end) OR \(dueEvenWhenClosed("a")))"
                let closed = pipeline.allStages.map(\.key).filter(pipeline.isClosed)
                for (index, stage) in closed.enumerated() { arguments["closed\(index)"] = stage.rawValue }
                clause += " AND (d.stage NOT IN (\(closed.indices.map { ":closed\($0)" }.joined(separator: ", "))) OR " +
                    "EXISTS (SELECT 1 FROM agenda e WHERE e.file = d.file AND (\(dueEvenWhenClosed("e")))))"
            }
            return try Self.dealRows(db, entriesShown: entryShown, where: "d.archived = 0 AND \(clause)",
                                     arguments: StatementArguments(arguments))
        }
    }

    /// Whether a refresh has read every file of `kind` into the index at least once: a new index (or one of another
    /// version) has not, and its first refresh reads every file, which takes a minute at 100k.
    public func isBuilt(_ kind: RecordKind) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM folders WHERE kind = ?", arguments: [kind.rawValue]) ?? false
        }
    }

    /// Every creator's summary, archived ones too, in file order, each with the id its file's name claims (nil: not a
    /// record file's name) and that file's stamp: what a workspace keeps of each creator while their full record stays
    /// in its file. One at a time: a start builds its creator side as the summaries are read, never holding all
    /// 100,000 of them (50 MB with their search keys, and the start's peak). Throws when a summary is damaged (the
    /// caller then reads the files).
    public func forEachCreatorSummary(_ body: (_ summary: CreatorSummary, _ file: RecordID?, _ stamp: Int64) throws -> Void) throws {
        try database.read { db in
            try Self.forEachBlob(db, sql: "SELECT file, stamp, id, summary FROM creators ORDER BY file", at: 3) { row, bytes, interned in
                let id = row.text(2, RecordID.init(utf8:))
                let file = row.text(0, DataFolderLayout.recordID(fromFileName:))
                try body(try CreatorSummaryColumn.summary(id: id, bytes, interned: &interned), file, row.int64(1))
            }
        }
    }

    /// Every deal's compact row, archived ones too, with every entry, in file order: what a workspace needs of each
    /// deal to list it (Today, the Pipeline, the Roster's deal columns) without the full deal.
    public func allDealRows() throws -> [IndexedDealRow] {
        try decodingBlobs(sql: Self.everyDealRow, at: 2) { row, bytes, interned in
            IndexedDealRow(file: row.string(0), stamp: row.int64(1), deal: try DealRowColumn.row(bytes, interned: &interned),
                           creator: nil, discountCode: row.optionalString(3))
        }
    }

    /// `allDealRows` one row at a time, each with the id its file's name claims (nil: not a record file's name) and
    /// that file's stamp: a start builds its deal indexes as the rows are read, never holding all 200,000 of them
    /// (98 MB at 100k creators), and makes no string of a file name (200,000 strings, freed among the rows kept, left
    /// the heap full of holes the system could not be given back).
    public func forEachDealRow(_ body: (_ row: DealRow, _ file: RecordID?, _ stamp: Int64, _ discountCode: String?) throws -> Void) throws {
        try database.read { db in
            try Self.forEachBlob(db, sql: Self.everyDealRow, at: 2) { row, bytes, interned in
                let file = row.text(0, DataFolderLayout.recordID(fromFileName:))
                try body(try DealRowColumn.row(bytes, interned: &interned), file, row.int64(1), row.optionalString(3))
            }
        }
    }

    private static let everyDealRow = "SELECT file, stamp, row, discount_code FROM deals ORDER BY file"

    /// Each row of `sql` made into a value by `make`, from the row and the bytes of its blob in column `blob`,
    /// read in place; normalised values (currencies, platforms, niches) are made once for all rows.
    private func decodingBlobs<Value>(sql: String, at blob: Int32,
                                      _ make: (IndexRowReader, UnsafeRawBufferPointer, inout InternedValues) throws -> Value) throws -> [Value] {
        try database.read { db in
            var values: [Value] = []
            try Self.forEachBlob(db, sql: sql, at: blob) { row, bytes, interned in values.append(try make(row, bytes, &interned)) }
            return values
        }
    }

    /// Calls `body` with each row of `sql` and the bytes of its blob in column `blob`, read in place.
    private static func forEachBlob(_ db: Database, sql: String, at blob: Int32,
                                    _ body: (IndexRowReader, UnsafeRawBufferPointer, inout InternedValues) throws -> Void) throws {
        let rows = try IndexRowReader(db, sql)
        var interned = InternedValues()
        while try rows.next() {
            try rows.blob(blob) { bytes in try body(rows, bytes, &interned) }
        }
    }

    /// The rows of the deals `condition` keeps, each with the entries `entriesShown` keeps (an `AND …` on `a`), and
    /// with their creators' names, files and stamps.
    private static func dealRows(_ db: Database, entriesShown: String, where condition: String,
                                 arguments: StatementArguments) throws -> [IndexedDealRow] {
        // A creator id in two files (only in a damaged folder) gives each entry twice: the first file names it.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.file, d.stamp, d.id, d.creator, d.campaign, d.owner, d.stage, d.stage_since, d.next_summary,
                d.next_due, d.next_whose, d.fee_minor, d.fee_currency, d.last_contact,
                c.file, c.name, c.stamp, a.kind, a.date, a.summary, d.archived, d.discount_code, d.paid
            FROM deals d LEFT JOIN creators c ON c.id = d.creator
            LEFT JOIN agenda a ON a.file = d.file\(entriesShown)
            WHERE \(condition) ORDER BY d.file, c.file, a.position
            """, arguments: arguments)
        var deals: [IndexedDealRow] = []
        // Few currencies, each made once: `CurrencyCode`'s normalising init was a tenth of `reach today`.
        var currencies: [String: CurrencyCode] = [:]
        func currency(_ code: String) -> CurrencyCode {
            if let known = currencies[code] { return known }
            let made = CurrencyCode(rawValue: code)
            currencies[code] = made
            return made
        }
        // A deal's entries are gathered, then set once: its row keeps them packed, so each one appended would pack
        // them all again.
        var entries: [AgendaEntry] = []
        func setEntries() {
            guard !entries.isEmpty else { return }
            deals[deals.count - 1].deal.entries = entries
            entries.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            let file: String = row[0]
            if let last = deals.last, last.file == file {
                guard last.creator?.file == (row[14] as String?) else { continue }
            } else {
                setEntries()
                let next = (row[8] as String?).flatMap { summary in
                    (row[9] as Double?).map { NextAction(summary: summary, due: Date(timeIntervalSinceReferenceDate: $0),
                                                         whoseMove: Party(rawValue: row[10] ?? "") ?? .us) }
                }
                let deal = DealRow(
                    id: RecordID(rawValue: row[2]), influencerID: RecordID(rawValue: row[3]), campaignID: RecordID(rawValue: row[4]),
                    owner: row[5], archived: row[20] as Bool, stage: StageKey(rawValue: row[6]),
                    stageSince: Date(timeIntervalSinceReferenceDate: row[7]), nextAction: next,
                    agreedFee: (row[11] as Int64?).map { Money(minorUnits: $0, currency: currency(row[12] ?? "")) },
                    lastContact: (row[13] as Double?).map(Date.init(timeIntervalSinceReferenceDate:)), entries: [],
                    paid: PaidColumn.amounts(row[22], currency: currency))
                let creator = (row[14] as String?).map { IndexedName(name: row[15], file: $0, stamp: row[16]) }
                deals.append(IndexedDealRow(file: file, stamp: row[1], deal: deal, creator: creator, discountCode: row[21]))
            }
            if let kind = (row[17] as String?).flatMap(AgendaEntry.Kind.init(rawValue:)) {
                entries.append(AgendaEntry(kind: kind, date: (row[18] as Double?).map(Date.init(timeIntervalSinceReferenceDate:)),
                                           subject: .worded(row[19])))
            }
        }
        setEntries()
        return deals
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

    /// How many creators, campaigns and deals the indexed files hold (a file that did not load holds none), and how
    /// many of the deals have a discount code (counted from the codes' partial index: 2 ms at 100k).
    public func recordCounts() throws -> (creators: Int, campaigns: Int, deals: Int, codedDeals: Int) {
        try database.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM creators), (SELECT count(*) FROM campaigns), (SELECT count(*) FROM deals),
                    (SELECT count(*) FROM deals WHERE discount_code IS NOT NULL)
                """)
            return (row?[0] ?? 0, row?[1] ?? 0, row?[2] ?? 0, row?[3] ?? 0)
        }
    }

    /// `forEachCreatorSummary`'s summaries all at once, for checks of the index.
    public func allCreatorSummaries() throws -> [CreatorSummary] {
        var all: [CreatorSummary] = []
        try forEachCreatorSummary { summary, _, _ in all.append(summary) }
        return all
    }

    /// How many creators the indexed files hold: what a start's creator side needs to reserve, without counting
    /// the 200,000 deals (5 ms) that the deal side counts on its own thread at the same time.
    public func creatorCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM creators") ?? 0 }
    }

    /// The files of deals whose creator or campaign no indexed file holds, in file order.
    public func dealFilesWithMissingReferences() throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: """
                SELECT file FROM deals d
                WHERE NOT EXISTS (SELECT 1 FROM creators c WHERE c.id = d.creator)
                    OR NOT EXISTS (SELECT 1 FROM campaigns m WHERE m.id = d.campaign)
                ORDER BY file
                """)
        }
    }

    /// The files of deals that share a discount code (`Tracking.discountCodeKey`) with another deal, by code.
    public func dealFilesSharingDiscountCodes() throws -> [(code: String, files: [String])] {
        try database.read { db in
            var byCode: [(code: String, files: [String])] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT discount_code, file FROM deals WHERE discount_code IN
                    (SELECT discount_code FROM deals WHERE discount_code IS NOT NULL GROUP BY discount_code HAVING count(*) > 1)
                ORDER BY discount_code, file
                """)
            while let row = try rows.next() {
                let code: String = row[0]
                if byCode.last?.code == code { byCode[byCode.count - 1].files.append(row[1]) } else { byCode.append((code, [row[1]])) }
            }
            return byCode
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

    /// Checks these files of one kind, with their `stamps` as the index holds them (from `agenda`), against the files
    /// (an edit made in place by another program, within `fullCheckInterval` of the last full check, is found here)
    /// and re-reads the ones that changed; returns how many did. What a command shows from the index is confirmed
    /// this way first.
    @discardableResult
    public func confirm(_ kind: RecordKind, stamps: [String: Int64]) throws -> Int {
        var result = IndexRefresh()
        let changes = FileChanges(directory: store.layout.directory(for: kind), confirming: stamps)
        return switch kind {
        case .influencer: try update(IndexedKinds.creators, changes, progress: nil, &result)
        case .campaign: try update(IndexedKinds.campaigns, changes, progress: nil, &result)
        case .deal: try update(IndexedKinds.deals, changes, progress: nil, &result)
        case .template: 0
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
            try ["files", "creators", "campaigns", "deals", "agenda"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table) \($0)" }
            }.sorted()
        }
    }
}

/// A deal's row as `FolderIndex.agenda` gives it: with its file and that file's stamp in the index, and its
/// creator's, so a command can confirm what it shows against the files without asking the index again.
public struct IndexedDealRow: Sendable {
    public var file: String
    public var stamp: Int64
    public var deal: DealRow
    /// Nil when no creator file holds the deal's creator id.
    public var creator: IndexedName?
    /// The deal's discount code as `Tracking.discountCodeKey` compares it.
    public var discountCode: String?
}

/// A record's display name with the file it comes from and that file's stamp in the index.
public struct IndexedName: Sendable {
    public var name: String
    public var file: String
    public var stamp: Int64
}
