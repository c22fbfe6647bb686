import Foundation

/// A private HOME and XDG_CACHE_HOME for the binary under test, so no test writes the app's snapshot cache (or
/// anything else) into the real user's ~/.cache, and no two tests share a cache.
struct ScratchHome {
    let root: URL

    /// `$HOME`: an empty folder, as for a new account.
    var home: URL { root.appendingPathComponent("home") }
    /// `$XDG_CACHE_HOME`: not created beforehand, so the app makes it (and its 0700 `reach` folder) itself.
    var cache: URL { root.appendingPathComponent("cache") }
    /// Where the app keeps its snapshots: `$XDG_CACHE_HOME/reach`.
    var snapshotFolder: URL { cache.appendingPathComponent("reach") }

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
