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
    /// The longest wait after looks that failed (a full disk, an index made unwritable): each failure doubles the
    /// wait up to this, so such an app does not log the same warning every minute all day.
    static let longestWait: TimeInterval = 16 * 60

    private var lastLook: Date
    private var wait = Self.interval

    /// The first look is an `interval` after the start, which brought the index up to date itself.
    init(now: Date) { lastLook = now }

    /// Whether to look now; the caller then runs `keep` in the background and says how it went (`looked`).
    mutating func isDue(now: Date) -> Bool {
        guard now.timeIntervalSince(lastLook) >= wait else { return false }
        lastLook = now
        return true
    }

    /// After a look: a failed one waits twice as long as the last before the next, a kept one brings the minute back.
    mutating func looked(_ outcome: Outcome) {
        wait = outcome.failed ? min(wait * 2, Self.longestWait) : Self.interval
    }

    /// What a look found: the problems to say, and whether the index could not be kept.
    struct Outcome: Sendable, Equatable {
        var problems: [String] = []
        var failed = false
    }

    /// Brings the index of `store`'s folder up to date, if it has one: an app never makes an index the folder's
    /// commands did not (a small folder's app starts from its files), nor builds one again (a damaged index emptied,
    /// one of another version: 300,000 files read in an app that holds 200 MB). Says what the refresh moved to
    /// quarantine (damaged files the app may not have met yet) or could not list, for the app's load problems, and
    /// whether it failed.
    static func keep(_ store: RecordStore) -> Outcome {
        guard let index = FolderIndex.existing(of: store) else { return Outcome() }
        do {
            let refresh = try index.keepFresh()
            if refresh.foldersChecked > 0 { FreedMemory.giveBackNow() } // the listings' names and stamps
            return Outcome(problems: refresh.saidOnce)
        } catch {
            store.logger.warning("keeping the folder index: \(error) (looked at again later, at most every \(Int(longestWait / 60)) minutes while this lasts)")
            index.discardIfDamaged(by: error)
            return Outcome(failed: true)
        }
    }
}
