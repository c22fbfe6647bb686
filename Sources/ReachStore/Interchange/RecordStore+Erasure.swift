#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReachCore

extension RecordStore {
    /// Scans and applies an erasure while holding the folder's writer lock, so no other session saves in
    /// between, then appends the erasure log entry. If it stops on an I/O error, running it again finishes
    /// the job (the scan finds whatever is left).
    func applyErasure(_ scan: ErasureScan) throws -> (actions: [ErasureFileAction], problems: [String]) {
        try lock.withLock {
            let (actions, problems) = scan.run()
            for action in actions {
                let id = DataFolderLayout.recordID(fromFileName: Posix.baseName(of: action.path))
                switch action.change {
                case .remove:
                    if unlink(action.path) != 0 && errno != ENOENT { throw Posix.error("remove", action.relative) }
                    try Posix.syncDirectory(Posix.parent(of: action.path))
                    if let id { forget(.influencer, id) }
                case .rewrite(let bytes):
                    try writer.write(bytes, to: action.path)
                    if let kind = action.liveKind, let id { remember(kind, id, path: action.path) }
                }
            }
            let entry = ErasureLog.Entry(
                influencerID: scan.influencerID, erasedAt: scan.now,
                removedFiles: actions.filter { if case .remove = $0.change { return true } else { return false } }.map(\.relative),
                anonymisedFiles: actions.filter { if case .rewrite = $0.change { return true } else { return false } }.map(\.relative))
            try ErasureLog.append(ErasureLog.line(entry), root: layout.root, mode: options.sharing.fileMode)
            logger.notice("erased creator \(scan.influencerID): \(entry.removedFiles.count) files removed, \(entry.anonymisedFiles.count) anonymised")
            return (actions, problems)
        }
    }
}
