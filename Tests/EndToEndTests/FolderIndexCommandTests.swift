import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `reach report` and `reach today` find their records through the folder index (`cache/index.sqlite`) and read
/// them from their files: they must say exactly what reading the whole folder says, before and after edits made
/// by other programs, and a team's members must share one index.
@Suite(.serialized) struct FolderIndexCommandTests {
    static let campaign = "Rétinol Nuit serum launch"
    static let commands: [[String]] = [
        ["today", "--all"], ["today", "--all", "--format", "json"], ["today"], ["today", "--owner", "aiko"],
        ["report", "campaign", campaign], ["report", "campaign", campaign, "--format", "csv"],
    ]

    /// Each command's output as it is now, through the index.
    private func outputs(_ data: String, environment: [String: String] = ["REACH_USER": "marta"]) throws -> [String] {
        try Self.commands.map { arguments in
            let result = try ReachBinary.run(["--data-dir", data] + arguments, environment: environment)
            #expect(result.status == 0, "\(arguments): \(result.output)")
            return result.output
        }
    }

    /// Whether the commands say through the index what they say reading every file. Today's items turn from due to
    /// overdue by the second, so a difference is looked at again: a real one stays.
    private func sameAsReadingEveryFile(_ data: String) throws -> Bool {
        for _ in 0..<3 {
            let indexed = try outputs(data), whole = try outputsReadingEveryFile(data)
            if indexed == whole { return true }
            for (a, b) in zip(indexed, whole) where a != b {
                let lines = zip(a.split(separator: "\n"), b.split(separator: "\n")).first { $0 != $1 }
                print("differs: \(lines.map { "\($0.0) | \($0.1)" } ?? "in length")")
            }
        }
        return false
    }

    /// The same with a folder where the index would be: the commands read every record file instead.
    private func outputsReadingEveryFile(_ data: String) throws -> [String] {
        let index = data + "/cache/index.sqlite"
        #expect(rename(index, index + ".aside") == 0)
        #expect(mkdir(index, 0o700) == 0)
        defer {
            rmdir(index)
            rename(index + ".aside", index)
        }
        return try outputs(data)
    }

    @Test func reportAndTodaySayWhatTheWholeFolderSays() throws {
        let folder = try DataFolder()
        defer { folder.remove() }
        let data = folder.url.path
        #expect(try ReachBinary.run(["--data-dir", data, "demo"]).status == 0)
        let first = try outputs(data)
        #expect(FileManager.default.fileExists(atPath: data + "/cache/index.sqlite"))
        #expect(try sameAsReadingEveryFile(data))
        #expect(first[4].contains("# Campaign report: \(Self.campaign)"))

        // Another program edits a deal of the campaign in place (no rename: the folder's own stamp stays), and
        // moves another deal to a different campaign by renaming a new version into place.
        let deals = try folder.records("deals")
        let campaigns = try folder.records("campaigns")
        let serum = try #require(campaigns.first { $0["name"] as? String == Self.campaign }?["id"] as? String)
        let other = try #require(campaigns.first { $0["name"] as? String != Self.campaign }?["id"] as? String)
        let ofSerum = deals.filter { $0["campaignID"] as? String == serum }.compactMap { $0["id"] as? String }
        #expect(ofSerum.count >= 2)
        try editInPlace(folder.url.appendingPathComponent("deals/\(ofSerum[0]).json")) {
            $0.replacingOccurrences(of: "\"archived\": false", with: "\"archived\": true")
        }
        let moved = data + "/deals/\(ofSerum[1]).json"
        try String(contentsOfFile: moved, encoding: .utf8).replacingOccurrences(of: serum, with: other)
            .write(toFile: moved + ".new", atomically: false, encoding: .utf8)
        #expect(rename(moved + ".new", moved) == 0)

        let after = try outputs(data)
        #expect(after[4] != first[4], "the report shows the edits")
        #expect(try sameAsReadingEveryFile(data))
    }

    /// Two real users in one group (`chgrp team; chmod 2770`, as README says): the first builds the index, the
    /// second's commands use and refresh it, and every file of it stays the team's to read and write.
    @Test(.enabled(if: getuid() == 0, "needs root to run reach as two other users"))
    func twoUsersOfATeamFolderShareOneIndex() throws {
        let team: gid_t = 4_200
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        chmod(scratch.path, 0o755)
        let data = scratch.path + "/team"
        #expect(mkdir(data, 0o2770) == 0 && chown(data, 0, team) == 0 && chmod(data, 0o2770) == 0)
        #expect(try ReachBinary.run(["--data-dir", data, "demo"]).status == 0)
        // The demo was written by root: hand it to the team as a team folder is set up.
        #expect(try Shell.run("/bin/chown", ["-R", "0:\(team)", data]).status == 0)
        #expect(try Shell.run("/bin/chmod", ["-R", "g+rwX", data]).status == 0)
        // A copy the two users can run whatever the permissions of the folders above the build (CI's checkout may
        // be in a private home). Copied by `cp`, not in this process: a child forked by another test while our
        // copy's descriptor was open for writing would keep it open, and running the copy would fail with
        // "Text file busy" (it did once, in a full run).
        let reach = scratch.path + "/reach"
        #expect(try Shell.run("/bin/cp", [try ReachBinary.path(), reach]).status == 0)
        #expect(chmod(reach, 0o755) == 0)
        func runAs(_ user: Int, _ arguments: [String]) throws -> Shell.Result {
            try Shell.run("/usr/bin/setpriv", ["--reuid=\(user)", "--regid=\(user)", "--groups=\(team)", "--", reach,
                                               "--data-dir", data] + arguments,
                          environment: ["PATH": "/usr/bin:/bin", "HOME": scratch.path, "REACH_USER": "marta"])
        }
        let built = try runAs(4_201, ["report", "campaign", Self.campaign])
        #expect(built.status == 0, "\(built.output)")
        let index = data + "/cache/index.sqlite"
        var info = stat()
        #expect(lstat(index, &info) == 0 && info.st_uid == 4_201 && info.st_gid == team && info.st_mode & 0o777 == 0o660)
        let inode = info.st_ino

        let second = try runAs(4_202, ["report", "campaign", Self.campaign])
        #expect(second.status == 0 && second.output == built.output, "\(second.output)")
        let today = try runAs(4_202, ["today", "--all"])
        #expect(today.status == 0 && today.output.hasPrefix("Today · "), "\(today.output)")
        #expect(lstat(index, &info) == 0 && info.st_ino == inode, "the second user used the first's index, not a new one")
        for file in [index, index + "-wal", index + "-shm"] where lstat(file, &info) == 0 {
            #expect(info.st_gid == team && info.st_mode & 0o060 == 0o060, "\(file) is the team's")
        }
        let log = try String(contentsOfFile: data + "/logs/reach.log", encoding: .utf8)
        #expect(!log.contains("not using the folder index"), "\(log)")
    }
}
