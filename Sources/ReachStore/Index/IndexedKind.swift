import Foundation
import GRDB
import ReachCore

/// How one kind of record becomes rows of the folder index (see `IndexSchema`), keyed by its file's name.
struct IndexedKind<R: ReachCore.Record> {
    /// Writes the rows of the record read from file `name` with that file's stamp, replacing any it had.
    typealias Put = (_ name: String, _ stamp: Int64, _ record: R) throws -> Void

    /// Prepares `Put`'s statements once for a transaction's many records.
    var writer: (Database) throws -> Put
    /// Removes the rows of file `name`.
    var forget: (Database, String) throws -> Void
}

/// The kinds the index holds: creators, campaigns, deals (templates are not indexed: no command needs to find them).
enum IndexedKinds {
    /// A creator's name and `CreatorSummary`.
    static var creators: IndexedKind<Influencer> {
        named("creators", \.displayName, summary: { CreatorSummaryColumn.bytes(CreatorSummary($0)) })
    }

    static var campaigns: IndexedKind<Campaign> { named("campaigns", \.name) }

    /// A kind found by id and shown by name; a creator's row holds their summary too.
    private static func named<R: ReachCore.Record>(_ table: String, _ name: @escaping (R) -> String,
                                                   summary: ((R) -> [UInt8])? = nil) -> IndexedKind<R> {
        IndexedKind<R>(
            writer: { db in
                let columns = summary == nil ? "file, id, name, stamp" : "file, id, name, stamp, summary"
                let values = summary == nil ? "?, ?, ?, ?" : "?, ?, ?, ?, ?"
                let insert = try IndexStatement(db, "INSERT OR REPLACE INTO \(table)(\(columns)) VALUES (\(values))")
                return { file, stamp, record in
                    insert.bind(file)
                    insert.bind(record.id)
                    insert.bind(name(record))
                    insert.bind(stamp)
                    if let summary { insert.bind(blob: summary(record)) }
                    try insert.run()
                }
            },
            forget: forget(from: table))
    }

    private static func forget(from table: String) -> (Database, String) throws -> Void {
        { db, file in try db.cachedStatement(sql: "DELETE FROM \(table) WHERE file = ?").execute(arguments: [file]) }
    }

    /// A deal's references and its `DealRow`: the row, and one `agenda` row per entry in order.
    static var deals: IndexedKind<Deal> {
        IndexedKind<Deal>(
            writer: { db in
                let insert = try IndexStatement(db, """
                    INSERT OR REPLACE INTO deals(file, stamp, id, creator, campaign, owner, archived, stage, stage_since,
                        next_summary, next_due, next_whose, fee_minor, fee_currency, last_contact, discount_code, paid, row)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let forgetAgenda = try IndexStatement(db, "DELETE FROM agenda WHERE file = ?")
                let insertEntry = try IndexStatement(db, "INSERT INTO agenda(file, position, kind, date, summary) VALUES (?, ?, ?, ?, ?)")
                return { file, stamp, deal in
                    let row = DealRow(deal)
                    insert.bind(file)
                    insert.bind(stamp)
                    insert.bind(deal.id)
                    insert.bind(deal.influencerID)
                    insert.bind(deal.campaignID)
                    insert.bind(deal.owner)
                    insert.bind(deal.archived)
                    insert.bind(deal.stage.rawValue)
                    insert.bind(row.stageSince.timeIntervalSinceReferenceDate)
                    insert.bind(row.nextAction?.summary)
                    insert.bind(row.nextAction?.due.timeIntervalSinceReferenceDate)
                    insert.bind(row.nextAction?.whoseMove.rawValue)
                    insert.bind(row.agreedFee?.minorUnits)
                    insert.bind(row.agreedFee?.currency.rawValue)
                    insert.bind(row.lastContact?.timeIntervalSinceReferenceDate)
                    insert.bind(deal.tracking.discountCodeKey)
                    insert.bind(PaidColumn.text(row.paid))
                    insert.bind(blob: DealRowColumn.bytes(row))
                    try insert.run()
                    forgetAgenda.bind(file)
                    try forgetAgenda.run()
                    for (position, entry) in row.entries.enumerated() {
                        insertEntry.bind(file)
                        insertEntry.bind(position)
                        insertEntry.bind(entry.kind.rawValue)
                        insertEntry.bind(entry.date?.timeIntervalSinceReferenceDate)
                        insertEntry.bind(entry.summary)
                        try insertEntry.run()
                    }
                }
            },
            forget: { db, file in
                try db.cachedStatement(sql: "DELETE FROM deals WHERE file = ?").execute(arguments: [file])
                try db.cachedStatement(sql: "DELETE FROM agenda WHERE file = ?").execute(arguments: [file])
            })
    }
}
