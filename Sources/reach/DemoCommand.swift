import ArgumentParser
import Foundation
import ReachCore
import ReachDemo
import ReachStore

/// `reach demo`: fills an empty data folder with demo data, so Reach can be tried (or load-tested) in a minute.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write demo data into an empty data folder.",
        discussion: """
            Without --scale: about 70 creators from many countries and scripts, the seven typical campaigns and their deals, \
            with follow-ups, drafts, posts and payments due around today.
            With --scale N: N generated creators, N/500 campaigns (at least 7) and about 2 deals per creator, for load tests.

            Safety: demo never deletes, overwrites or mixes with existing records. It refuses any folder that already holds \
            records (live, in trash/, quarantine/ or backups/), even with --force. --force only allows a folder that has other \
            files, such as reach.json or notes; an existing reach.json is kept as it is.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Generate this many creators instead of the hand-written set.", valueName: "N"))
    var scale: Int?

    @Option(help: "Random seed; the same seed gives the same data.")
    var seed: UInt64 = 1

    @Flag(help: "Also write into a folder that has other files (never into one that has records).")
    var force = false

    func validate() throws {
        if let scale, !(1...1_000_000).contains(scale) { throw ValidationError("--scale must be between 1 and 1000000.") }
    }

    func run() throws {
        let folder = DataFolderChoice.resolve(explicit: global.dataDir)
        let survey = DataFolderSurvey(folder: folder.path)
        if survey.holdsData {
            let counts = RecordKind.allCases.compactMap { kind in survey.records[kind].map { "\($0) \(kind.folderName)" } }
            let elsewhere = survey.trashed.count + survey.quarantined.count + survey.backups.count
            let what = (counts + (elsewhere > 0 ? ["\(elsewhere) files in trash/, quarantine/ or backups/"] : [])).joined(separator: ", ")
            throw UserError(description: """
                \(folder.path) already holds data (\(what)). Demo data is never written next to existing records, \
                even with --force, so nothing of yours can be mixed up or overwritten. Use an empty folder instead, \
                e.g. reach --data-dir /tmp/reach-demo demo
                """)
        }
        if !survey.otherEntries.isEmpty && !force {
            throw UserError(description: """
                \(folder.path) is not empty: it has \(survey.otherEntries.prefix(5).joined(separator: ", ")). \
                Run again with --force to add demo records next to these (nothing is deleted or overwritten), or use an empty folder.
                """)
        }

        let clock = ContinuousClock()
        let started = clock.now
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let demo = DemoData.make(now: now, seed: seed, scale: scale)
        try folder.createParentsIfDefault()
        let store = try openDataFolder(folder.path)
        _ = try store.insertBatch(demo.templates)
        _ = try store.insertBatch(demo.campaigns)
        _ = try store.insertBatch(demo.influencers)
        _ = try store.insertBatch(demo.deals)
        // Whatever is in an existing reach.json (even settings this build cannot read) stays untouched.
        let keptSettings = FileManager.default.fileExists(atPath: store.layout.workspaceFile)
        if !keptSettings { try store.saveWorkspace(demo.settings) }
        let seconds = Double((clock.now - started).components.attoseconds) / 1e18 + Double((clock.now - started).components.seconds)

        print("""
            Demo data written to \(folder.path) (chosen by \(folder.rule)) in \(String(format: "%.1f", seconds)) s:
              \(demo.influencers.count) influencers, \(demo.campaigns.count) campaigns, \(demo.deals.count) deals, \(demo.templates.count) templates
            """)
        if keptSettings {
            print("  reach.json was already there and was kept: the demo's exchange rates were not added.")
        } else {
            print("  reach.json with exchange rates for \(Set(demo.settings.currencyRates.rates.flatMap { [$0.from, $0.to] }).count) currencies")
        }
        print("""

            Open it with:   \(folder.openCommand)
            Check it with:  \(folder.openCommand) doctor
            """)
    }
}
