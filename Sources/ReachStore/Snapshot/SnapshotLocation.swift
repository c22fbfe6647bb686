/// Names the snapshot file. It lives in the data folder's `cache/` (`DataFolderLayout.cacheDirectory`), shared by
/// every teammate and command on the folder: the records in it are exactly what the files held (each with the
/// file's stamp), so one user's snapshot is as good as another's, and a teammate's first start is a fast one.
public enum SnapshotLocation {
    /// One file per data folder, named by a hash of its real path (paths may hold any character).
    static func fileName(folderRealPath: String) -> String {
        let hash = SnapshotHash.hash(Array(folderRealPath.utf8))
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ".snapshot"
    }
}
