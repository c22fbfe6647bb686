/// Clash ids: FNV-1a (64 bits, hex) over what clashed. Values are hashed as an unordered pair, because the
/// replica on the other end of a sync meets the same clash with ours and theirs swapped; with one id, the two
/// conflict files merge into one clash instead of two.
enum ClashID {
    static func of(_ subject: Clash.Subject) -> String {
        switch subject {
        case .field(let clash):
            let values = [clash.ours, clash.theirs].map { $0.map(JSONWriter.bytes(of:)) ?? [] }
                .sorted { $0.lexicographicallyPrecedes($1) }
            return hash([Array("field".utf8), JSONWriter.bytes(of: MergePath.json(clash.path))] + values)
        case .recordDeleted:
            // One per record: a record is deleted or it is not.
            return hash([Array("recordDeleted".utf8)])
        case .unreadable(_, let bytes):
            return hash([Array("unreadable".utf8), bytes])
        }
    }

    /// Each part is preceded by its length, so no two different lists of parts hash the same bytes.
    private static func hash(_ parts: [[UInt8]]) -> String {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        func feed(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        for part in parts {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { $0.forEach(feed) }
            part.forEach(feed)
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
