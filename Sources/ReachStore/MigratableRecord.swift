import ReachCore

/// A record type whose older files need reshaping before they decode (renamed or restructured fields).
///
/// Conform a ReachCore type in an extension. The store calls `migrate` once per version step, from
/// the file's version up to `currentSchemaVersion`, then sets `schemaVersion` itself. A type that
/// does not conform needs no reshaping: older files decode as they are and are saved in the new version.
public protocol MigratableRecord: Record {
    /// Upgrades `json` from schema `version` to `version + 1`. Throw if the file cannot be upgraded.
    static func migrate(json: inout [String: JSONValue], from version: Int) throws
}

enum Migrator {
    /// Runs every step from `version` to the current one on `json`.
    static func migrate<R: Record>(_ type: R.Type, json: inout [String: JSONValue], from version: Int) throws {
        for step in version..<R.currentSchemaVersion {
            if let migratable = R.self as? any MigratableRecord.Type {
                try migratable.migrate(json: &json, from: step)
            }
            json["schemaVersion"] = .int(step + 1)
        }
    }
}
