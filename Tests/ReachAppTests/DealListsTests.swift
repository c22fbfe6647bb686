import Testing
@testable import ReachApp
@testable import ReachCore

/// `DealLists` threads lists through places that the rows reuse (a removal moves the last row into the gap): after
/// any mix of new places, joins, leaves and removals, each key's list is what a plain array per key holds, in the
/// order the places joined.
@Suite("Deal lists")
struct DealListsTests {
    @Test(arguments: [7, 8, 9] as [UInt64])
    func listsMatchAnArrayPerKeyThroughRandomChanges(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let keys: [String?] = ["Marta", "Nino", nil, "Aiko", "Ola"]
        var lists = DealLists<String?>()
        // The model: each place's key (none: in no list; the outer nil), and each key's places in joining order.
        var keyOfPlace: [String??] = []
        var model: [String?: [Int]] = [:]
        func check(_ step: Int) {
            for key in keys {
                #expect(lists.places(of: key) == (model[key] ?? []), "step \(step), key \(String(describing: key))")
                #expect(lists.count(of: key) == (model[key]?.count ?? 0), "step \(step)")
            }
            #expect(Set(lists.keys) == Set(model.keys), "step \(step)")
        }
        for step in 1...2_000 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0...2:
                lists.addPlace()
                keyOfPlace.append(.none)
                if Bool.random(using: &random) {
                    let key = keys.randomElement(using: &random)!
                    lists.join(keyOfPlace.count - 1, key)
                    keyOfPlace[keyOfPlace.count - 1] = .some(key)
                    model[key, default: []].append(keyOfPlace.count - 1)
                }
            case 3...5 where !keyOfPlace.isEmpty:
                // Moves a place to another list (or into one, or out of every list).
                let place = Int.random(in: 0..<keyOfPlace.count, using: &random)
                if case .some(let old) = keyOfPlace[place] {
                    lists.leave(place, old)
                    model[old]?.removeAll { $0 == place }
                    if model[old]?.isEmpty == true { model[old] = nil }
                }
                keyOfPlace[place] = .none
                if Bool.random(using: &random) {
                    let key = keys.randomElement(using: &random)!
                    lists.join(place, key)
                    keyOfPlace[place] = .some(key)
                    model[key, default: []].append(place)
                }
            case 6...9 where !keyOfPlace.isEmpty:
                // Removes a place as the rows do: out of its list, then the last place moved into the gap.
                let gap = Int.random(in: 0..<keyOfPlace.count, using: &random), last = keyOfPlace.count - 1
                if case .some(let old) = keyOfPlace[gap] {
                    lists.leave(gap, old)
                    model[old]?.removeAll { $0 == gap }
                    if model[old]?.isEmpty == true { model[old] = nil }
                }
                let movedKey = keyOfPlace[last]
                lists.removeLastPlace(movingInto: gap, key: movedKey)
                if case .some(let key) = movedKey, gap != last {
                    model[key] = model[key]?.map { $0 == last ? gap : $0 }
                }
                keyOfPlace[gap] = movedKey
                keyOfPlace.removeLast()
            default: break
            }
            check(step)
        }
    }
}
