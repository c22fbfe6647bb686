import ArgumentParser
import Foundation
import ReachApp
import ReachCore
import ReachStore

extension Agenda.Format: ExpressibleByArgument {}

/// `reach today`: the Today screen as text for a login banner, `watch` or a cron mail (like `calcurse -a`).
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Print your agenda: overdue and due next steps, drafts, posts, payments, rights ending, deals with no next step.",
        discussion: """
            Grouped as on the Today screen. Yours by default: the deals owned by $REACH_USER (a team member's name \
            or login), else the team member whose login is $USER, else $USER. Plain text unless standard output is \
            a terminal (then overdue items are red, unless NO_COLOR is set). Exits 0 even when nothing is due.
            """
    )

    @Flag(help: "Everyone's deals, not only yours.")
    var all = false

    @Option(help: ArgumentHelp("One owner's deals (a team member's name or login).", valueName: "name"))
    var owner: String?

    @Option(help: "text, md or json.")
    var format: Agenda.Format = .text

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if all, owner != nil { throw ValidationError("--all and --owner cannot be used together.") }
    }

    func run() throws {
        if let indexed = IndexedRecords.open(try global.openStore(reads: true)) {
            let settings = indexed.settings.workspace
            if let page = indexed.agendaPage(now: Date(), timeZone: .current, user: currentUser(settings), scope: scope(settings)) {
                return print(page, problems: indexed.problems)
            }
        }
        try global.withCurrentWorkspace { _, workspace, problems in
            let settings = workspace.settings.workspace
            print(Agenda.page(workspace, now: Date(), timeZone: .current, user: currentUser(settings), scope: scope(settings)),
                  problems: problems)
        }
    }

    /// Whose deals: `--all`, `--owner` (a team member's name or login) or the current user's.
    private func scope(_ settings: WorkspaceSettings) -> OwnerScope {
        if all { return .everyone }
        guard let owner else { return .mine }
        return .owner(settings.teamMembers.first { UserIdentity.same($0.login, owner) }?.name ?? owner)
    }

    private func print(_ page: Agenda.Page, problems: [String]) {
        let environment = ProcessInfo.processInfo.environment
        let color = format == .text && isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"].map(\.isEmpty) != false
        FileHandle.standardOutput.write(Data(Agenda.render(page, format: format, color: color).utf8))
        for problem in problems { FileHandle.standardError.write(Data("reach: \(problem)\n".utf8)) }
    }
}
