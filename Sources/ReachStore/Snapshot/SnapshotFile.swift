import Foundation
import ReachCore

/// Why a snapshot file was not used. Never shown as an error: the folder is then simply read from its files.
enum SnapshotFileError: Error, CustomStringConvertible {
    case notASnapshot
    /// Written by a Reach whose records or file layout differ (see `SnapshotSchema.signature`).
    case otherVersion
    /// Belongs to another data folder (two paths with the same file-name hash).
    case otherFolder(String)
    case damaged(String)

    var description: String {
        switch self {
        case .notASnapshot: "it is not a Reach snapshot"
        case .otherVersion: "it was written by another version of Reach"
        case .otherFolder(let path): "it belongs to the data folder \(path)"
        case .damaged(let reason): "it is damaged (\(reason))"
        }
    }
}

/// The records a snapshot held, in the order they were written.
public struct SnapshotRecords: Sendable {
    public var influencers: [Influencer] = []
    public var campaigns: [Campaign] = []
    public var deals: [Deal] = []
    public var templates: [Template] = []

    public init(influencers: [Influencer] = [], campaigns: [Campaign] = [], deals: [Deal] = [], templates: [Template] = []) {
        self.influencers = influencers
        self.campaigns = campaigns
        self.deals = deals
        self.templates = templates
    }

    public var count: Int { influencers.count + campaigns.count + deals.count + templates.count }
}

/// The snapshot file layout, written front to back without holding the whole file in memory:
///
///     "REACHSNP"  signature (fixed64)  data folder real path (string)       preamble
///     chunk bytes …                                                          see SnapshotChunk
///     chunk count, then per chunk: kind, records, length, checksum           table
///     table offset (fixed64)  checksum of preamble + table (fixed64)         trailer, last 16 bytes
enum SnapshotFile {
    static let magic = Array("REACHSNP".utf8)

    /// One chunk's line in the table.
    struct Entry: Sendable {
        var kind: RecordKind
        var records: Int
        var length: Int
        var checksum: UInt64
    }

    static func preamble(folder: String) -> [UInt8] {
        var writer = BinaryWriter()
        writer.bytes += magic
        writer.fixed64(SnapshotSchema.signature)
        writer.string(folder)
        return writer.bytes
    }

    /// The table and trailer, given where the table starts.
    static func tableAndTrailer(_ entries: [Entry], tableOffset: Int, preamble: [UInt8]) -> [UInt8] {
        var writer = BinaryWriter()
        writer.count(entries.count)
        for entry in entries {
            writer.byte(UInt8(SnapshotSchema.recordKinds.firstIndex(of: entry.kind) ?? 255))
            writer.count(entry.records)
            writer.count(entry.length)
            writer.fixed64(entry.checksum)
        }
        let checksum = SnapshotHash.hash(writer.bytes, seed: SnapshotHash.hash(preamble))
        writer.fixed64(UInt64(tableOffset))
        writer.fixed64(checksum)
        return writer.bytes
    }

    /// Every record of a snapshot of `folder`, and the file entries to seed the store's change scan with.
    /// Chunks are checked and decoded in parallel, straight into the arrays returned (no copy per record).
    static func decode(
        _ buffer: UnsafeRawBufferPointer, folder: String
    ) throws(SnapshotFileError) -> (records: SnapshotRecords, files: [RecordKind: [String: KnownFile]]) {
        let chunks = try layout(buffer, folder: folder)
        let bytes = ReadOnlyBytes(buffer: buffer)
        var files: [RecordKind: [String: KnownFile]] = [:]
        func decodeKind<R: SnapshotRecord>(_ type: R.Type) throws(SnapshotFileError) -> [R] {
            let decoded = try SnapshotKindDecoder<R>(chunks: chunks.filter { $0.entry.kind == R.kind }, bytes: bytes).decode()
            files[R.kind] = decoded.files
            return decoded.records
        }
        let records = SnapshotRecords(influencers: try decodeKind(Influencer.self), campaigns: try decodeKind(Campaign.self),
                                      deals: try decodeKind(Deal.self), templates: try decodeKind(Template.self))
        return (records, files)
    }

    /// Checks magic, signature, folder, trailer, table and checksum; returns each chunk's entry and offset.
    private static func layout(_ buffer: UnsafeRawBufferPointer, folder: String) throws(SnapshotFileError) -> [(entry: Entry, offset: Int)] {
        guard buffer.count >= magic.count + 16, buffer.prefix(magic.count).elementsEqual(magic) else { throw .notASnapshot }
        do {
            var reader = BinaryReader(buffer, from: magic.count)
            guard try reader.fixed64() == SnapshotSchema.signature else { throw SnapshotFileError.otherVersion }
            let owner = try reader.string()
            guard owner == folder else { throw SnapshotFileError.otherFolder(owner) }
            let preambleEnd = reader.offset
            var trailer = BinaryReader(buffer, from: buffer.count - 16)
            let tableOffset = try trailer.fixed64()
            let checksum = try trailer.fixed64()
            let tableEnd = buffer.count - 16
            guard tableOffset >= UInt64(preambleEnd), tableOffset <= UInt64(tableEnd) else {
                throw SnapshotFileError.damaged("its table is out of place")
            }
            var table = BinaryReader(buffer, from: Int(tableOffset), to: tableEnd)
            let expected = SnapshotHash.hash(table.bytes(from: Int(tableOffset), to: tableEnd),
                                             seed: SnapshotHash.hash(reader.bytes(from: 0, to: preambleEnd)))
            guard expected == checksum else { throw SnapshotFileError.damaged("its table's checksum does not match") }
            var chunks: [(entry: Entry, offset: Int)] = []
            var offset = preambleEnd
            for _ in 0..<(try table.count()) {
                let kindIndex = Int(try table.byte())
                guard kindIndex < SnapshotSchema.recordKinds.count else { throw table.failure("an unknown record kind") }
                let entry = Entry(kind: SnapshotSchema.recordKinds[kindIndex], records: Int(try table.varint()),
                                  length: Int(try table.varint()), checksum: try table.fixed64())
                guard entry.length <= Int(tableOffset) - offset, entry.records <= entry.length else {
                    throw table.failure("a chunk larger than the file")
                }
                chunks.append((entry, offset))
                offset += entry.length
            }
            guard offset == Int(tableOffset), table.isAtEnd else { throw table.failure("chunks that do not fill the file") }
            return chunks
        } catch let error as SnapshotFileError {
            throw error
        } catch let error as SnapshotDecodeError {
            throw .damaged(error.description)
        } catch {
            throw .damaged("\(error)")
        }
    }
}

/// The file's bytes, handed to the decoding threads: Sendable because nobody writes them while they read.
private struct ReadOnlyBytes: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
}

/// Decodes the chunks of one kind in parallel, each into its own stretch of the result array.
private struct SnapshotKindDecoder<R: SnapshotRecord> {
    var chunks: [(entry: SnapshotFile.Entry, offset: Int)]
    var bytes: ReadOnlyBytes

    func decode() throws(SnapshotFileError) -> (records: [R], files: [String: KnownFile]) {
        // Where each chunk's records go in the result.
        let starts = chunks.reduce(into: [0]) { starts, chunk in starts.append(starts[starts.count - 1] + chunk.entry.records) }
        let total = starts[starts.count - 1]
        let outcomes = ParallelSlots<Result<[(String, KnownFile)], SnapshotDecodeError>>(count: chunks.count)
        let records = [R](unsafeUninitializedCapacity: total) { storage, initialized in
            let target = Storage(buffer: storage)
            DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                outcomes.set(index, decodeChunk(index, into: target, at: starts[index]))
            }
            let failed = outcomes.elements.contains { outcome in
                guard case .success = outcome else { return true }
                return false
            }
            guard failed else {
                initialized = total
                return
            }
            // Leave nothing half-built: undo the chunks that did decode.
            for (index, outcome) in outcomes.elements.enumerated() {
                guard case .success = outcome else { continue }
                _ = storage[starts[index]..<(starts[index] + chunks[index].entry.records)].deinitialize()
            }
            initialized = 0
        }
        var files: [String: KnownFile] = Dictionary(minimumCapacity: total)
        for outcome in outcomes.elements {
            switch outcome {
            case .success(let entries)?:
                for (name, file) in entries where files.updateValue(file, forKey: name) != nil {
                    throw .damaged("\(R.kind.folderName)/\(name) is in it twice")
                }
            case .failure(let error)?: throw .damaged(error.description)
            case nil: throw .damaged("a chunk was not decoded")
            }
        }
        return (records, files)
    }

    /// Initialises `records` elements of `storage` from `start`, or none (what it did initialise is undone on failure).
    private func decodeChunk(_ index: Int, into storage: Storage, at start: Int) -> Result<[(String, KnownFile)], SnapshotDecodeError> {
        let (entry, offset) = chunks[index]
        var reader = BinaryReader(bytes.buffer, from: offset, to: offset + entry.length)
        var files: [(String, KnownFile)] = []
        files.reserveCapacity(entry.records)
        var done = 0
        do throws(SnapshotDecodeError) {
            guard SnapshotHash.hash(reader.bytes(from: offset, to: offset + entry.length)) == entry.checksum else {
                throw reader.failure("a chunk whose checksum does not match")
            }
            while done < entry.records {
                let record = try SnapshotChunk.decodeRecord(R.self, from: &reader, files: &files)
                storage.buffer.initializeElement(at: start + done, to: record)
                done += 1
            }
            guard reader.isAtEnd else { throw reader.failure("\(reader.remaining) bytes after the chunk's last record") }
            return .success(files)
        } catch {
            _ = storage.buffer[start..<(start + done)].deinitialize()
            return .failure(error)
        }
    }

    /// The result array's memory, written by one chunk per stretch: Sendable because the stretches never overlap.
    struct Storage: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<R>
    }
}
