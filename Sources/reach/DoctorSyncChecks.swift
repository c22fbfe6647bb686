import Foundation
import ReachStore

/// The doctor's sync checks: git itself, and for a synced folder the merge driver git will run.
///
/// Without the driver git merges records line by line and writes conflict markers into them, so a driver that
/// is missing or points at a binary that no longer exists is a problem, not a note.
enum DoctorSyncChecks {
    static func section(folder: String, environment: [String: String]) -> DoctorReport.Section {
        var section = DoctorReport.Section(title: "Sync")
        let synced = FileManager.default.fileExists(atPath: folder + "/.git")
        guard let git = GitRepository.findGit(path: environment["PATH"]) else {
            if synced {
                section.problem("the folder is a git repository but git is not installed", fix: "sudo apt-get install git")
            } else {
                section.note("git is not installed; `reach sync` needs it (sudo apt-get install git)")
            }
            return section
        }
        section.ok("git found at \(git)")
        guard synced else {
            section.note("this folder is not synced with other servers (`reach sync init REMOTE` sets it up; docs/sync.md)")
            return section
        }
        do {
            let repository = try GitRepository(folder: folder, author: SyncAuthor(name: "reach", email: "reach@localhost"),
                                               environment: environment, networkTimeout: 30, localTimeout: 60)
            checkDriver(repository, into: &section)
            checkAttributes(folder, into: &section)
            let status = try SyncStatus.read(repository)
            section.note("remote: \(status.remoteURL ?? "none") · \(status.headline(now: Date()))")
            if status.state.failed, let reason = status.state.failureReason {
                section.warn("the last sync failed: \(reason)", fix: "run `reach sync` to see the whole message")
            }
        } catch {
            section.problem("\(error)")
        }
        return section
    }

    private static func checkDriver(_ repository: GitRepository, into section: inout DoctorReport.Section) {
        guard let command = try? SyncSetup.driverCommand(in: repository) else {
            section.problem("Reach's merge driver is not registered: git would write conflict markers into records",
                            fix: "run `reach sync init` in this folder")
            return
        }
        let executable = SyncSetup.driverExecutable(of: command)
        guard let executable, access(executable, X_OK) == 0 else {
            section.problem("the merge driver points at \(executable ?? command), which is not an executable",
                            fix: "run `reach sync init` (or `reach sync`) with the reach you use now")
            return
        }
        section.ok("merge driver registered: \(executable) merge-file")
    }

    private static func checkAttributes(_ folder: String, into section: inout DoctorReport.Section) {
        let text = (try? String(contentsOfFile: folder + "/.gitattributes", encoding: .utf8)) ?? ""
        let lines = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = SyncSetup.attributeLines.filter { !lines.contains($0) }
        if missing.isEmpty {
            section.ok(".gitattributes sends every record file to the merge driver")
        } else {
            section.problem(".gitattributes lacks \(missing.joined(separator: ", "))", fix: "run `reach sync init` in this folder")
        }
    }
}
