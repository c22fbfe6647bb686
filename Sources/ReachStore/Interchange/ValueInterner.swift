import ReachCore

/// Keeps one copy of the values that repeat from row to row (cities, language, niche and tag lists), so the
/// 100,000 creators an import holds share their storage instead of each owning a heap block per value.
///
/// Only values that need a heap block (text over 15 UTF-8 bytes, non-empty lists) are kept, and at most
/// 4,096 of each kind, so a column of unique values costs a bounded table and nothing more.
struct ValueInterner {
    private var strings = Table<String>()
    private var lists = Table<[String]>()
    private var niches = Table<[Niche]>()

    mutating func string(_ value: String) -> String { value.utf8.count > 15 ? strings.shared(value) : value }
    mutating func list(_ value: [String]) -> [String] { value.isEmpty ? value : lists.shared(value) }
    mutating func list(_ value: [Niche]) -> [Niche] { value.isEmpty ? value : niches.shared(value) }

    /// The first copy seen of each value.
    private struct Table<Value: Hashable> {
        private var values: Set<Value> = []

        mutating func shared(_ value: Value) -> Value {
            if let index = values.firstIndex(of: value) { return values[index] }
            if values.count < 4_096 { values.insert(value) }
            return value
        }
    }
}
