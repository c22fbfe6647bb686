import Foundation

/// `reach.json`'s settings with the revision they were saved at, which a checked save expects to find on disk.
public struct WorkspaceVersion<S: Sendable>: Sendable {
    /// Nil when the file does not exist yet (or has no `settings`).
    public var settings: S?
    /// 0 when the file does not exist or was written before `reach.json` carried a revision.
    public var revision: Int

    public init(settings: S?, revision: Int) {
        self.settings = settings
        self.revision = revision
    }
}

extension WorkspaceVersion: Equatable where S: Equatable {}

/// What a checked save of `reach.json` did: saved at a new revision, or met another session's save (nothing written).
public enum WorkspaceSaveResult<S: Sendable>: Sendable {
    case saved(revision: Int)
    /// The file holds `theirs` at `theirsRevision`, not the revision the caller loaded.
    case conflict(theirs: S?, theirsRevision: Int)
}

extension RecordStore {
    /// The schema version of `reach.json`'s envelope (`{"schemaVersion": 1, "revision": 3, "settings": {...}}`).
    /// `revision` was added later without a version bump: a file without it reads as revision 0.
    public static let workspaceSchemaVersion = 1

    /// The workspace settings from `reach.json`, or nil when the file does not exist yet.
    /// Throws `StoreError.workspaceDamaged` (with line and column) when it does not parse.
    public func loadWorkspace<S: Codable & Sendable>(_ type: S.Type) throws -> S? {
        try loadWorkspaceVersion(S.self).settings
    }

    /// The settings and their revision, for an editor that saves with `saveWorkspace(_:expectedRevision:)`.
    public func loadWorkspaceVersion<S: Codable & Sendable>(_ type: S.Type) throws -> WorkspaceVersion<S> {
        let path = layout.workspaceFile
        // Stamped before reading: a write landing in between then shows up as a change on the next look.
        guard let info = Posix.stampInfo(path) else {
            workspaceStamp.withLock { $0 = nil }
            return WorkspaceVersion(settings: nil, revision: 0)
        }
        let data = try Posix.readFile(path)
        let disk = try decodeWorkspace(S.self, data: data)
        workspaceStamp.withLock { $0 = FileStamp(info) }
        return WorkspaceVersion(settings: disk.settings, revision: Self.revision(of: disk.raw))
    }

    /// `reach.json` as another session (or a text editor, or `git pull`) left it, when it changed since this store
    /// last read or wrote it: one `stat` when nothing changed, so an open app can ask every tick. Nil when it did
    /// not change, is gone, or does not parse (the app keeps the settings it has; the next save quarantines it).
    public func workspaceChange<S: Codable & Sendable>(_ type: S.Type) -> WorkspaceVersion<S>? {
        let path = layout.workspaceFile
        let stamp = Posix.stampInfo(path).map(FileStamp.init)
        let previous = workspaceStamp.withLock { known in
            defer { known = stamp }
            return known
        }
        guard let stamp, stamp != previous, let data = try? Posix.readFile(path),
              let disk = try? decodeWorkspace(S.self, data: data), let settings = disk.settings else { return nil }
        return WorkspaceVersion(settings: settings, revision: Self.revision(of: disk.raw))
    }

    /// Writes `settings` into `reach.json` whatever revision is on disk (commands, `reach demo`), keeping fields
    /// this build does not know. A damaged `reach.json` is moved to `quarantine/` first, never overwritten.
    public func saveWorkspace<S: Codable & Sendable>(_ settings: S) throws {
        _ = try write(settings, expectedRevision: nil)
    }

    /// Writes `settings` only if `reach.json` is still at `expectedRevision` (as records are saved), so another
    /// session's settings change is never silently overwritten; otherwise nothing is written and their version
    /// is returned. Unknown fields are kept and a damaged file is quarantined, as by `saveWorkspace(_:)`.
    public func saveWorkspace<S: Codable & Sendable>(_ settings: S, expectedRevision: Int) throws -> WorkspaceSaveResult<S> {
        try write(settings, expectedRevision: expectedRevision)
    }

    private func write<S: Codable & Sendable>(_ settings: S, expectedRevision: Int?) throws -> WorkspaceSaveResult<S> {
        let path = layout.workspaceFile
        return try lock.withLock {
            var envelope: [String: JSONValue] = [:]
            var mergedSettings = try RecordCoding.encode(settings, what: "the workspace settings")
            // A damaged file was quarantined: there is no version left to conflict with.
            var diskRevision = expectedRevision ?? 0
            if Posix.lstat(path) != nil {
                let data = try Posix.readFile(path)
                do {
                    let disk = try decodeWorkspace(S.self, data: data)
                    if let version = disk.raw["schemaVersion"]?.intValue, version > Self.workspaceSchemaVersion {
                        throw StoreError.writtenByNewerVersion(path: "reach.json", found: version, supported: Self.workspaceSchemaVersion)
                    }
                    diskRevision = Self.revision(of: disk.raw)
                    if let expectedRevision, expectedRevision != diskRevision {
                        return .conflict(theirs: disk.settings, theirsRevision: diskRevision)
                    }
                    envelope = disk.raw
                    if let rawSettings = disk.raw["settings"], let old = disk.settings {
                        let oldJSON = try RecordCoding.encode(old, what: "the workspace settings")
                        mergedSettings = JSONMerge.merge(disk: rawSettings, diskEncoded: oldJSON, newEncoded: mergedSettings)
                    }
                } catch StoreError.workspaceDamaged {
                    _ = quarantine(path, into: layout.quarantineDirectory, name: "reach.json")
                }
            } else if let expectedRevision, expectedRevision != 0 {
                // Someone removed the file since it was loaded: as for a deleted record, they decide nothing was there.
                return .conflict(theirs: nil, theirsRevision: 0)
            }
            let revision = diskRevision + 1
            envelope["schemaVersion"] = .int(Self.workspaceSchemaVersion)
            envelope["revision"] = .int(revision)
            envelope["settings"] = mergedSettings
            try writer.write(JSONWriter.bytes(of: .object(envelope)), to: path)
            workspaceStamp.withLock { $0 = Posix.stampInfo(path).map(FileStamp.init) }
            return .saved(revision: revision)
        }
    }

    /// The envelope's revision; 0 for files written before it had one, or with a value that is no count (a hand
    /// edit to `Int.max` would otherwise trap on the next save's `+ 1`).
    private static func revision(of raw: [String: JSONValue]) -> Int {
        guard let revision = raw["revision"]?.intValue, revision > 0, revision < Int.max else { return 0 }
        return revision
    }

    private func decodeWorkspace<S: Decodable>(_ type: S.Type, data: Data) throws -> (raw: [String: JSONValue], settings: S?) {
        let relativeName = "reach.json"
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw StoreError.workspaceDamaged(path: relativeName, position: TextPosition.of(offset: error.offset, in: data), reason: error.reason)
        }
        guard case .object(let object) = value else {
            throw StoreError.workspaceDamaged(path: relativeName, position: TextPosition(line: 1, column: 1), reason: "the file is not a JSON object")
        }
        guard let settingsValue = object["settings"] else { return (object, nil) }
        do {
            let settings = try RecordCoding.makeDecoder().decode(S.self, from: Data(JSONWriter.bytes(of: settingsValue)))
            return (object, settings)
        } catch {
            let explained = RecordCoding.explain(error, in: Data(JSONWriter.bytes(of: settingsValue)))
            let position = JSONParser.offset(of: [.key("settings")], in: data).map { TextPosition.of(offset: $0, in: data) }
            throw StoreError.workspaceDamaged(path: relativeName, position: position, reason: "in \"settings\": \(explained.reason)")
        }
    }
}
