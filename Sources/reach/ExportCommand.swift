import Foundation
import ArgumentParser
import ReachStore

extension ExportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `reach export influencers|campaigns|deals`: records out as CSV (spreadsheets) or JSON (lossless).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export creators, campaigns or deals as CSV or JSON.",
        discussion: """
            JSON is an array of the records exactly as stored: it re-imports with `reach import`. The influencer CSV \
            re-imports to the same data (latest figures per account; the JSON keeps the full history). Campaign and \
            deal CSVs are for spreadsheets, with money in each campaign's currency. Archived records are included; \
            deleted ones (in the trash) are not. Files are written atomically and readable by you only.
            """
    )

    @Argument(help: "What to export: influencers, campaigns or deals.")
    var kind: ExportKind

    @Option(help: "csv or json.")
    var format: ExportFormat = .json

    @Option(help: ArgumentHelp("Only this campaign (id or name): its deals, its creators, or the campaign itself.", valueName: "id|name"))
    var campaign: String?

    @OptionGroup var destination: OutputOption

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore(reads: true)
        // Written as it is read: the output is never held whole (a JSON export of 100k creators was 1.9 GB).
        let result = try userFacing {
            let sink = try OutputSink(destination.output ?? "-")
            // One campaign's export finds its files through the folder index (brought up to date first); a whole
            // export reads every file anyway, and needs no index built for it.
            let index = campaign == nil ? nil : IndexedRecords.open(store)?.index
            let result = try Export.run(kind, format: format, campaign: campaign, store: store, index: index, into: sink)
            try sink.finish()
            return result
        }
        let warnings = result.problems.map { "warning: " + $0 }
        if let output = destination.output, output != "-" {
            printLines(warnings + ["Exported \(result.count) \(kind.rawValue) to \(output)."])
        } else {
            // Standard output carries the export itself: warnings go beside it, never into it.
            FileHandle.standardError.write(Data(warnings.map { $0 + "\n" }.joined().utf8))
        }
    }
}
