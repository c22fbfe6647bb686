import ArgumentParser
import Foundation
import Logging
import ReachStore

/// `reach import influencers|campaigns|deals|results FILE`: brings records and results in from spreadsheets and other folders.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import creators from CSV or JSON, campaigns and deals from JSON, or results (sales, clicks, post insights) from CSV.",
        discussion: """
            Creators: CSV (comma, semicolon or tab; UTF-8) or a JSON export. Columns are recognised by name \
            (Name, Instagram, IG handle, TikTok, Followers, Email, Country, Tags, ER...); --map fixes the rest. \
            A creator already on the roster (same handle on a platform, or same email) is merged, never duplicated: \
            empty fields are filled, accounts, tags and dated figures added; nothing typed before is overwritten.
            Campaigns and deals: a JSON array as written by `reach export ... --format json`.
            Results: a shop's discount-code report, an analytics export by UTM, a platform's post insights or an \
            affiliate CSV; rows match deals by discount code, tracking link, utm_content/utm_campaign or a live post URL \
            and are stored dated on the deal (re-importing the same rows changes nothing).
            Bad rows are listed with their line and reason; the good ones still import. Exit code 1 when any row \
            was rejected or could not be written.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case influencers, campaigns, deals, results
    }

    @Argument(help: "What to import: influencers, campaigns, deals or results.")
    var kind: Kind

    @Argument(help: "The CSV or JSON file.", completion: .file(extensions: ["csv", "tsv", "txt", "json"]))
    var file: String

    @Option(name: .customLong("map"), help: ArgumentHelp(
        "Read a column as a field (repeatable), e.g. --map 'IG Handle=instagram' --map 'Internal=ignore' (creators), "
        + "--map 'Gutscheincode=code' --map 'Umsatz=net_sales' (results).",
        valueName: "column=field"))
    var maps: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Show what would be created, merged and rejected; write nothing.")
    var dryRun = false

    @Flag(help: "List every row, including plain new and unchanged ones (always on with --dry-run).")
    var verbose = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if !maps.isEmpty && kind != .influencers && kind != .results {
            throw ValidationError("--map applies to importing influencers or results from CSV only.")
        }
    }

    func run() throws {
        let store = try global.openStore()
        let progress = ProgressLine()
        defer { progress.clear() }
        let report = try userFacing { () throws -> ImportReport in
            switch kind {
            case .influencers:
                let overrides = try maps.map { spec throws(InterchangeError) in try ColumnMapping.Override.parse(spec) }
                return try InfluencerImport.run(file: file, store: store, options: .init(
                    overrides: overrides, dryRun: dryRun, now: Date(),
                    progress: { event in progress.show(event.description, now: event.isWriting) }))
            case .campaigns:
                return try RecordsImport.campaigns(file: file, store: store, dryRun: dryRun)
            case .deals:
                return try RecordsImport.deals(file: file, store: store, dryRun: dryRun)
            case .results:
                let overrides = try maps.map { spec throws(InterchangeError) in try ResultColumns.Override.parse(spec) }
                return try ResultsImport.run(file: file, store: store, options: .init(overrides: overrides, dryRun: dryRun, now: Date()))
            }
        }
        progress.clear()
        printLines(report.lines(everyRow: dryRun || verbose))
        if !dryRun { store.logger.notice("import \(kind.rawValue): \(report.summary)") }
        if let failure = report.failure {
            throw UserError(description: "writing stopped (\(failure)); \(report.written.count) record(s) were written completely, "
                            + "\(report.notWritten.count) were not. Fix the problem and import again: written rows will merge, not duplicate.")
        }
        if report.rejected > 0 || !report.notWritten.isEmpty {
            throw UserError(description: "\(report.rejected) row(s) rejected, \(report.notWritten.count) not written (see the lines above). "
                            + "Fix them and import the file again: rows already imported merge, they do not duplicate.")
        }
    }
}
