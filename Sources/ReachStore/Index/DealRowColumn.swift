import Foundation
import ReachCore

/// A deal's `DealRow` as the folder index's `deals.row` column holds it, in the index's binary encoding (`BinaryWriter`): a start
/// decodes 200,000 of these instead of joining each deal's columns to its agenda rows (which took 0.5 s alone and
/// 1.1 s beside the creators' read). The entries and paid amounts are the row's own packed bytes (`DealRow.packedAgenda`),
/// checked and taken as they are: made into entries and packed again, they were a third of reading a row. The other
/// columns stay for the commands' queries.
enum DealRowColumn {
    static func bytes(_ row: DealRow) -> [UInt8] {
        var writer = BinaryWriter(capacity: 160)
        writer.string(row.id.rawValue)
        writer.string(row.influencerID.rawValue)
        writer.string(row.campaignID.rawValue)
        writer.optionalString(row.owner)
        writer.bool(row.archived)
        writer.string(row.stage.rawValue)
        writer.date(row.stageSince)
        writer.optional(row.nextAction) { writer, next in
            writer.string(next.summary)
            writer.date(next.due)
            writer.enumCase(next.whoseMove)
        }
        writer.optionalMoney(row.agreedFee)
        writer.optionalDate(row.lastContact)
        writer.rawBytes(row.packedAgenda)
        return writer.bytes
    }

    /// The row the bytes hold; throws when they are not a whole row (a damaged index). `interned` carries the
    /// normalised currencies and platforms, and the owners' names and next steps, from row to row.
    static func row(_ bytes: UnsafeRawBufferPointer, interned: inout InternedValues) throws(BinaryDecodeError) -> DealRow {
        var reader = BinaryReader(bytes)
        reader.interned = interned
        defer { interned = reader.interned }
        let id = try reader.recordID(), creator = try reader.recordID(), campaign = try reader.recordID()
        let owner = try reader.optionalSharedText(), archived = try reader.bool()
        let stage = StageKey(rawValue: try reader.string()), since = try reader.date()
        let next: NextAction? = try reader.present()
            ? NextAction(summary: try reader.sharedText(), due: try reader.date(), whoseMove: try reader.enumCase()) : nil
        let fee = try reader.optionalMoney()
        let lastContact = try reader.optionalDate(), agenda = try reader.rawBytes()
        guard reader.isAtEnd else { throw reader.failure("\(reader.remaining) bytes after a deal row") }
        guard let row = DealRow(id: id, influencerID: creator, campaignID: campaign, owner: owner, archived: archived, stage: stage,
                                stageSince: since, nextAction: next, agreedFee: fee, lastContact: lastContact, packedAgenda: agenda)
        else { throw reader.failure("a deal row's agenda that is not one") }
        return row
    }
}
