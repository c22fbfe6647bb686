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
        report.sections = DoctorFolderChecks.sections(for: DataFolderChoice.resolve(explicit: global.dataDir, environment: environment))
        report.sections.append(DoctorTerminalChecks.section(environment: environment, stdoutIsTTY: isatty(STDOUT_FILENO) == 1, home: home))
        // ✓ and ✗ need a UTF-8 locale to show; the locale check above explains the ASCII marks otherwise.
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        print(report.render(unicode: DoctorTerminalChecks.isUTF8(locale)), terminator: "")
        guard report.problems == 0 else {
            // Exit directly: the report already said everything, and an error thrown from here would add a line to stderr.
            fflush(nil)
            Glibc.exit(1)
        }
    }
}
