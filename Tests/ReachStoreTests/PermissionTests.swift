import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct PermissionTests {
    @Test func privateByDefault() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        try store.saveWorkspace(["theme": "mono"])
        #expect(mode(folder.data) == 0o700)
        #expect(mode(folder.data + "/influencers") == 0o700)
        #expect(mode(folder.data + "/trash/influencers") == 0o700)
        #expect(mode(store.layout.recordFile(.influencer, saved.id)) == 0o600)
        #expect(mode(store.layout.lockFile) == 0o600)
        #expect(mode(store.layout.workspaceFile) == 0o600)
    }

    @Test func teamModeIsGroupWritable() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, options: StoreOptions(sharing: .team), clock: { epoch })
        let saved = try store.saveOK(person(1))
        #expect(mode(folder.data) == 0o2770)
        #expect(mode(folder.data + "/deals") == 0o2770)
        #expect(mode(store.layout.recordFile(.influencer, saved.id)) == 0o660)
        #expect(mode(store.layout.lockFile) == 0o660)
        _ = try store.delete(Person.self, id: saved.id, expectedRevision: 1)
        #expect(mode(store.layout.trashFile(.influencer, saved.id)) == 0o660)
    }
}
