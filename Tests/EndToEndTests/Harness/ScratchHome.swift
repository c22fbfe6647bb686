import Foundation

/// A private HOME and XDG_CACHE_HOME for the binary under test, so no test writes anything into the real user's
/// home, and a second session with another scratch home is another user as far as the app can tell.
struct ScratchHome {
    let root: URL

    /// `$HOME`: an empty folder, as for a new account.
    var home: URL { root.appendingPathComponent("home") }
    /// `$XDG_CACHE_HOME`: not created beforehand; the app must not need it (its snapshot is the data folder's).
    var cache: URL { root.appendingPathComponent("cache") }

    /// The variables that point the binary here.
    var environment: [String: String] { ["HOME": home.path, "XDG_CACHE_HOME": cache.path] }

    /// A fresh one; `remove()` deletes it.
    init() throws {
        root = try ReachBinary.scratchFolder()
        do {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("home"), withIntermediateDirectories: false)
        } catch {
            try? FileManager.default.removeItem(at: root)
            throw error
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
