import Foundation
import ReachCore

/// `reach import results FILE.csv`: matches each row of a sales, analytics, post-insights or affiliate export
/// to a deal (and for post insights a deliverable), stores it on the deal as a dated `ImportedResult`, and keeps
/// commission deals' computed commission line equal to what they owe.
///
/// A row is identified by key + day + file name, so importing the same rows again changes nothing and a changed
/// figure updates its entry. Rows of one file with the same key and day add up (an order-by-order report);
/// for post insights the later row wins. The whole file is read before anything is written.
public enum ResultsImport {
    public struct Options: Sendable {
        public var overrides: [ResultColumns.Override]
        public var dryRun: Bool
        /// The day of rows without a date, and the date of the deals' `updatedAt`.
        public var now: Date

        public init(overrides: [ResultColumns.Override] = [], dryRun: Bool = false, now: Date) {
            self.overrides = overrides
            self.dryRun = dryRun
            self.now = now
        }
    }

    public static func run(file: String, store: RecordStore, options: Options) throws(InterchangeError) -> ImportReport {
        var report = ImportReport(file: file, dryRun: options.dryRun)
        let deals = store.loadAll(Deal.self)
        let campaigns = store.loadAll(Campaign.self)
        let influencers = store.loadAll(Influencer.self)
        report.warnings += (deals.problems + campaigns.problems + influencers.problems).map(\.description)
        let settings = (try? store.loadWorkspace(WorkspaceSettings.self)) ?? nil
        let rates = settings?.currencyRates ?? CurrencyRates()
        let campaignsByID = Dictionary(campaigns.records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let creators = Dictionary(influencers.records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let fallback = settings?.reportingCurrency ?? .eur
        let currencies = Dictionary(deals.records.map { deal in
            (deal.id, deal.ledgerCurrency(campaign: campaignsByID[deal.campaignID], fallback: fallback))
        }, uniquingKeysWith: { a, _ in a })

        var reader = try DelimitedTextReader(path: file)
        guard let header = try reader.next() else { throw .emptyFile(file: file) }
        let columns = try ResultColumns(headers: header.fields, overrides: options.overrides, file: file)
        report.warnings += columns.warnings
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? .current
        let rows = ResultsRowReader(
            columns: columns, matcher: ResultsMatcher(deals: deals.records, campaigns: campaignsByID, influencers: creators),
            dealCurrency: currencies, rates: rates,
            // The name alone: the same export re-imported from another folder is the same source.
            sourceFile: URL(fileURLWithPath: file).lastPathComponent, today: utc.startOfDay(for: options.now))

        var plan = ResultsPlan(deals: deals.records)
        while let row = try reader.next() {
            if row.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            switch rows.read(row) {
            case .success(let matched):
                let name = plan.deal(matched.dealID).flatMap { creators[$0.influencerID]?.displayName } ?? ""
                let sameLine = plan.add(matched)
                report.rows.append(ImportRowResult(line: row.line, name: name, action: .unchanged(matched.dealID, sameFileLine: sameLine)))
            case .failure(let rejection):
                report.rows.append(ImportRowResult(line: row.line, name: "", action: .rejected(rejection.reason)))
            }
        }
        let day = ImportValues.format(utc.startOfDay(for: options.now))
        let changes = plan.apply(currencies: currencies, rates: rates, day: day)
        for index in report.rows.indices {
            guard case let .unchanged(dealID, _) = report.rows[index].action,
                  let change = changes.rows[report.rows[index].line] else { continue }
            report.rows[index].action = .merged(into: dealID, changes: [change.description], kept: [], sameFileLine: change.sameFileLine)
        }
        report.warnings += changes.warnings
        if !options.dryRun { write(changes.deals, plan: plan, to: store, now: options.now, currencies: currencies, rates: rates, day: day, report: &report) }
        return report
    }

    /// Saves each changed deal at the revision it was read at; a deal another session saved meanwhile gets the
    /// same rows applied to its new version.
    private static func write(_ changed: [Deal], plan: ResultsPlan, to store: RecordStore, now: Date,
                              currencies: [RecordID: CurrencyCode], rates: CurrencyRates, day: String, report: inout ImportReport) {
        let writer = RecordBatchWriter(store: store)
        var outcome = RecordBatchWriter.Outcome()
        for (index, deal) in changed.enumerated() {
            var updated = deal
            updated.updatedAt = now
            let ok = writer.update(updated, expectedRevision: plan.revision(of: deal.id), into: &outcome) { theirs in
                var again = theirs
                plan.reapply(to: &again, currency: currencies[theirs.id] ?? .eur, rates: rates, day: day)
                again.updatedAt = now
                return again
            }
            if !ok {
                outcome.notWritten += changed[(index + 1)...].map { Unwritten(id: $0.id, reason: "not written: writing stopped at an error") }
                break
            }
        }
        report.written = outcome.written
        report.notWritten = outcome.notWritten
        report.failure = outcome.failure
    }
}
