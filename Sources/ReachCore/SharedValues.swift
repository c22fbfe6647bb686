import Foundation

/// Values that many deal rows or creators repeat (an owner's name, a stage, a currency, a country), each kept once for
/// the whole process: a row holds a 4-byte number for each instead of a 16-byte value.
///
/// Numbers are handed out under a lock and never taken back, and a number's value is in place before the number is
/// handed out. So reading needs no lock: whoever holds a number got it, through the row that holds it, after its
/// value was written, and the slots are never moved (fixed chunks, found through a directory allocated once and
/// zeroed lazily by the system). The values stay for the life of the process; a folder has a few dozen owners,
/// stages and currencies.
final class SharedValues<Value: Hashable & Sendable>: @unchecked Sendable {
    private static var chunkSize: Int { 4_096 }
    private static var chunkCount: Int { 65_536 }

    private let lock = NSLock()
    private var numbers: [Value: UInt32] = [:]
    /// Number 0 stands for no value.
    private var next: UInt32 = 1
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<Value>?>

    init() {
        // calloc: only the directory's pages that are written (one per 512 chunks) ever take memory.
        guard let directory = calloc(Self.chunkCount, MemoryLayout<UnsafeMutablePointer<Value>?>.stride) else {
            fatalError("out of memory for the shared values' directory")
        }
        chunks = directory.bindMemory(to: UnsafeMutablePointer<Value>?.self, capacity: Self.chunkCount)
    }

    /// The number of `value` (0 for none), handed out the first time it is asked for.
    func number(_ value: Value?) -> UInt32 {
        guard let value else { return 0 }
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[value] { return number }
        let number = next
        let chunk = Int(number) / Self.chunkSize
        precondition(chunk < Self.chunkCount, "more than \(Self.chunkCount * Self.chunkSize) shared values")
        if chunks[chunk] == nil { chunks[chunk] = .allocate(capacity: Self.chunkSize) }
        (chunks[chunk].unsafelyUnwrapped + Int(number) % Self.chunkSize).initialize(to: value)
        numbers[value] = number
        next += 1
        return number
    }

    /// The value of a number `number(_:)` handed out (nil for 0).
    func value(_ number: UInt32) -> Value? {
        guard number != 0 else { return nil }
        return chunks[Int(number) / Self.chunkSize].unsafelyUnwrapped[Int(number) % Self.chunkSize]
    }
}

/// The values deal rows share.
enum DealRowValues {
    static let owners = SharedValues<String>()
    static let stages = SharedValues<StageKey>()
    static let currencies = SharedValues<CurrencyCode>()
}

/// The values creators' roster facts share.
enum RosterFactValues {
    static let countries = SharedValues<String>()
    static let languages = SharedValues<String>()
}
