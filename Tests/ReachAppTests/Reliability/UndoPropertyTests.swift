import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// "Every destructive action is undoable": any mix of edits (stage moves, closing deals, activities, follow-ups,
/// creating, renaming, deleting creators, notes), then as many `u` as there are undo entries, gives back the
/// records we started with, in memory and in the folder.
@Suite("Undo")
struct UndoPropertyTests {
    /// update + effects against a `FakeDisk`, like the runner.
    final class Loop {
        var state: AppState
        let disk: FakeDisk
        let performer: EffectPerformer
        let folder = NSTemporaryDirectory() + "reach-undo-" + UUID().uuidString

        init(editor: ScriptedEditor) throws {
            state = FuzzWorld.state(width: 120, height: 40)
            disk = FakeDisk(state.workspace)
            performer = EffectPerformer(store: try RecordStore(folder: folder), terminal: TestTerminal(), editor: editor)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        func send(_ events: [InputEvent]) {
            for event in events {
                var queue = [Action.input(event)]
                while !queue.isEmpty {
                    for effect in App.update(&state, queue.removeFirst()) { queue += disk.perform(effect) ?? performer.perform(effect) }
                }
            }
        }
    }

    /// What undo must give back: the content, not the bookkeeping a save changes.
    static func content(_ records: [AnyRecord]) -> [RecordID: AnyRecord] {
        var out: [RecordID: AnyRecord] = [:]
        for record in records {
            var normalised = record.withRevision(0)
            switch normalised {
            case .influencer(var r): r.updatedAt = r.createdAt; normalised = .influencer(r)
            case .campaign(var r): r.updatedAt = r.createdAt; normalised = .campaign(r)
            case .deal(var r): r.updatedAt = r.createdAt; normalised = .deal(r)
            case .template(var r): r.updatedAt = r.createdAt; normalised = .template(r)
            }
            out[record.id] = normalised
        }
        return out
    }

    @Test("any sequence of edits is taken back by as many undos", arguments: Array(UInt64(1)...12))
    func undoEverything(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let loop = try Loop(editor: ScriptedEditor { $0 + "\nmore \u{1b}[2J notes" })
        let before = Self.content(loop.state.workspace.allRecords)
        var log: [String] = []
        for _ in 0..<25 {
            let down = String(repeating: "j", count: Int.random(in: 0..<8, using: &rng))
            let script: String = switch Int.random(in: 0..<8, using: &rng) {
            case 0: "1gg\(down)>"
            case 1: "1gg\(down)aCalled \u{263A}<Enter>"
            case 2: "1gg\(down)f<C-u>+\(Int.random(in: 0...30, using: &rng))d<Enter>"
            case 3: "1gg\(down)XNo budget<Enter>"
            case 4: "2gg\(down)e<C-u>Renamed \(Int.random(in: 0...99, using: &rng))<Enter>"
            case 5: "2nNew person \(Int.random(in: 0...99, using: &rng))<Enter>a"
            case 6: "2gg\(down)d<Enter>"
            default: "2gg\(down)E"
            }
            log.append(script)
            loop.send(keys(script) + [.key(KeyEvent(.escape)), .key(KeyEvent(.escape))])
            #expect(loop.state.pendingSaves.isEmpty)
        }
        let edits = loop.state.undoStack.count
        #expect(edits >= 10, "only \(edits) edits happened: \(log)")
        loop.send(Array(repeating: .key(.char("u")), count: edits))
        #expect(loop.state.undoStack.isEmpty)
        let after = Self.content(loop.state.workspace.allRecords)
        let onDisk = Self.content(Array(loop.disk.live.values))
        #expect(Set(after.keys) == Set(before.keys), "records differ after undo: \(log)")
        for (id, record) in before where after[id] != record {
            Issue.record("\(id) is not back to what it was (\(record.kind)) after \(log)")
        }
        #expect(after == onDisk, "memory and folder differ after undo")
    }
}
