import Foundation

/// A deal row's agenda entries and paid amounts, packed into one byte array: the row holds one small heap block
/// instead of two arrays of wide values.
///
/// At 100k creators and 200,458 deals, 88,800 rows had an array of entries (56 bytes each, nearly all a right's end
/// with no text) and 60,602 an array of paid amounts: 23 MB of every app. Packed, a right's end takes 10 bytes and a
/// deliverable 25.
///
/// Layout: the entry and paid counts (two `UInt32`), then each entry's fixed part (kind with a date flag, subject tag,
/// date: 10 bytes, so Today's pass over dates skips no text), then each entry's payload (platform and content type;
/// amount, currency and payment kind; or the words), then each paid amount (minor units, currency). A text is its
/// length (one byte, or 255 then four) and its UTF-8 bytes.
enum DealRowAgenda {
    private static let headerSize = 8
    private static let fixedSize = 10
    private static let hasDate: UInt8 = 0x80

    static func bytes(entries: [AgendaEntry], paid: [Money]) -> [UInt8] {
        guard !entries.isEmpty || !paid.isEmpty else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(headerSize + entries.count * (fixedSize + 16) + paid.count * 12)
        append(UInt32(entries.count), to: &out)
        append(UInt32(paid.count), to: &out)
        for entry in entries {
            out.append(kindCode(entry.kind) | (entry.date == nil ? 0 : hasDate))
            out.append(subjectTag(entry.subject))
            append((entry.date?.timeIntervalSinceReferenceDate ?? 0).bitPattern, to: &out)
        }
        for entry in entries {
            switch entry.subject {
            case .deliverable(let platform, let contentType):
                append(text: platform.rawValue, to: &out)
                append(text: contentType.rawValue, to: &out)
            case .payment(let amount, let kind):
                append(amount, to: &out)
                out.append(UInt8(PaymentKind.allCases.firstIndex(of: kind) ?? 0))
            case .usageRights, .exclusivity, .whitelisting: break
            case .worded(let text): append(text: text, to: &out)
            }
        }
        for amount in paid { append(amount, to: &out) }
        return out
    }

    /// Calls `body` with each entry's kind and date, reading no payload.
    static func forEachDate(_ bytes: [UInt8], _ body: (AgendaEntry.Kind, Date?) -> Void) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { raw in
            for index in 0..<counts(raw).entries {
                let at = headerSize + index * fixedSize
                let flags = raw[at]
                body(kind(flags), flags & hasDate == 0 ? nil : date(raw, at + 2))
            }
        }
    }

    static func forEachEntry(_ bytes: [UInt8], _ body: (AgendaEntry) -> Void) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { raw in
            let count = counts(raw).entries
            var payload = headerSize + count * fixedSize
            for index in 0..<count {
                let at = headerSize + index * fixedSize
                let flags = raw[at]
                let subject: AgendaEntry.Subject
                switch raw[at + 1] {
                case 0: subject = .deliverable(Platform(rawValue: text(raw, &payload)), ContentType(rawValue: text(raw, &payload)))
                case 1:
                    let amount = money(raw, &payload)
                    subject = .payment(amount, PaymentKind.allCases[Int(raw[payload])])
                    payload += 1
                case 2: subject = .usageRights
                case 3: subject = .exclusivity
                case 4: subject = .whitelisting
                default: subject = .worded(text(raw, &payload))
                }
                body(AgendaEntry(kind: kind(flags), date: flags & hasDate == 0 ? nil : date(raw, at + 2), subject: subject))
            }
        }
    }

    static func forEachPaid(_ bytes: [UInt8], _ body: (Money) -> Void) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { raw in
            let (entries, paid) = counts(raw)
            // The paid amounts follow the entries' payloads, whose lengths only reading them tells.
            var payload = headerSize + entries * fixedSize
            skipPayloads(raw, entries, &payload)
            for _ in 0..<paid { body(money(raw, &payload)) }
        }
    }

    /// Whether `bytes` are an agenda exactly as `bytes(entries:paid:)` makes them (counts, codes, every length in
    /// bounds, nothing after), so the readers below, which check nothing, can take them: bytes read back from the
    /// folder index, which a damaged file must not turn into a trap.
    static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        return bytes.withUnsafeBytes { raw in
            guard raw.count >= headerSize else { return false }
            let (entries, paid) = counts(raw)
            guard entries + paid > 0, entries <= (raw.count - headerSize) / fixedSize else { return false }
            var at = headerSize + entries * fixedSize
            func text() -> Bool {
                guard at < raw.count else { return false }
                var count = Int(raw[at])
                at += 1
                if count == 255 {
                    guard raw.count - at >= 4 else { return false }
                    count = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                    at += 4
                }
                guard raw.count - at >= count else { return false }
                at += count
                return true
            }
            func money() -> Bool {
                guard raw.count - at >= 8 else { return false }
                at += 8
                return text()
            }
            for index in 0..<entries {
                let fixed = headerSize + index * fixedSize
                guard raw[fixed] & 0x7F <= 3 else { return false }
                switch raw[fixed + 1] {
                case 0: guard text(), text() else { return false }
                case 1:
                    guard money(), at < raw.count, Int(raw[at]) < PaymentKind.allCases.count else { return false }
                    at += 1
                case 2, 3, 4: break
                case 5: guard text() else { return false }
                default: return false
                }
            }
            for _ in 0..<paid { guard money() else { return false } }
            return at == raw.count
        }
    }

    // MARK: - Writing

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func append(_ amount: Money, to out: inout [UInt8]) {
        append(amount.minorUnits, to: &out)
        append(text: amount.currency.rawValue, to: &out)
    }

    private static func append(text: String, to out: inout [UInt8]) {
        let count = text.utf8.count
        if count < 255 {
            out.append(UInt8(count))
        } else {
            out.append(255)
            append(UInt32(count), to: &out)
        }
        out.append(contentsOf: text.utf8)
    }

    private static func kindCode(_ kind: AgendaEntry.Kind) -> UInt8 {
        switch kind {
        case .draft: 0
        case .goingLive: 1
        case .payment: 2
        case .rights: 3
        }
    }

    private static func subjectTag(_ subject: AgendaEntry.Subject) -> UInt8 {
        switch subject {
        case .deliverable: 0
        case .payment: 1
        case .usageRights: 2
        case .exclusivity: 3
        case .whitelisting: 4
        case .worded: 5
        }
    }

    // MARK: - Reading (of bytes `bytes(entries:paid:)` made, so no check)

    private static func counts(_ raw: UnsafeRawBufferPointer) -> (entries: Int, paid: Int) {
        (Int(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))),
         Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))))
    }

    private static func kind(_ flags: UInt8) -> AgendaEntry.Kind {
        switch flags & 0x7F {
        case 0: .draft
        case 1: .goingLive
        case 2: .payment
        default: .rights
        }
    }

    private static func date(_ raw: UnsafeRawBufferPointer, _ at: Int) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))))
    }

    private static func length(_ raw: UnsafeRawBufferPointer, _ at: inout Int) -> Int {
        let short = raw[at]
        at += 1
        guard short == 255 else { return Int(short) }
        defer { at += 4 }
        return Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }

    private static func text(_ raw: UnsafeRawBufferPointer, _ at: inout Int) -> String {
        let count = length(raw, &at)
        defer { at += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<at + count]), as: UTF8.self)
    }

    private static func money(_ raw: UnsafeRawBufferPointer, _ at: inout Int) -> Money {
        let minor = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int64.self))
        at += 8
        return Money(minorUnits: minor, currency: CurrencyCode(rawValue: text(raw, &at)))
    }

    private static func skipText(_ raw: UnsafeRawBufferPointer, _ at: inout Int) {
        at += length(raw, &at)
    }

    private static func skipPayloads(_ raw: UnsafeRawBufferPointer, _ count: Int, _ payload: inout Int) {
        for index in 0..<count {
            switch raw[headerSize + index * fixedSize + 1] {
            case 0: skipText(raw, &payload); skipText(raw, &payload)
            case 1: payload += 8; skipText(raw, &payload); payload += 1
            case 2, 3, 4: break
            default: skipText(raw, &payload)
            }
        }
    }
}
