import Foundation
import GRDB
import ReachCore

/// How one kind of record becomes rows of the folder index (see `IndexSchema`), keyed by its file's name.
struct IndexedKind<R: ReachCore.Record> {
    /// Writes the rows of the record read from file `name` with that file's stamp, replacing any it had.
    var put: (Database, String, Int64, R) throws -> Void
    /// Removes the rows of file `name`.
    var forget: (Database, String) throws -> Void
}

/// The kinds the index holds: creators, campaigns, deals (templates are not indexed: no command needs to find them).
enum IndexedKinds {
    /// A creator's name and `CreatorSummary`.
    static var creators: IndexedKind<Influencer> {
        IndexedKind<Influencer>(
            put: { db, file, stamp, creator in
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO creators(file, id, name, stamp, summary) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [file, creator.id.rawValue, creator.displayName, stamp,
                                         Data(CreatorSummaryColumn.bytes(CreatorSummary(creator)))])
            },
            forget: forget(from: "creators"))
    }

    static var campaigns: IndexedKind<Campaign> { named("campaigns", \.name) }

    /// A kind found by id and shown by name.
    private static func named<R: ReachCore.Record>(_ table: String, _ name: @escaping (R) -> String) -> IndexedKind<R> {
        IndexedKind<R>(
            put: { db, file, stamp, record in
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table)(file, id, name, stamp) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [file, record.id.rawValue, name(record), stamp])
            },
            forget: forget(from: table))
    }

    private static func forget(from table: String) -> (Database, String) throws -> Void {
        { db, file in try db.cachedStatement(sql: "DELETE FROM \(table) WHERE file = ?").execute(arguments: [file]) }
    }

    /// A deal's references and its `DealRow`: the row, and one `agenda` row per entry in order.
    static var deals: IndexedKind<Deal> {
        IndexedKind<Deal>(
            put: { db, file, stamp, deal in
                let row = DealRow(deal)
                try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO deals(file, stamp, id, creator, campaign, owner, archived, stage, stage_since,
                        next_summary, next_due, next_whose, fee_minor, fee_currency, last_contact, discount_code, paid, row)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [file, stamp, deal.id.rawValue, deal.influencerID.rawValue, deal.campaignID.rawValue, deal.owner,
                                     deal.archived, deal.stage.rawValue, row.stageSince.timeIntervalSinceReferenceDate,
                                     row.nextAction?.summary, row.nextAction?.due.timeIntervalSinceReferenceDate,
                                     row.nextAction?.whoseMove.rawValue, row.agreedFee?.minorUnits, row.agreedFee?.currency.rawValue,
                                     row.lastContact?.timeIntervalSinceReferenceDate,
                                     deal.tracking.discountCodeKey, PaidColumn.text(row.paid), Data(DealRowColumn.bytes(row))])
                try db.cachedStatement(sql: "DELETE FROM agenda WHERE file = ?").execute(arguments: [file])
                for (position, entry) in row.entries.enumerated() {
                    try db.cachedStatement(sql: "INSERT INTO agenda(file, position, kind, date, summary) VALUES (?, ?, ?, ?, ?)")
                                   .execute(arguments: [file, position, entry.kind.rawValue, entry.date?.timeIntervalSinceReferenceDate, entry.summary])
                }
            },
            forget: { db, file in
                try db.cachedStatement(sql: "DELETE FROM deals WHERE file = ?").execute(arguments: [file])
                try db.cachedStatement(sql: "DELETE FROM agenda WHERE file = ?").execute(arguments: [file])
            })
    }
}
