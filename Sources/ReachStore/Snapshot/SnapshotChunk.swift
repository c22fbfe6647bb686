import Foundation
import ReachCore

/// Up to `SnapshotChunk.size` records of one kind, encoded as (stamp, record) pairs; the unit of parallel
/// encoding and decoding, and of checksumming.
struct SnapshotChunk: Sendable {
    static let size = 1024

    var kind: RecordKind
    var bytes: [UInt8]
    var records: Int
    /// Records left out because their in-memory value is not the one the store read or saved with the file's stamp.
    var omitted: Int

    var checksum: UInt64 { SnapshotHash.hash(bytes) }

    /// Encodes each record whose fingerprint matches the one `files` holds for its file; the others are left out
    /// (the first scan after the next start reads their files).
    static func encode<C: Collection>(
        _ records: C, files: [String: KnownFile], leavingOut excluded: Set<RecordID> = []
    ) -> SnapshotChunk where C.Element: SnapshotRecord {
        var writer = BinaryWriter(capacity: records.count * 512)
        var written = 0
        var omitted = 0
        for record in records {
            guard excluded.isEmpty || !excluded.contains(record.id), let file = files[DataFolderLayout.fileName(record.id)],
                  let fingerprint = file.fingerprint else {
                omitted += 1
                continue
            }
            let mark = writer.bytes.count
            writer.int64(file.stamp)
            let start = writer.bytes.count
            record.encode(to: &writer)
            let encoded = writer.bytes.withUnsafeBytes { SnapshotHash.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) }
            guard encoded == fingerprint else {
                writer.bytes.removeSubrange(mark...)
                omitted += 1
                continue
            }
            written += 1
        }
        return SnapshotChunk(kind: C.Element.kind, bytes: writer.bytes, records: written, omitted: omitted)
    }

    /// One (stamp, record) pair, appending the record's file entry (name, stamp, fingerprint) to `files`.
    static func decodeRecord<R: SnapshotRecord>(
        _ type: R.Type, from reader: inout BinaryReader, files: inout [(String, KnownFile)]
    ) throws(SnapshotDecodeError) -> R {
        let stamp = try reader.int64()
        let start = reader.offset
        let record = try R(from: &reader)
        guard isFileNameSafe(record.id) else { throw reader.failure("a record id that is not a Reach id") }
        files.append((DataFolderLayout.fileName(record.id), KnownFile(hashedStamp: stamp, fingerprint: SnapshotHash.hash(reader.bytes(from: start)))))
        return record
    }
}

extension SnapshotChunk {
    /// 26 ASCII letters and digits: the id can name a file. `RecordID.isWellFormed` is exact but compares
    /// `Character`s, a tenth of the whole decoding time; this cache only ever holds ids the store read from file names.
    static func isFileNameSafe(_ id: RecordID) -> Bool {
        let utf8 = id.rawValue.utf8
        return utf8.count == 26 && utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }
    }
}

