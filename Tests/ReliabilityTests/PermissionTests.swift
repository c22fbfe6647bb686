#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ReachCore
import Testing
import ReachStore
@testable import reach_torture

/// Modes are exact whatever the umask, a team folder works across real users, and a session never
/// writes outside its data folder. Runs `reach-torture workout` (every kind of store write) as a child.
@Suite struct PermissionTests {
    static let isRoot = getuid() == 0

    @Test(arguments: [FolderSharing.privateToUser, .team], ["000", "777", "022"])
    func modesAreExactWhateverTheUmask(sharing: FolderSharing, umask: String) throws {
        let scratch = try Scratch()
        try plantOldAndDamagedFiles(in: scratch.data, sharing: sharing)
        var arguments = ["workout", "--folder", scratch.data, "--umask", umask]
        if sharing == .team { arguments.append("--team") }
        let child = try TortureChild(arguments, outputTo: scratch.path + "/workout")
        try child.expectSuccess()
        #expect(child.events.last == .done)
        let tree = FolderTree(scratch.data)
        let (directoryMode, fileMode): (mode_t, mode_t) = sharing == .team ? (0o2770, 0o660) : (0o700, 0o600)
        #expect(tree.wrongModes(directory: directoryMode, file: fileMode) == [], "umask \(umask), \(sharing)")
        // The workout quarantined one file and backed up one: those were written (or moved) too.
        #expect(tree.entries.keys.contains { $0.hasPrefix("quarantine/influencers/") })
        #expect(tree.entries.keys.contains { $0.hasPrefix("backups/influencers/") })
        report("permissions", ["sharing": sharing, "umask": umask, "entriesChecked": tree.entries.count])
    }

    @Test func nothingIsWrittenOutsideTheDataFolder() throws {
        let scratch = try Scratch()
        for folder in ["home", "tmp", "xdg", "out"] {
            try FileManager.default.createDirectory(atPath: scratch.path + "/" + folder, withIntermediateDirectories: false)
        }
        try plantOldAndDamagedFiles(in: scratch.data, sharing: .privateToUser)
        let outside = Set(["data", "out"])
        let before = FolderTree(scratch.path, excluding: outside)
        let environment = [
            "PATH": "/usr/bin:/bin", "HOME": scratch.path + "/home", "TMPDIR": scratch.path + "/tmp",
            "XDG_DATA_HOME": scratch.path + "/xdg",
        ]
        let child = try TortureChild(
            ["workout", "--folder", scratch.data, "--records", "20"], outputTo: scratch.path + "/out/workout", environment: environment)
        try child.expectSuccess()
        let acks = child.events.filter { if case .ack = $0 { true } else { false } }.count
        let after = FolderTree(scratch.path, excluding: outside)
        #expect(after == before, "written outside the data folder: \(Set(after.entries.keys).symmetricDifference(before.entries.keys))")
        // Inside, only the store's layout: no stray files next to the folders it owns.
        let topLevel = Set(FolderTree(scratch.data).entries.keys.filter { !$0.isEmpty && !$0.contains("/") })
        #expect(topLevel == [".lock", "reach.json", "influencers", "campaigns", "deals", "templates", "trash", "quarantine", "backups", "logs"])
        report("containment", ["saves": acks, "entriesOutsideCompared": before.entries.count])
    }

    /// Two real users in one group share a team folder set up as documented (`chgrp team; chmod 2770`):
    /// each reads and edits the other's records, and every file keeps the team's group.
    @Test(.enabled(if: isRoot, "needs root to run children as other users"))
    func teamMembersEditEachOthersRecords() throws {
        let team: gid_t = 4_100
        let scratch = try Scratch()
        chmod(scratch.path, 0o755)
        try FileManager.default.createDirectory(atPath: scratch.data, withIntermediateDirectories: false)
        chown(scratch.data, 0, team)
        chmod(scratch.data, 0o2770)
        var edits = 0
        for (round, user) in ["4101:4101:4100", "4102:4102:4100", "4101:4101:4100"].enumerated() {
            let child = try TortureChild(
                ["workout", "--folder", scratch.data, "--team", "--user", user, "--records", "3", "--edit-existing"],
                outputTo: scratch.path + "/round\(round)")
            try child.expectSuccess()
            #expect(!child.events.contains { if case .problem = $0 { true } else { false } }, "\(user) could not load: \(child.output)")
            edits += child.events.filter { if case .ack = $0 { true } else { false } }.count
        }
        let tree = FolderTree(scratch.data)
        #expect(tree.wrongModes(directory: 0o2770, file: 0o660) == [])
        #expect(tree.entries.filter { $0.value.group != team }.map(\.key).sorted() == [], "files not in the team's group")
        let loaded = try RecordStore(folder: scratch.data, options: StoreOptions(sharing: .team)).loadAll(TortureRecord.self)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.records.count == 9)
        report("team folder", ["users": 2, "sessions": 3, "saves": edits, "records": loaded.records.count])
    }

    /// A damaged file (to be quarantined) and a schema-1 file (to be migrated and backed up).
    private func plantOldAndDamagedFiles(in data: String, sharing: FolderSharing) throws {
        let store = try RecordStore(folder: data, options: StoreOptions(sharing: sharing))
        let directory = store.layout.directory(for: .influencer)
        let old = RecordID.generate(at: Date())
        let oldFile = """
            {"createdAt": "2024-01-01T00:00:00Z", "id": "\(old)", "revision": 3, "schemaVersion": 1, "text": "old",
             "tokens": [], "updatedAt": "2024-01-01T00:00:00Z"}
            """
        let mode: mode_t = sharing == .team ? 0o660 : 0o600
        for (id, content) in [(old, oldFile), (RecordID.generate(at: Date()), "{\"id\": ")] {
            let path = directory + "/\(id).json"
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, mode)
        }
    }
}
