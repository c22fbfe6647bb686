import Foundation
import ReachCore

/// A deal's `DealRow` as the folder index's `deals.row` column holds it, in the index's binary encoding (`BinaryWriter`): a start
/// decodes 200,000 of these instead of joining each deal's columns to its agenda rows (which took 0.5 s alone and
/// 1.1 s beside the creators' read). An agenda entry keeps its parts (platform, content type, amount), not its
/// words, as the row made from the deal does: no string per entry. The other columns stay for the commands' queries.
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
        writer.array(row.entries) { writer, entry in
            writer.string(entry.kind.rawValue)
            writer.optionalDate(entry.date)
            switch entry.subject {
            case .deliverable(let platform, let contentType):
                writer.byte(0)
                writer.string(platform.rawValue)
                writer.string(contentType.rawValue)
            case .payment(let amount, let kind):
                writer.byte(1)
                writer.money(amount)
                writer.enumCase(kind)
            case .usageRights: writer.byte(2)
            case .exclusivity: writer.byte(3)
            case .whitelisting: writer.byte(4)
            case .worded(let text):
                writer.byte(5)
                writer.string(text)
            }
        }
        writer.array(row.paid) { $0.money($1) }
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
        let lastContact = try reader.optionalDate()
        var entries: [AgendaEntry] = []
        let entryCount = try reader.count()
        entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            let kindText = try reader.string()
            guard let kind = AgendaEntry.Kind(rawValue: kindText) else { throw reader.failure("agenda kind \(kindText)") }
            let date = try reader.optionalDate()
            let subject: AgendaEntry.Subject
            switch try reader.byte() {
            case 0: subject = .deliverable(try reader.platform(), ContentType(rawValue: try reader.string()))
            case 1: subject = .payment(try reader.money(), try reader.enumCase())
            case 2: subject = .usageRights
            case 3: subject = .exclusivity
            case 4: subject = .whitelisting
            case 5: subject = .worded(try reader.string())
            case let tag: throw reader.failure("agenda subject \(tag)")
            }
            entries.append(AgendaEntry(kind: kind, date: date, subject: subject))
        }
        var paid: [Money] = []
        for _ in 0..<(try reader.count()) { paid.append(try reader.money()) }
        guard reader.isAtEnd else { throw reader.failure("\(reader.remaining) bytes after a deal row") }
        return DealRow(id: id, influencerID: creator, campaignID: campaign, owner: owner, archived: archived, stage: stage,
                       stageSince: since, nextAction: next, agreedFee: fee, lastContact: lastContact, entries: entries, paid: paid)
    }
}
