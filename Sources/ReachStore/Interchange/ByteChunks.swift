import Foundation

/// Bytes of a file read in 64 KiB chunks, so a 100,000-row import never holds the whole file.
struct ByteChunks {
    static let chunkSize = 1 << 16

    private let handle: FileHandle?
    private let name: String
    /// The current chunk; `index` is the next byte to hand out.
    private(set) var buffer: [UInt8]
    private(set) var index = 0
    private var exhausted: Bool
    /// Bytes in the chunks before this one.
    private var before = 0
    /// The file's size when it was opened (nil for bytes in memory).
    let size: Int?

    /// How many bytes have been handed out.
    var offset: Int { before + index }

    /// Reads from the file at `path`; the first chunk is read at once so callers can sniff it.
    init(path: String) throws(InterchangeError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotRead(file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        self.handle = handle
        name = path
        buffer = []
        exhausted = false
        var info = stat()
        size = fstat(handle.fileDescriptor, &info) == 0 ? Int(info.st_size) : nil
        try refill()
    }

    /// Serves `bytes` from memory (tests, and text already in hand).
    init(bytes: [UInt8], name: String) {
        handle = nil
        self.name = name
        buffer = bytes
        exhausted = true
        size = bytes.count
    }

    /// The next byte without consuming it; nil at the end of the file.
    mutating func peek() throws(InterchangeError) -> UInt8? {
        if index < buffer.count { return buffer[index] }
        try refill()
        return index < buffer.count ? buffer[index] : nil
    }

    /// Consumes and returns the next byte; nil at the end of the file.
    mutating func next() throws(InterchangeError) -> UInt8? {
        guard let byte = try peek() else { return nil }
        index += 1
        return byte
    }

    /// Skips `count` bytes already seen with `peek` or in `buffer`.
    mutating func skip(_ count: Int) { index += count }

    private mutating func refill() throws(InterchangeError) {
        guard !exhausted, let handle else {
            exhausted = true
            return
        }
        do {
            let data = try handle.read(upToCount: Self.chunkSize) ?? Data()
            before += buffer.count
            buffer = Array(data)
            index = 0
            if data.isEmpty {
                exhausted = true
                try? handle.close()
            }
        } catch {
            throw .cannotRead(file: name, reason: error.localizedDescription)
        }
    }
}
