import Foundation
import Testing
@testable import ReachCore

/// A deal row keeps its agenda entries and paid amounts packed in one byte array (`DealRowAgenda`): what goes in
/// comes out exactly (each subject in its parts, not only in the same words), in order, and the dates-only pass
/// Today reads agrees with the entries.
@Suite struct DealRowAgendaTests {
    /// 500 random rows: 0 to 6 entries of every kind and subject, with and without dates (the far past and future
    /// too), texts empty, multi-byte (Latvian, Georgian, CJK, emoji) and longer than 255 bytes, any currency, and 0
    /// to 3 paid amounts (negative and the extremes of `Int64` too).
    @Test func entriesAndPaidAmountsComeBackExactly() {
        var random = Generator(seed: 42)
        var checked = 0
        let texts = ["", "instagram", "ļoti garš", "ნინო", "桜の動画", "🎬 reel", String(repeating: "ā", count: 200), "x"]
        let dates: [Date?] = [nil, Date(timeIntervalSince1970: 0), Date(timeIntervalSinceReferenceDate: -1e10),
                              Date(timeIntervalSinceReferenceDate: 7.5e8 + 0.123), .distantFuture]
        let amounts: [Int64] = [0, 1, -250, 125_000, .max, .min]
        for _ in 0..<500 {
            func text() -> String { texts[random.below(texts.count)] }
            func money() -> Money { Money(minorUnits: amounts[random.below(amounts.count)], currency: CurrencyCode(rawValue: ["EUR", "JPY", "GEL", text()][random.below(4)])) }
            let entries = (0..<random.below(7)).map { _ -> AgendaEntry in
                let subject: AgendaEntry.Subject = switch random.below(6) {
                case 0: .deliverable(Platform(rawValue: text()), ContentType(rawValue: text()))
                case 1: .payment(money(), PaymentKind.allCases[random.below(PaymentKind.allCases.count)])
                case 2: .usageRights
                case 3: .exclusivity
                case 4: .whitelisting
                default: .worded(text())
                }
                let kinds: [AgendaEntry.Kind] = [.draft, .goingLive, .payment, .rights]
                return AgendaEntry(kind: kinds[random.below(kinds.count)], date: dates[random.below(dates.count)], subject: subject)
            }
            let paid = (0..<random.below(4)).map { _ in money() }
            let row = DealRow(id: RecordID.generate(at: Date()), influencerID: RecordID.generate(at: Date()), campaignID: RecordID.generate(at: Date()),
                              owner: nil, archived: false, stage: "contacted", stageSince: Date(), nextAction: nil,
                              agreedFee: nil, lastContact: nil, entries: entries, paid: paid)
            var read: [AgendaEntry] = []
            row.forEachAgendaEntry { read.append($0) }
            #expect(read.map(\.kind) == entries.map(\.kind) && read.map(\.date) == entries.map(\.date))
            #expect(read.map(\.subject) == entries.map(\.subject))
            var datesRead: [(AgendaEntry.Kind, Date?)] = []
            row.forEachAgendaDate { datesRead.append(($0, $1)) }
            #expect(datesRead.map { $0.0 } == entries.map(\.kind) && datesRead.map { $0.1 } == entries.map(\.date))
            #expect(row.paid == paid)
            // Taken back as packed bytes (as the folder index keeps them): the same row; cut short or with a byte
            // more, they are not an agenda.
            let packed = row.packedAgenda
            #expect(DealRow(id: row.id, influencerID: row.influencerID, campaignID: row.campaignID, owner: nil, archived: false,
                            stage: "contacted", stageSince: row.stageSince, nextAction: nil, agreedFee: nil, lastContact: nil,
                            packedAgenda: packed) == row)
            if !packed.isEmpty, checked < 60 {
                checked += 1
                #expect((0..<packed.count).allSatisfy { !DealRowAgenda.isWellFormed(Array(packed.prefix($0))) || $0 == 0 })
                #expect(!DealRowAgenda.isWellFormed(packed + [0]))
            }
            // Set again, one part at a time, the other is kept.
            var changed = row
            changed.paid = paid.reversed()
            #expect(changed.entries.map(\.subject) == entries.map(\.subject) && changed.paid == paid.reversed())
            changed.entries = Array(entries.reversed())
            #expect(changed.entries.map(\.subject) == entries.reversed().map(\.subject) && changed.paid == paid.reversed())
        }
    }

    /// More entries and paid amounts than a 16-bit count holds are all kept.
    @Test func aRowKeepsMoreThan65535Entries() {
        let entries = (0..<70_000).map { AgendaEntry(kind: .rights, date: Date(timeIntervalSinceReferenceDate: Double($0)), subject: .usageRights) }
        let paid = (0..<70_000).map { Money(minorUnits: Int64($0), currency: "EUR") }
        let row = DealRow(id: RecordID.generate(at: Date()), influencerID: RecordID.generate(at: Date()),
                          campaignID: RecordID.generate(at: Date()), owner: nil, archived: false, stage: "contacted",
                          stageSince: Date(), nextAction: nil, agreedFee: nil, lastContact: nil, entries: entries, paid: paid)
        #expect(row.entries.map(\.date) == entries.map(\.date) && row.paid == paid)
    }

    /// Bytes that are not an agenda are refused: no entry nor paid amount in a non-empty agenda, a kind or subject
    /// code out of range, a payment kind past the last, a count larger than the bytes.
    @Test func bytesThatAreNotAnAgendaAreRefused() {
        let good = DealRowAgenda.bytes(entries: [AgendaEntry(kind: .payment, date: nil, subject: .payment(Money(minorUnits: 5, currency: "EUR"), .bonus))],
                                       paid: [])
        #expect(DealRowAgenda.isWellFormed(good))
        func with(_ offset: Int, _ byte: UInt8) -> [UInt8] { var bytes = good; bytes[offset] = byte; return bytes }
        #expect(!DealRowAgenda.isWellFormed([0, 0, 0, 0, 0, 0, 0, 0]))
        #expect(!DealRowAgenda.isWellFormed(with(8, 4)))                      // kind code
        #expect(!DealRowAgenda.isWellFormed(with(9, 6)))                      // subject tag
        #expect(!DealRowAgenda.isWellFormed(with(good.count - 1, UInt8(PaymentKind.allCases.count)))) // payment kind
        #expect(!DealRowAgenda.isWellFormed(with(0, 200)))                    // entry count
        #expect(!DealRowAgenda.isWellFormed(with(4, 1)))                      // a paid amount that is not there
    }

    /// A row with neither holds no bytes at all.
    @Test func aRowWithNoEntriesHoldsNoBytes() {
        #expect(DealRowAgenda.bytes(entries: [], paid: []).isEmpty)
    }

    private struct Generator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func below(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }
}
