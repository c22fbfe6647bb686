import Foundation
import Testing

/// The data-in-and-out subcommands of the real binary: output, files and exit codes (0 ok, 1 user error, 2 usage).
@Suite struct DataInOutCommandTests {
    @Test(arguments: [("bash", "_reach()"), ("zsh", "#compdef reach"), ("fish", "complete -c 'reach'")])
    func completionScriptsArePrinted(shell: String, marker: String) throws {
        let result = try ReachBinary.run(["completion", shell])
        #expect(result.status == 0)
        #expect(result.output.contains(marker))
        #expect(result.output.contains("import"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try ReachBinary.run(["completion", "powershell"]).status == 2)
        #expect(try ReachBinary.run(["import", "deals", "x.json", "--map", "a=b"]).status == 2)
        #expect(try ReachBinary.run(["export", "creators"]).status == 2)
    }

    @Test func dataDirWorksBeforeOrAfterTheSubcommand() throws {
        let dir = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["--data-dir", dir.path, "export", "influencers", "--format", "json"],
                          ["--data-dir=\(dir.path)", "export", "influencers", "--format", "json"],
                          ["export", "influencers", "--format", "json", "--data-dir", dir.path]] {
            let result = try ReachBinary.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.output)")
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("influencers").path))
    }

    /// Every command finds the default folder under `$HOME`, as `reach demo` writes it there (Foundation's home on
    /// Linux is the account's, whatever `$HOME` says; export used to read and create the folder there).
    @Test func theDefaultFolderFollowsHome() throws {
        let home = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path, "REACH_DATA_DIR": "", "XDG_DATA_HOME": ""]
        // As in a real account: Reach creates its own folder, not the parents.
        try FileManager.default.createDirectory(atPath: home.path + "/.local/share", withIntermediateDirectories: true)
        let demo = try ReachBinary.run(["demo"], environment: environment)
        #expect(demo.status == 0, "\(demo.output)")
        let folder = home.path + "/.local/share/reach"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/influencers")
        let output = home.path + "/influencers.json"
        let export = try ReachBinary.run(["export", "influencers", "--format", "json", "--output", output], environment: environment)
        #expect(export.status == 0, "\(export.output)")
        let exported = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [Any]
        #expect(exported?.count == files.count)
        #expect(!files.isEmpty)
    }

    /// A new account has no `~/.local/share`: the default folder's parents are created (0700, as XDG asks); an
    /// explicit `--data-dir` under a missing folder is refused with a message naming that folder, never built.
    @Test func aNewAccountGetsTheDefaultFolderButATypoIsNotBuilt() throws {
        let home = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path, "REACH_DATA_DIR": "", "XDG_DATA_HOME": ""]
        let demo = try ReachBinary.run(["demo"], environment: environment)
        #expect(demo.status == 0, "\(demo.output)")
        for folder in ["/.local", "/.local/share", "/.local/share/reach"] {
            let mode = try FileManager.default.attributesOfItem(atPath: home.path + folder)[.posixPermissions] as? Int
            #expect(mode == 0o700, "\(folder)")
        }
        let typo = try ReachBinary.run(["--data-dir", home.path + "/missing/reach", "today"], environment: environment)
        #expect(typo.status == 1)
        #expect(typo.output.contains("its parent folder \(home.path)/missing does not exist"), "\(typo.output)")
        #expect(!FileManager.default.fileExists(atPath: home.path + "/missing"))
    }

    /// `--output -` is standard output (the summary stays out of it), a FIFO gets the export and stays a FIFO,
    /// a character device is written into, not replaced, and a folder is refused in one sentence (#19).
    @Test func outputGoesWhereTheUserPointsWithoutReplacingSpecialFiles() throws {
        let folder = try EndToEndTests.demoFolder()
        defer { folder.remove() }
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let reach = try ReachBinary.path(), data = folder.url.path, dir = scratch.path
        let export = "'\(reach)' --data-dir '\(data)' export influencers --format csv"
        let script = """
            set -e
            \(export) --output - > '\(dir)/stdout.csv' 2> '\(dir)/stderr.txt'
            mkfifo '\(dir)/pipe'
            cat '\(dir)/pipe' > '\(dir)/from-pipe.csv' &
            \(export) --output '\(dir)/pipe'
            wait
            mknod '\(dir)/null' c 1 3
            \(export) --output '\(dir)/null'
            ln -s from-pipe.csv '\(dir)/link.csv'
            \(export) --output '\(dir)/link.csv'
            """
        let run = try Shell.run("/bin/sh", ["-c", script + "\n\(export) --output '\(dir)/file.csv'"])
        #expect(run.status == 0, "\(run.output)")
        let file = try String(contentsOfFile: dir + "/file.csv", encoding: .utf8)
        #expect(file.count > 100)
        #expect(try String(contentsOfFile: dir + "/stdout.csv", encoding: .utf8) == file, "- is standard output, with no summary in it")
        #expect(try String(contentsOfFile: dir + "/from-pipe.csv", encoding: .utf8) == file, "the FIFO's reader got the export")
        #expect(try String(contentsOfFile: dir + "/stderr.txt", encoding: .utf8).isEmpty)
        func kind(_ name: String) -> mode_t {
            var info = stat()
            return lstat(dir + "/" + name, &info) == 0 ? info.st_mode & S_IFMT : 0
        }
        #expect(kind("pipe") == S_IFIFO && kind("null") == S_IFCHR && kind("link.csv") == S_IFLNK,
                "a FIFO, a device and a link stay what they were")
        let folderRefused = try ReachBinary.run(["--data-dir", data, "export", "influencers", "--output", dir])
        #expect(folderRefused.status == 1)
        #expect(folderRefused.output.contains("Cannot write \(dir): it is a folder."), "\(folderRefused.output)")
        #expect(!folderRefused.output.contains(".."))
    }

    @Test func aBigImportShowsProgressOnATerminalAndLeavesOnlyItsSummary() throws {
        let dir = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("big.csv").path
        let rows = (1...12_000).map { "Creator \($0),@creator\($0),\($0 * 10)\n" }.joined()
        try Data(("Name,Instagram,Followers\n" + rows).utf8).write(to: URL(fileURLWithPath: csv))

        // Not a terminal (a pipe, a log): the summary alone.
        let piped = try ReachBinary.run(["import", "influencers", csv, "--dry-run", "--data-dir", dir.appendingPathComponent("piped").path])
        #expect(piped.output.contains("12000 rows: 12000 new"))
        #expect(!piped.output.contains("reading:"))

        // On a terminal the line shows while the file is read, and is wiped before the summary prints.
        let session = try TmuxSession(width: 250, height: 20)  // wide enough for the summary on one line
        defer { session.close() }
        let data = dir.appendingPathComponent("data").path
        try session.typeLine("\(TmuxSession.shellQuote(try ReachBinary.path())) import influencers \(TmuxSession.shellQuote(csv)) "
                             + "--data-dir \(TmuxSession.shellQuote(data))")
        try session.waitFor(text: "reach: reading: ", timeout: 60)
        let after = try session.waitForPrompt(timeout: 120)
        #expect(after.contains("12000 rows: 12000 new, 0 merged, 0 unchanged, 0 rejected; 12000 records written"))
        #expect(!after.contains("reading:") && !after.contains("writing "), "\(after)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data + "/influencers").count == 12_000)
    }

    @Test func importExportReportAndEraseThroughTheBinary() throws {
        let dir = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data").path
        let csv = dir.appendingPathComponent("people.csv").path
        try Data("Name;Instagram;Followers;Email\nLīga Bērziņa;@liga.skin;12.500;liga@example.lv\nNo one;;;\n".utf8)
            .write(to: URL(fileURLWithPath: csv))

        let dry = try ReachBinary.run(["import", "influencers", csv, "--dry-run", "--data-dir", data])
        #expect(dry.status == 1)
        #expect(dry.output.contains("line 2: new        Līga Bērziņa"))
        #expect(dry.output.contains("line 3: rejected   No one: no handle, profile URL or email"))
        #expect(dry.output.contains("dry run: nothing was written"))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: data + "/influencers")) ?? []).isEmpty)

        let real = try ReachBinary.run(["import", "influencers", csv, "--data-dir", data])
        #expect(real.status == 1)  // one row was rejected
        #expect(real.output.contains("1 record written"))
        #expect(real.output.contains("reach: 1 row(s) rejected"))

        let out = dir.appendingPathComponent("roster.csv").path
        let export = try ReachBinary.run(["export", "influencers", "--format", "csv", "--output", out, "--data-dir", data])
        #expect(export.status == 0)
        #expect(export.output.contains("Exported 1 influencers"))
        let exported = try String(contentsOfFile: out, encoding: .utf8)
        #expect(exported.contains("Līga Bērziņa"))
        #expect(exported.contains("12500"))

        let report = try ReachBinary.run(["report", "campaign", "Nope", "--data-dir", data])
        #expect(report.status == 1)
        #expect(report.output.contains("No campaign matches \"Nope\""))

        let unconfirmed = try ReachBinary.run(["person", "erase", "liga.skin", "--data-dir", data])
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.output.contains("Run again with --yes"))
        let erased = try ReachBinary.run(["person", "erase", "liga.skin", "--yes", "--data-dir", data])
        #expect(erased.status == 0)
        #expect(erased.output.contains("Erased Līga Bērziņa"))
        let files = FileManager.default.enumerator(atPath: data)?.compactMap { $0 as? String } ?? []
        for file in files {
            let text = (try? String(contentsOfFile: data + "/" + file, encoding: .utf8)) ?? ""
            #expect(!text.contains("liga"), "\(file) still mentions her")
        }
        #expect(files.contains("logs/erasures.jsonl"))
        // The app's log says what happened by ids, paths and counts only, so it holds nothing to erase.
        let log = (try? String(contentsOfFile: data + "/logs/reach.log", encoding: .utf8)) ?? ""
        #expect(log.contains("import influencers: "))
        #expect(log.contains("inserted 1 new influencers records"))
        #expect(log.contains("erased creator "))
    }
}
