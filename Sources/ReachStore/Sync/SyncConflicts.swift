import Foundation

/// Where a sync's merge puts the clashes it finds, and how they reach `conflicts/`.
///
/// The driver writes into a staging folder inside `.git`, not the work tree: a conflict file the other side
/// already committed would otherwise be an untracked file in git's way, and git aborts such a merge. Once git is
/// done, the staged clashes are added to `conflicts/` (a union by clash id) and committed.
extension SyncEngine {
    var stagingFolder: String { repository.folder + "/.git/reach-merge-conflicts" }

    /// The work tree's conflict folder, without the store's lock: a sync holds that lock already.
    var conflictFolder: ConflictFolder {
        var info = stat()
        let team = lstat(repository.folder, &info) == 0 && info.st_mode & 0o070 == 0o070
        return ConflictFolder(layout: DataFolderLayout(root: repository.folder), sharing: team ? .team : .privateToUser, lock: nil)
    }

    /// An empty staging folder for the driver (a crashed sync may have left one: its clashes are added first).
    func prepareStagingFolder() throws(SyncError) {
        try absorbStagedConflicts()
        try SyncError.storeStep(at: stagingFolder) { try Posix.makeDirectory(stagingFolder, mode: 0o700) }
    }

    /// Moves what the driver staged into `conflicts/`; how many clashes it moved.
    @discardableResult
    func absorbStagedConflicts() throws(SyncError) -> Int {
        guard FileManager.default.fileExists(atPath: stagingFolder) else { return 0 }
        let moved = try SyncError.storeStep(at: stagingFolder) { try conflictFolder.absorb(from: stagingFolder) }
        try? FileManager.default.removeItem(atPath: stagingFolder)
        return moved
    }

    /// One side deleted the record, the other edited it: the edited one stays, the clash is recorded.
    func recordDeletion(_ subject: SyncChanges.Subject, deletedBy: String, editedBy: String) throws(SyncError) {
        guard case .record(let kind, let id) = subject else { return }
        try SyncError.storeStep(at: repository.folder) {
            try conflictFolder.recordDeletion(kind: kind, id: id, deletedBy: deletedBy, editedBy: editedBy, at: Date())
        }
    }

    /// Neither side parsed: ours stays as it was, theirs is kept in the conflict record.
    func recordUnreadable(_ subject: SyncChanges.Subject, theirsText: String, theirsAuthor: String) throws(SyncError) {
        let conflict: ConflictSubject
        switch subject {
        case .record(let kind, let id): conflict = .record(kind, id)
        case .settings: conflict = .settings
        default: return
        }
        let clash = Clash(subject: .unreadable(side: .theirs, bytes: Array(theirsText.utf8)),
                          authors: MergeAuthors(ours: ourAuthor, theirs: theirsAuthor), detectedAt: Date())
        try SyncError.storeStep(at: repository.folder) { try conflictFolder.add([clash], about: conflict) }
    }
}
