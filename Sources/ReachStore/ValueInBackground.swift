import Foundation

/// A value made on another thread while the caller does other work, then waited for: the start-up reads the index's
/// deal rows beside its creator summaries and builds the deal indexes beside the creators by id; a long read reads
/// its next chunk of files while the last one is written (`RecordStore.forEachChunk`).
/// Unchecked-Sendable: `value` is written once by the worker before it leaves `group`, and read only after `wait`
/// has seen it leave.
public final class ValueInBackground<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let group = DispatchGroup()

    public init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in value = make() }
    }

    public func wait() -> Value {
        group.wait()
        guard let value else { preconditionFailure("the worker sets the value before it leaves the group") }
        return value
    }
}
