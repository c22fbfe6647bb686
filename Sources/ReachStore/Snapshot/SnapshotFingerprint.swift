import ReachCore

/// The hash of a record's snapshot encoding: proof that an in-memory record is the one read from (or saved to)
/// a file, so the snapshot can pair it with that file's stamp.
enum SnapshotFingerprint {
    /// Nil for record types without a snapshot codec (test types), which are then never cached.
    static func of<R: Record>(_ record: R, scratch: inout BinaryWriter) -> UInt64? {
        guard let coded = record as? any SnapshotRecord else { return nil }
        scratch.bytes.removeAll(keepingCapacity: true)
        coded.encode(to: &scratch)
        return SnapshotHash.hash(scratch.bytes)
    }
}
