import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct ImportRandomTests {
    /// Many ids across several buffer refills: all well formed, none repeated.
    @Test func idsAreWellFormedAndDistinct() {
        var random = ImportRandom()
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let ids = (0..<20_000).map { _ in RecordID.generate(at: now, using: &random) }
        #expect(ids.allSatisfy { $0.isWellFormed })
        #expect(Set(ids).count == ids.count)
        let uuids = (0..<20_000).map { _ in random.uuid() }
        #expect(Set(uuids).count == uuids.count)
    }

    /// Version 4, RFC 4122 variant: what `UUID()` makes, so nothing downstream can tell them apart.
    @Test func uuidsAreVersion4() {
        var random = ImportRandom()
        for _ in 0..<1_000 {
            let text = random.uuid().uuidString
            let characters = Array(text)
            #expect(characters[14] == "4")
            #expect(["8", "9", "A", "B"].contains(characters[19]))
            #expect(UUID(uuidString: text) != nil)
        }
    }
}
