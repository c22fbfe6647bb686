import Foundation
import ReachCore
import TerminalUI
import Testing
@testable import ReachApp

/// Another session's many changes applied to a copy of the workspace off the loop (`PreparedChanges`), then swapped
/// in: the same outcome as applying them on the loop, and never at the cost of what this session did meanwhile.
@Suite struct PreparedChangesTests {
    /// Another session renamed the first creator, added one, and deleted the first deal.
    static func theirChanges() -> ExternalChanges {
        var renamed = FuzzWorld.influencers()[0]
        renamed.displayName = "Renamed by another session"
        renamed.revision += 1
        var added = FuzzWorld.influencers()[1]
        added.id = FuzzWorld.id(900)
        added.displayName = "Added by another session"
        let removed = FuzzWorld.deals()[0]
        return ExternalChanges(upserted: [.influencer(renamed), .influencer(added)], removed: [(.deal, removed.id)])
    }

    static func records(_ workspace: Workspace) -> [RecordKey: AnyRecord] {
        var out: [RecordKey: AnyRecord] = [:]
        for r in workspace.allInfluencers { out[RecordKey(.influencer, r.id)] = .influencer(r) }
        for r in workspace.campaigns.values { out[RecordKey(.campaign, r.id)] = .campaign(r) }
        for r in workspace.allDeals { out[RecordKey(.deal, r.id)] = .deal(r) }
        return out
    }

    static func screen(_ state: AppState) -> [String] {
        var buffer = Buffer(size: state.size)
        AppView.render(state, into: &buffer, theme: .monochrome)
        return buffer.lines()
    }

    @Test func aPreparedChangeEndsAsOneAppliedOnTheLoop() {
        var onTheLoop = FuzzWorld.state(width: 120, height: 40)
        var swapped = onTheLoop
        let changes = Self.theirChanges()
        _ = App.update(&onTheLoop, .externalChanges(changes))
        let prepared = PreparedChanges(changes, onto: swapped)
        #expect(prepared.generation == swapped.workspaceGeneration, "nothing changed it: the copy is swapped in")
        _ = App.update(&swapped, .preparedChanges(prepared))
        #expect(Self.records(swapped.workspace) == Self.records(onTheLoop.workspace))
        #expect(swapped.workspace.influencerName(FuzzWorld.id(900)) == "Added by another session")
        #expect(swapped.workspace.searchIndex.search("renamed by another", limit: 3).first?.id == FuzzWorld.influencers()[0].id)
        #expect(swapped.status?.text == "3 changes made outside this session")
        for tab in ["1", "2", "3"] {
            _ = App.update(&onTheLoop, .input(.key(.char(Character(tab)))))
            _ = App.update(&swapped, .input(.key(.char(Character(tab)))))
            #expect(Self.screen(swapped) == Self.screen(onTheLoop), "tab \(tab)")
        }
    }

    /// While the copy was prepared this session saved another creator and started an edit of the renamed one: the
    /// copy is not swapped in (it would undo both); the changes are applied to the workspace as it is now, over
    /// neither.
    @Test func whatThisSessionDidMeanwhileIsKept() throws {
        var state = FuzzWorld.state(width: 120, height: 40)
        let changes = Self.theirChanges()
        let prepared = PreparedChanges(changes, onto: state)

        var saved = FuzzWorld.influencers()[2]
        saved.notes = "saved here meanwhile"
        saved.revision += 1
        _ = App.update(&state, .saved(.influencer(saved)))
        var editing = FuzzWorld.influencers()[0]
        editing.displayName = "Being edited here"
        state.workspace.put(.influencer(editing))
        state.pendingSaves[editing.id] = PendingSave(record: .influencer(editing), expectedRevision: editing.revision)

        _ = App.update(&state, .preparedChanges(prepared))
        #expect(state.workspace.influencer(saved.id)?.notes == "saved here meanwhile")
        #expect(state.workspace.influencerName(editing.id) == "Being edited here")
        #expect(state.workspace.influencerName(FuzzWorld.id(900)) == "Added by another session")
        #expect(state.workspace.deal(FuzzWorld.deals()[0].id) == nil)
    }
}
