#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import ReachStore

/// `reach doctor`: checks the data folder and the terminal and says what to fix; exit 1 when anything is broken.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the data folder and the terminal, and say what to fix.",
        discussion: """
            ✓ fine, ! worth a look, ✗ needs fixing, i information. Exit code 0 when there is no ✗, 1 otherwise.
            Records are loaded as `reach` loads them, so a damaged file is moved to quarantine/ and reported.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let home = HomeDirectory.resolve(environment: environment)
        var report = DoctorReport()
        let folder = DataFolderChoice.resolve(explicit: global.dataDir, environment: environment)
        report.sections = DoctorFolderChecks.sections(for: folder)
        report.sections.append(DoctorSyncChecks.section(folder: folder.path, environment: environment))
        report.sections.append(DoctorTerminalChecks.section(environment: environment, stdoutIsTTY: isatty(STDOUT_FILENO) == 1, home: home))
        // ✓ and ✗ need a UTF-8 locale to show; the locale check above explains the ASCII marks otherwise.
        print(report.render(unicode: DoctorTerminalChecks.isUTF8(currentLocale(environment))), terminator: "")
        guard report.problems == 0 else {
            // Exit directly: the report already said everything, and an error thrown from here would add a line to stderr.
            fflush(nil)
            Glibc.exit(1)
        }
    }
}

/// The locale the terminal text is shown in (`LC_ALL`, else `LC_CTYPE`, else `LANG`).
func currentLocale(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
}
