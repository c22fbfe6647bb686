import Foundation
import ReachCore

/// Everything that can stop a store operation, each with the file involved and what to do next.
///
/// A conflict is not an error: `save` and `delete` return it as a value so the UI must handle it.
public enum StoreError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// A system call failed; `errno` says why (no space, permission, read-only disk...).
    case io(operation: String, path: String, errno: Int32)
    /// Another Reach kept the folder's lock longer than we were willing to wait.
    case lockTimeout(path: String, seconds: Double)
    /// The file on disk was written by a newer Reach; this build must not overwrite it.
    case writtenByNewerVersion(path: String, found: Int, supported: Int)
    /// The file on disk no longer parses, so a save cannot check its revision safely.
    case damagedOnDisk(path: String, reason: String)
    /// An id that is not a well-formed ULID cannot be used as a file name.
    case invalidRecordID(String)
    /// The file on disk is one the store must not replace: too large, unreadable, a link out of the
    /// folder, or an old schema that failed to upgrade. The problem says which and what to do.
    case cannotReplace(LoadProblem)
    /// The record would be bigger than `StoreOptions.maxFileSize`, so it could not be loaded back.
    case recordTooLarge(path: String, size: Int, limit: Int)
    /// `restore` found nothing in the trash for this record.
    case notInTrash(path: String)
    /// `restore` would overwrite a live record with the same id.
    case restoreWouldOverwrite(path: String)
    /// The workspace file (`reach.json`) does not parse.
    case workspaceDamaged(path: String, position: TextPosition?, reason: String)
    /// Encoding a value to JSON failed (a bug in a model type, e.g. a non-finite Double).
    case encodingFailed(what: String, reason: String)
    /// The data folder path exists but is not a directory, or is otherwise unusable.
    case unusableFolder(path: String, reason: String)

    public var description: String {
        switch self {
        case let .io(operation, path, code):
            return "Could not \(operation) \(path): \(String(cString: strerror(code))). \(Self.advice(for: code))"
        case let .lockTimeout(path, seconds):
            return "Another Reach session kept the data folder busy for \(seconds) s (lock \(path)). "
                + "Your edit is still on screen; wait a moment and save again."
        case let .writtenByNewerVersion(path, found, supported):
            return "\(path) was written by a newer Reach (schema \(found); this build knows up to \(supported)). "
                + "It is read-only here; upgrade Reach to edit it."
        case let .damagedOnDisk(path, reason):
            return "\(path) is damaged on disk (\(reason)). Reload to move it to quarantine/, then save your edit again."
        case let .cannotReplace(problem):
            return "Not saved: \(problem.description) Your edit is still on screen; save again once the file is dealt with."
        case let .recordTooLarge(path, size, limit):
            return "Not saved: \(path) would be \(size) bytes, more than the \(limit)-byte limit for one record, "
                + "so it could not be loaded again. Shorten the longest text (a large paste?); your edit is still on screen."
        case let .invalidRecordID(id):
            return "\"\(id)\" is not a valid record id (26 characters of Crockford base32). Create the record with a generated id."
        case let .notInTrash(path):
            return "Nothing to restore: \(path) does not exist. It may have been restored or purged by another session."
        case let .restoreWouldOverwrite(path):
            return "Cannot restore: \(path) already exists. Reload to see it, or delete it first."
        case let .workspaceDamaged(path, position, reason):
            let location = position.map { ", \($0)" } ?? ""
            return "\(path)\(location): \(reason). Fix the file by hand (or move it away to start with default settings)."
        case let .encodingFailed(what, reason):
            return "Could not encode \(what) as JSON: \(reason). This is a bug in Reach; please report it. Nothing was written."
        case let .unusableFolder(path, reason):
            return "Cannot use data folder \(path): \(reason). Choose another folder with --data-dir or fix this one."
        }
    }

    public var errorDescription: String? { description }

    static func advice(for code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "The disk is full; free some space and save again (your edit is kept)."
        case EACCES, EPERM: return "Check the permissions of the data folder (ls -l) and that you own it or are in its group."
        case EROFS: return "The disk is mounted read-only; remount it read-write or choose another --data-dir."
        case ENOENT: return "The file or folder disappeared; reload and try again."
        default: return "Try again; if it keeps failing, check the disk (df -h, dmesg)."
        }
    }
}
