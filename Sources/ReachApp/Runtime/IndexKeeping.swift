import Foundation
import ReachStore

/// While the app is open, it keeps the data folder's shared index fresh for every command and teammate: once a
/// `interval`, in the background, it follows what other writers changed and does a folder's full check before a
/// command would find it due (`FolderIndex.keepFresh`). At 100k creators `reach today` takes 0.5 s, and 0.8–0.9 s
/// when it must first compare 300,000 files' stamps itself (every ten minutes, and the first command of a morning).
/// Several open apps share the work: whichever looks first after the check is due does it, and the others find it
/// done.
struct IndexKeeping {
    /// How often the index is looked at: each look reads the change journal and three folders' stamps, and a full
    /// check (300,000 stats at 100k, about a second of a core) comes once every `FolderIndex.keptFullCheckAge`.
    static let interval: TimeInterval = 60

    private var lastLook: Date

    /// The first look is an `interval` after the start, which brought the index up to date itself.
    init(now: Date) { lastLook = now }

    /// Whether to look now; the caller then runs `keep` in the background.
    mutating func isDue(now: Date) -> Bool {
        guard now.timeIntervalSince(lastLook) >= Self.interval else { return false }
        lastLook = now
        return true
    }

    /// Brings the index of `store`'s folder up to date, if it has one: an app never makes an index the folder's
    /// commands did not (a small folder's app starts from its files), nor builds one again (a damaged index emptied,
    /// one of another version: 300,000 files read in an app that holds 200 MB). Returns what the refresh moved to
    /// quarantine (damaged files the app may not have met yet) or could not list, for the app's load problems.
    static func keep(_ store: RecordStore) -> [String] {
        guard let index = FolderIndex.existing(of: store) else { return [] }
        do {
            let refresh = try index.keepFresh()
            if refresh.foldersChecked > 0 { FreedMemory.giveBackNow() } // the listings' names and stamps
            return refresh.saidOnce
        } catch {
            store.logger.warning("keeping the folder index: \(error)")
            index.discardIfDamaged(by: error)
            return []
        }
    }
}
