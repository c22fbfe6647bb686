import ArgumentParser
import Foundation
import ReachStore

/// `reach person export|erase`: GDPR requests about one creator.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "GDPR: export everything held about one creator, or erase them.",
        subcommands: [PersonExportCommand.self, PersonEraseCommand.self]
    )
}

/// Who a GDPR request is about.
struct PersonArgument: ParsableArguments {
    @Argument(help: "The creator's id, name, @handle or email. If several match, their ids are listed.")
    var person: String
}

/// `reach person export NAME|ID`: one JSON document with everything about the creator (access request).
struct PersonExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Everything held about one creator (record, deals, activities, payments) as one JSON document."
    )

    @OptionGroup var who: PersonArgument

    @OptionGroup var destination: OutputOption

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        let bytes = try userFacing {
            try PersonData.export(try PersonData.find(who.person, store: store), store: store, now: Date())
        }
        try emit(bytes, to: destination.output)
    }
}

/// `reach person erase NAME|ID --yes`: the right to erasure.
struct PersonEraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase one creator: their files everywhere in the data folder, and every mention in deals and notes.",
        discussion: """
            Removes the creator's record (also from the trash, backups and quarantine) and replaces every text that \
            mentions them (names, handles, contacts, notes, activity summaries) with "erased". Money and results in \
            their deals stay, so campaign totals do not change. The erasure is logged in logs/erasures.jsonl without \
            personal data. Without --yes, only shows what would be erased (exit code 1). Copies outside the data \
            folder (your exports, backups of the server) are not touched. In a synced folder (`reach sync init`), git \
            history still holds the old versions: --purge-history rewrites it and force-pushes (docs/sync.md).
            """
    )

    @OptionGroup var who: PersonArgument

    @Flag(help: "Really erase (this cannot be undone).")
    var yes = false

    @Flag(help: "In a synced folder, also rewrite git history so no commit holds them, and force-push it (needs --yes).")
    var purgeHistory = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        let subject = try userFacing { try PersonData.find(who.person, store: store) }
        guard yes else {
            printLines(PersonData.planErasure(subject, store: store, now: Date()).lines)
            if isSynced { printLines([Self.historyWarning]) }
            throw UserError(description: "nothing was erased: add --yes to erase \(subject.influencer.displayName).")
        }
        let done = try userFacing {
            do {
                return try PersonData.erase(subject, store: store, now: Date())
            } catch let error as StoreError {
                throw UserError(description: "\(error.description) The erasure is incomplete: run the same command again to finish it.")
            }
        }
        printLines(done.lines)
        try handleHistory(of: done, store: store)
        if !done.problems.isEmpty {
            throw UserError(description: "\(done.problems.count) file(s) need checking by hand (listed above).")
        }
    }
}

extension PersonEraseCommand {
    static let historyWarning = """
        This folder is synced through git: its history (here, on the remote and on every other server) still holds \
        the old versions. --purge-history rewrites it and force-pushes; every other server must then take the new \
        history (docs/sync.md, "Erasing a person").
        """

    private var isSynced: Bool { FileManager.default.fileExists(atPath: global.dataFolder.path + "/.git") }

    func validate() throws {
        if purgeHistory, !yes { throw ValidationError("--purge-history rewrites shared history: add --yes to confirm.") }
    }

    /// After the erasure: the git history warning, or the purge when asked for.
    private func handleHistory(of done: ErasurePlan, store: RecordStore) throws {
        guard isSynced else { return }
        guard purgeHistory else {
            printLines([Self.historyWarning])
            return
        }
        printLines(["Rewriting git history; after the force-push every other server must take the new history (docs/sync.md)."])
        let repository = try syncRepository(folder: global.dataFolder.path, store: store)
        let outcome = try userFacingSync { () throws(SyncError) in
            try SyncHistoryPurge(repository: repository).purge(removed: done.removed, anonymised: done.anonymised.map(\.file))
        }
        printLines(["Rewrote \(outcome.commitsRewritten) commits; old versions pruned from this clone."
                    + (outcome.pushed ? " Force-pushed to origin." : " No remote: nothing pushed.")])
    }
}
