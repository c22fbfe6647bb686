#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What `reach merge-file %O %A %B %P` does when git merges a data folder: records, `reach.json` and conflict
/// files merge field by field into `%A`, and clashes go to the record's conflict file in the work tree for
/// `reach sync` to commit. A clash never makes the merge fail: git sees a clean merge and a record file never
/// gets conflict markers.
public enum MergeFileDriver {
    public enum Outcome: Hashable, Sendable {
        /// Merged into ours (exit 0); `clashes` were added to the conflict file.
        case merged(clashes: Int)
        /// Neither side is a JSON object: ours is left as it was for git to report a conflict (exit 1).
        case unmergeable
        /// Not a file Reach merges: left untouched for git's own conflict handling (exit 1).
        case notReachFile
    }

    /// `base`, `ours`, `theirs`: git's temp files (`%O`, `%A`, `%B`); the result is left in `ours`. `path`: the
    /// file's path in the repository (`%P`). `conflictsRoot`: the folder whose `conflicts/` receives the clashes,
    /// with `sharing`'s modes: the work tree (git runs the driver at its top), or a staging folder that
    /// `reach sync` moves in after the merge (`ConflictFolder.absorb`). Throws when a file cannot be read or written.
    public static func run(base: String, ours: String, theirs: String, path: String, conflictsRoot: String,
                           sharing: FolderSharing, authors: MergeAuthors, now: Date) throws -> Outcome {
        guard let file = ReachFile(repositoryPath: path) else { return .notReachFile }
        // git passes an empty base when both sides added the file; a missing one means the same.
        let baseBytes = (try? Posix.readFile(base)).map(Array.init) ?? []
        guard let merged = FileContentMerge.merge(file, base: baseBytes, ours: Array(try Posix.readFile(ours)),
                                                  theirs: Array(try Posix.readFile(theirs)), authors: authors, at: now)
        else { return .unmergeable }
        // Clashes are saved before the merged file replaces ours: if that save fails, git keeps a conflict and no
        // value of theirs exists only in this process. Their ids are stable, so a second run adds nothing twice.
        if case .document(let subject) = file {
            try ConflictFolder(layout: DataFolderLayout(root: conflictsRoot), sharing: sharing, lock: nil)
                .add(merged.clashes, about: subject)
        }
        let mode = Posix.lstat(ours).map { $0.st_mode & 0o7777 } ?? sharing.fileMode
        try AtomicWriter(fileMode: mode, hook: nil).write(merged.bytes, to: ours)
        return .merged(clashes: merged.clashes.count)
    }
}
