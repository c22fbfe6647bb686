import OrderedCollections

/// An `OrderedDictionary` used as a compact table whose order does not matter: ids to rows, places or stamps. Its
/// hash table holds small indexes into plain arrays of keys and values, so 200,000 entries take ~5 MB where a
/// `Dictionary`, half empty past its load factor, took 12.6 MB. Removal keeps it compact by moving the last entry
/// into the gap (O(1)); `removeValue(forKey:)` would shift every entry after it.
extension OrderedDictionary {
    /// Removes `key`'s entry, moving the last one into its place; returns the removed value.
    @discardableResult
    public mutating func removeUnordered(_ key: Key) -> Value? {
        guard let index = index(forKey: key) else { return nil }
        if index != count - 1 { swapAt(index, count - 1) }
        return removeLast().value
    }

    /// Sets `key`'s value, removing the entry (moving the last one into its place) when `value` is nil.
    public mutating func setUnordered(_ value: Value?, forKey key: Key) {
        if let value { self[key] = value } else { removeUnordered(key) }
    }
}
