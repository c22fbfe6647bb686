import ReachCore

/// A file that did not load cleanly, with where, why, and what the store did about it.
public struct LoadProblem: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, which decides whether the file was moved aside.
    public enum Kind: String, Sendable, Hashable {
        /// Not valid JSON, not an object, or fields of the wrong type: moved to quarantine.
        case damaged
        /// Written by a newer Reach: loaded read-only if possible, never moved.
        case newerSchema
        /// An older schema whose migration failed: left in place for a fixed build.
        case migrationFailed
        /// No permission to read (or another read error): left in place.
        case unreadable
        /// Bigger than `StoreOptions.maxFileSize`: left in place.
        case tooLarge
        /// A symbolic link pointing outside the data folder: not followed, left in place.
        case symlinkOutsideFolder
        /// The record inside has a different id than its file name: loaded, but saves go to the id's file.
        case idMismatch
    }

    public var kind: Kind
    /// The file, relative to the data folder (`influencers/01H….json`).
    public var file: String
    public var position: TextPosition?
    public var reason: String
    /// Where the file was moved, relative to the data folder, when it was quarantined.
    public var movedTo: String?
    public var recordID: RecordID?

    public init(kind: Kind, file: String, position: TextPosition? = nil, reason: String, movedTo: String? = nil, recordID: RecordID? = nil) {
        self.kind = kind
        self.file = file
        self.position = position
        self.reason = reason
        self.movedTo = movedTo
        self.recordID = recordID
    }

    public var description: String {
        var text = file
        if let position { text += ", \(position)" }
        text += ": \(reason)."
        switch kind {
        case .damaged:
            if let movedTo {
                text += " Moved to \(movedTo); fix it by hand and move it back, or restore it from a backup."
            } else {
                text += " Could not move it to quarantine/; fix or remove it by hand."
            }
        case .newerSchema: text += " Upgrade Reach to edit it; it is read-only here."
        case .migrationFailed: text += " The file was left as it is; report this so a fixed Reach can upgrade it."
        case .unreadable: text += " Check its permissions (ls -l); it was left in place."
        case .tooLarge: text += " It is too big to be a record; it was left in place, check what it is."
        case .symlinkOutsideFolder: text += " Reach does not follow links out of the data folder; replace the link with the file."
        case .idMismatch: text += " Rename the file to match the id inside it."
        }
        return text
    }
}
