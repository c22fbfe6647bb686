import Foundation
import ReachCore

/// A stored type with a hand-written binary form for the snapshot cache.
///
/// `snapshotFields` names the stored properties the codec writes, in order: a test compares it with
/// `Mirror` so a field added to the model without the codec fails, and the list is part of the
/// snapshot's schema signature so a snapshot written by an older codec is ignored, not misread.
protocol SnapshotCodable: Sendable {
    static var snapshotFields: [String] { get }
    func encode(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(SnapshotDecodeError)
}

/// A record kind the snapshot caches.
protocol SnapshotRecord: Record, SnapshotCodable {}

/// A closed enum stored as its position in `snapshotCases` (one byte, no string compare); the raw values of
/// every case are in the schema signature, so adding or reordering cases invalidates old snapshots.
protocol SnapshotEnum: CaseIterable, Equatable, Sendable, RawRepresentable where RawValue == String {
    /// `allCases`, computed once (the synthesized `allCases` builds a new array on every call).
    static var snapshotCases: [Self] { get }
}

extension BinaryWriter {
    mutating func value<T: SnapshotCodable>(_ value: T) { value.encode(to: &self) }

    mutating func optionalValue<T: SnapshotCodable>(_ value: T?) { optional(value) { $1.encode(to: &$0) } }

    mutating func values<T: SnapshotCodable>(_ values: [T]) { array(values) { $1.encode(to: &$0) } }

    /// The case's position; a value not in the table (impossible for a `CaseIterable`) is written out of range,
    /// which decoding rejects.
    mutating func enumCase<E: SnapshotEnum>(_ value: E) {
        byte(UInt8(truncatingIfNeeded: E.snapshotCases.firstIndex(of: value) ?? 255))
    }

    mutating func optionalEnumCase<E: SnapshotEnum>(_ value: E?) { optional(value) { $0.enumCase($1) } }
}

extension BinaryReader {
    mutating func value<T: SnapshotCodable>(_ type: T.Type = T.self) throws(SnapshotDecodeError) -> T {
        try T(from: &self)
    }

    mutating func optionalValue<T: SnapshotCodable>(_ type: T.Type = T.self) throws(SnapshotDecodeError) -> T? {
        try present() ? try T(from: &self) : nil
    }

    mutating func values<T: SnapshotCodable>(_ type: T.Type = T.self) throws(SnapshotDecodeError) -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }

    mutating func enumCase<E: SnapshotEnum>(_ type: E.Type = E.self) throws(SnapshotDecodeError) -> E {
        let index = Int(try byte())
        let cases = E.snapshotCases
        guard index < cases.count else { throw failure("case number \(index) of \(E.self), which has \(cases.count)") }
        return cases[index]
    }

    mutating func optionalEnumCase<E: SnapshotEnum>(_ type: E.Type = E.self) throws(SnapshotDecodeError) -> E? {
        try present() ? try enumCase(E.self) : nil
    }
}
