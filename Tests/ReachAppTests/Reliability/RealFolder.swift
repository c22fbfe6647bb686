import Foundation
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// The fuzzer on a real data folder: every effect through the real `EffectPerformer` and `RecordStore`, a second
/// `RecordStore` on the same folder as the other sessions, and a write hook that fills the disk. Slower than
/// `FakeDisk` (every save is fsynced), so its runs are shorter.
final class RealFolder: FuzzBackend {
    let folder: String
    let store: RecordStore
    private let other: RecordStore
    private let performer: EffectPerformer
    private let full = FailSwitch()
    private var unreported: Set<RecordKey> = []
    private var created = 0

    var isFull: Bool {
        get { full.isOn }
        set { full.isOn = newValue }
    }

    init(_ workspace: Workspace, terminal: any Terminal, editor: any TextEditing) throws {
        folder = NSTemporaryDirectory() + "reach-fuzz-folder-" + UUID().uuidString
        let full = full
        store = try RecordStore(folder: folder, options: StoreOptions(writeHook: { step, target in
            if full.isOn, step == .writeTemp { throw StoreError.io(operation: "write", path: target, errno: ENOSPC) }
        }))
        for record in workspace.allRecords { try StoreHarness.save(record, in: store) }
        other = try RecordStore(folder: folder)
        performer = EffectPerformer(store: store, terminal: terminal, editor: editor)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The folder as the app loads it at start.
    var workspace: Workspace { WorkspaceLoader.load(from: store).workspace }

    /// Records the app wrote lately: other sessions favour them (see `FakeDisk`).
    private var recent: [RecordKey] = []

    func perform(_ effect: Effect) -> [Action]? {
        if case .save(let record, _) = effect { touched(RecordKey(record)) }
        if case .delete(let record) = effect { touched(RecordKey(record)) }
        return performer.perform(effect)
    }

    private func touched(_ key: RecordKey) {
        recent.append(key)
        if recent.count > 8 { recent.removeFirst() }
    }

    func otherSession(_ rng: inout SeededRandom, now: Date) {
        let records = StoreHarness.records(in: other)
        let all = records.keys.sorted { $0.id < $1.id }, lately = recent.filter { records[$0] != nil }
        let keys = !lately.isEmpty && rng.chance(0.5) ? lately : all
        switch Int.random(in: 0..<10, using: &rng) {
        case 0 where !keys.isEmpty:
            let key = rng.pick(keys)
            guard let record = records[key] else { return }
            if (try? delete(record)) == true { unreported.insert(key) }
        case 1:
            created += 1
            let id = RecordID(rawValue: String(format: "01J9600000000000000000%04d", created % 10_000))
            if (try? StoreHarness.save(.influencer(OtherSession.created(id, &rng, now: now)), in: other)) == true {
                unreported.insert(RecordKey(.influencer, id))
            }
        default:
            guard !keys.isEmpty else { return }
            let key = rng.pick(keys)
            guard let record = records[key] else { return }
            let edited = OtherSession.edited(record, &rng, now: now)
            if (try? StoreHarness.save(edited, in: other, expected: record.revision)) == true { unreported.insert(key) }
        }
    }

    private func delete(_ record: AnyRecord) throws -> Bool {
        func deleted<R>(_ result: DeleteResult<R>) -> Bool { if case .deleted = result { true } else { false } }
        switch record {
        case .influencer(let r): return deleted(try other.delete(Influencer.self, id: r.id, expectedRevision: r.revision))
        case .campaign(let r): return deleted(try other.delete(Campaign.self, id: r.id, expectedRevision: r.revision))
        case .deal(let r): return deleted(try other.delete(Deal.self, id: r.id, expectedRevision: r.revision))
        case .template(let r): return deleted(try other.delete(Template.self, id: r.id, expectedRevision: r.revision))
        }
    }

    /// What the runner's poll reports: `scanChanges` of every kind on the app's store.
    func poll() -> ExternalChanges {
        var changes = ExternalChanges()
        func collect<R: Record>(_ type: R.Type, _ wrap: (R) -> AnyRecord) {
            let set = store.scanChanges(type)
            changes.upserted += (set.added + set.changed).map(wrap)
            changes.removed += set.removed.map { (R.kind, $0) }
            changes.problems += set.problems
        }
        collect(Influencer.self, AnyRecord.influencer)
        collect(Campaign.self, AnyRecord.campaign)
        collect(Deal.self, AnyRecord.deal)
        collect(Template.self, AnyRecord.template)
        unreported = []
        return changes
    }

    func divergences(from state: AppState) -> [String] {
        OtherSession.divergences(state, folder: StoreHarness.records(in: other), unreported: unreported)
    }
}
