import ReachCore

/// Creators by their `DuplicateDetector` keys (a handle on a platform, an email), so the new-creator form's
/// duplicate check reads no other creator. Each key is kept as a 64-bit hash beside the creator's id, in one sorted
/// array: by key strings, with each creator's keys kept as well for removals, this took 32 MB at 100k creators
/// (200,000 keys: a dictionary of arrays, and a dictionary of each creator's keys), the array takes 6 MB.
///
/// It answers with candidates, which `Workspace.likelyDuplicates` checks against the creators themselves
/// (`DuplicateDetector.matches` on the records read), so nothing it holds can show a wrong match: neither a hash
/// shared by two keys nor a key a creator no longer has. Such keys are not taken out when a creator's handle or email
/// changes, or the creator is deleted (that would need every creator's keys kept): they cost a file read when they
/// come up, and are gone at the next start.
struct DuplicateKeyIndex: Sendable {
    private struct Entry: Comparable, Sendable {
        let hash: UInt64
        let id: RecordID

        static func < (a: Entry, b: Entry) -> Bool { a.hash != b.hash ? a.hash < b.hash : a.id < b.id }
    }

    /// Sorted, each entry once.
    private var sorted: [Entry] = []
    /// Added since the last merge into `sorted`, in no order: merged once they are an eighth as many.
    private var recent: [Entry] = []
    /// While a start adds every creator's keys, they wait in `recent` until `endFilling()` sorts them once, after the
    /// first frame: merged an eighth at a time, 200,000 keys were copied nine times over (60 ms of a start at 100k).
    private var isFilling: Bool

    init(filling: Bool = false) {
        isFilling = filling
    }

    /// Notes that creator `id` has `keys` (again: an entry already there is dropped at the next merge).
    mutating func add(_ id: RecordID, keys: [String]) {
        for key in keys { recent.append(Entry(hash: Self.hash(key), id: id)) }
        if !isFilling, recent.count > max(1_024, sorted.count / 8) { merge() }
    }

    /// Sorts what a start added; from now on keys are merged as they come.
    mutating func endFilling() {
        guard isFilling else { return }
        isFilling = false
        merge()
    }

    /// The creators that may have one of `keys`.
    func candidates(for keys: [String]) -> Set<RecordID> {
        var ids: Set<RecordID> = []
        for hash in keys.map(Self.hash) {
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].hash < hash { low = middle + 1 } else { high = middle }
            }
            while low < sorted.count, sorted[low].hash == hash {
                ids.insert(sorted[low].id)
                low += 1
            }
            for entry in recent where entry.hash == hash { ids.insert(entry.id) }
        }
        return ids
    }

    private mutating func merge() {
        recent.sort()
        var merged: [Entry] = []
        merged.reserveCapacity(sorted.count + recent.count)
        var i = 0, j = 0
        while i < sorted.count || j < recent.count {
            let next: Entry
            if j == recent.count || (i < sorted.count && sorted[i] < recent[j]) {
                next = sorted[i]
                i += 1
            } else {
                next = recent[j]
                j += 1
            }
            if merged.last != next { merged.append(next) }
        }
        sorted = merged
        recent = []
    }

    private static func hash(_ key: String) -> UInt64 { UInt64(bitPattern: Int64(key.hashValue)) }
}
