import ReachCore
import Testing
@testable import ReachStore

@Suite struct ValueInternerTests {
    /// Interning never changes a value, including past the table's capacity.
    @Test func valuesComeBackEqual() {
        var interner = ValueInterner()
        for n in 0..<5_000 {
            let city = "Город номер \(n % 4_500)"
            #expect(interner.string(city) == city)
            #expect(interner.list(["en", "lv", "\(n)"]) == ["en", "lv", "\(n)"])
            #expect(interner.list([Niche(rawValue: "Food & Drink \(n % 7)")]) == [Niche(rawValue: "food & drink \(n % 7)")])
        }
        #expect(interner.string("Rīga") == "Rīga")
        #expect(interner.list([String]()).isEmpty)
    }
}
