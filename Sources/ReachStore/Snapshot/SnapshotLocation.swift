/// Where snapshots live: a per-user cache folder, never the shared data folder (the cache holds one user's
/// view, and deleting it must always be safe).
public enum SnapshotLocation {
    /// `$XDG_CACHE_HOME/reach`, else `~/.cache/reach`.
    public static func directory(environment: [String: String], home: String) -> String {
        // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return DataFolderLocation.join(xdg, "reach") }
        return DataFolderLocation.join(DataFolderLocation.join(home, ".cache"), "reach")
    }

    /// One file per data folder, named by a hash of its real path (paths may hold any character).
    static func fileName(folderRealPath: String) -> String {
        let hash = SnapshotHash.hash(Array(folderRealPath.utf8))
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ".snapshot"
    }
}
