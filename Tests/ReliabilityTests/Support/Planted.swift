import Foundation
import ReachCore
import ReachStore
@testable import reach_torture

/// A data folder with one good record and one "victim" whose file a test replaces with hostile
/// content, to check the victim is reported clearly, the good one still loads, and nothing is overwritten.
struct Planted {
    let scratch: Scratch
    let store: RecordStore
    let good: TortureRecord
    let victim: TortureRecord

    init(options: StoreOptions = StoreOptions()) throws {
        scratch = try Scratch()
        store = try RecordStore(folder: scratch.data, options: options)
        guard let good = try store.save(TortureRecord(id: RecordID.generate(at: Date()), at: Date(), body: "good")).saved,
              let victim = try store.save(TortureRecord(id: RecordID.generate(at: Date()), at: Date(), body: "victim")).saved
        else { throw HarnessFailure("could not create the planted records") }
        self.good = good
        self.victim = victim
    }

    var path: String { store.layout.recordFile(.influencer, victim.id) }
    var relative: String { "influencers/\(victim.id).json" }

    /// The victim's file as text (as the store wrote it).
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var bytes: Data { FileManager.default.contents(atPath: path) ?? Data() }

    /// Replaces the victim's file with `content`.
    func plant(_ content: Data) throws {
        try content.write(to: URL(fileURLWithPath: path))
    }

    func plant(_ text: String) throws { try plant(Data(text.utf8)) }

    /// Replaces one literal in the victim's file (e.g. `"revision": 1` with `"revision": 1e400`).
    func replace(_ old: String, with new: String) throws {
        let current = text
        guard current.contains(old) else { throw HarnessFailure("\(old) not in \(current)") }
        try plant(current.replacingOccurrences(of: old, with: new))
    }

    /// Saves an edit of the victim as a session that loaded it before the file turned hostile.
    func saveEditOverIt() throws -> SaveResult<TortureRecord> {
        var edit = victim
        edit.body = "an edit"
        return try store.save(edit)
    }
}
