/// A fast 64-bit hash over bytes, eight at a time: the file and folder stamps the folder index stores.
///
/// Not cryptographic; it only has to tell two stamps apart. Stable across processes and machines (little-endian
/// words, fixed constants), unlike `Hasher`, because the hashes are stored and compared by every session.
enum StableHash {
    private static let multiplier1: UInt64 = 0x87C3_7B91_1142_53D5
    private static let multiplier2: UInt64 = 0x4CF5_AD43_2745_937F

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        let words = bytes.count / 8
        for index in 0..<words {
            state = mix(state, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
        }
        var tail: UInt64 = 0
        for index in stride(from: bytes.count - 1, through: words * 8, by: -1) {
            tail = tail << 8 | UInt64(bytes[index])
        }
        state = mix(state, tail)
        // Final avalanche (MurmurHash3's fmix64), so nearby inputs give unrelated hashes.
        state ^= state >> 33
        state &*= 0xFF51_AFD7_ED55_8CCD
        state ^= state >> 33
        state &*= 0xC4CE_B9FE_1A85_EC53
        state ^= state >> 33
        return state
    }

    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var value = word &* multiplier1
        value = (value << 31) | (value >> 33)
        value &*= multiplier2
        let next = state ^ value
        return ((next << 27) | (next >> 37)) &* 5 &+ 0x52DC_E729
    }
}
