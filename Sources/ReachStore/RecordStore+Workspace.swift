import Foundation

extension RecordStore {
    /// The schema version of `reach.json`'s envelope (`{"schemaVersion": 1, "settings": {...}}`).
    public static let workspaceSchemaVersion = 1

    /// The workspace settings from `reach.json`, or nil when the file does not exist yet.
    /// Throws `StoreError.workspaceDamaged` (with line and column) when it does not parse.
    public func loadWorkspace<S: Codable & Sendable>(_ type: S.Type) throws -> S? {
        let path = layout.workspaceFile
        guard Posix.lstat(path) != nil else { return nil }
        let data = try Posix.readFile(path)
        return try decodeWorkspace(S.self, data: data).settings
    }

    /// Writes `settings` into `reach.json`, keeping fields this build does not know.
    /// A damaged `reach.json` is moved to `quarantine/` first, never overwritten.
    public func saveWorkspace<S: Codable & Sendable>(_ settings: S) throws {
        let path = layout.workspaceFile
        try lock.withLock {
            var envelope: [String: JSONValue] = [:]
            var mergedSettings = try RecordCoding.encode(settings, what: "the workspace settings")
            if Posix.lstat(path) != nil {
                let data = try Posix.readFile(path)
                do {
                    let disk = try decodeWorkspace(S.self, data: data)
                    if let version = disk.raw["schemaVersion"]?.intValue, version > Self.workspaceSchemaVersion {
                        throw StoreError.writtenByNewerVersion(path: "reach.json", found: version, supported: Self.workspaceSchemaVersion)
                    }
                    envelope = disk.raw
                    if let rawSettings = disk.raw["settings"], let old = disk.settings {
                        let oldJSON = try RecordCoding.encode(old, what: "the workspace settings")
                        mergedSettings = JSONMerge.merge(disk: rawSettings, diskEncoded: oldJSON, newEncoded: mergedSettings)
                    }
                } catch StoreError.workspaceDamaged {
                    _ = quarantine(path, into: layout.quarantineDirectory, name: "reach.json")
                }
            }
            envelope["schemaVersion"] = .int(Self.workspaceSchemaVersion)
            envelope["settings"] = mergedSettings
            try writer.write(JSONWriter.bytes(of: .object(envelope)), to: path)
        }
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
