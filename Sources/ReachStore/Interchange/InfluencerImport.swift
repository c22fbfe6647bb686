import Foundation
import ReachCore

/// `reach import influencers FILE.csv|FILE.json`: reads the file row by row, recognises duplicates
/// (against the roster and within the file) and merges them, and writes the result unless it is a dry run.
///
/// A problem with the whole file (not UTF-8, a quote never closed, no usable column) stops the import
/// before anything is written; a problem with one row rejects that row only.
public enum InfluencerImport {
    public struct Options: Sendable {
        public var overrides: [ColumnMapping.Override]
        public var dryRun: Bool
        /// The date of new metric snapshots and created records.
        public var now: Date
        /// Told every `ImportProgress.rowsPerUpdate` rows, and once when writing starts; on the importing thread.
        public var progress: (@Sendable (ImportProgress) -> Void)?

        public init(overrides: [ColumnMapping.Override] = [], dryRun: Bool = false, now: Date,
                    progress: (@Sendable (ImportProgress) -> Void)? = nil) {
            self.overrides = overrides
            self.dryRun = dryRun
            self.now = now
            self.progress = progress
        }
    }

    public static func run(file: String, store: RecordStore, options: Options) throws(InterchangeError) -> ImportReport {
        var report = ImportReport(file: file, dryRun: options.dryRun)
        let loaded = store.loadAll(Influencer.self)
        report.warnings += loaded.problems.map(\.description)
        // New creators are written (as hidden temp files) while the file is still being read.
        let staging = options.dryRun ? nil : StagedBatch<Influencer>(store: store, now: store.clock(), besideProducer: true)
        var plan = InfluencerImportPlan(roster: loaded.records, now: options.now, staging: staging)
        let source = "import: " + (file.split(separator: "/").last.map(String.init) ?? file)

        func add(_ result: Result<ImportCandidate, RowRejection>, line: Int, fallbackName: String, fraction: @autoclosure () -> Double?) {
            switch result {
            case .success(let candidate):
                let planned = plan.add(candidate, line: line)
                report.rows.append(ImportRowResult(line: line, name: candidate.influencer.displayName,
                                                   action: planned.action, warnings: candidate.warnings + planned.notes))
            case .failure(let rejection):
                report.rows.append(ImportRowResult(line: line, name: fallbackName, action: .rejected(rejection.reason)))
            }
            if let progress = options.progress, report.rows.count % ImportProgress.rowsPerUpdate == 0 {
                progress(.reading(rows: report.rows.count, fractionOfFile: fraction()))
            }
        }

        func readRows() throws(InterchangeError) {
            if try isJSON(file) {
                guard options.overrides.isEmpty else {
                    throw .unsupported("--map applies to CSV files; \(file) is JSON and its fields already have Reach's names.")
                }
                for element in try JSONRecordFile.elements(path: file) {
                    let name = element.value["displayName"]?.stringValue ?? ""
                    add(JSONRecordFile.decode(Influencer.self, from: element.value).flatMap { candidate(from: $0, source: source) },
                        line: element.line, fallbackName: name, fraction: nil)
                }
            } else {
                var reader = try DelimitedTextReader(path: file)
                guard let header = try reader.next() else { throw .emptyFile(file: file) }
                let mapping = try ColumnMapping(headers: header.fields, overrides: options.overrides, file: file)
                report.warnings += mapping.warnings
                let rows = InfluencerRowReader(mapping: mapping, consentSource: source, now: options.now)
                var state = InfluencerRowReader.State()
                while let row = try reader.next() {
                    // Spreadsheets export rows of empty cells below the data; they are not creators.
                    if row.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
                    add(rows.read(row, state: &state), line: row.line, fallbackName: fallbackName(row, mapping), fraction: reader.fractionRead)
                }
            }
        }

        do throws(InterchangeError) {
            try readRows()
        } catch {
            plan.abandon()
            throw error
        }
        if !options.dryRun {
            options.progress?(.writing(newRecords: report.created))
            plan.write(to: store, report: &report)
        }
        return report
    }

    /// JSON when the name says so or the first non-blank byte opens an array.
    private static func isJSON(_ file: String) throws(InterchangeError) -> Bool {
        if file.lowercased().hasSuffix(".json") { return true }
        if file.lowercased().hasSuffix(".csv") || file.lowercased().hasSuffix(".tsv") { return false }
        var chunks = try ByteChunks(path: file)
        while let byte = try chunks.next() {
            if byte == UInt8(ascii: "[") { return true }
            if ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), 0xEF, 0xBB, 0xBF].contains(byte) { return false }
        }
        return false
    }

    /// A creator from an exported JSON record: handles normalised, validated, source recorded if missing.
    private static func candidate(from record: Influencer, source: String) -> Result<ImportCandidate, RowRejection> {
        var influencer = record
        for i in influencer.accounts.indices { influencer.accounts[i].handle = Handle.normalise(influencer.accounts[i].handle) }
        if influencer.consent == nil { influencer.consent = DataConsent(source: source) }
        let problems = influencer.validate().filter { $0.severity == .error }
        guard problems.isEmpty else { return .failure(RowRejection(reason: problems.map(\.description).joined(separator: " "))) }
        guard influencer.id.isWellFormed else {
            return .failure(RowRejection(reason: "id \"\(influencer.id)\" is not a Reach id (26 characters of Crockford base32)."))
        }
        return .success(ImportCandidate(influencer: influencer, hasFileID: true))
    }

    /// Something to call a rejected row by: its first non-empty name, handle or email.
    private static func fallbackName(_ row: DelimitedTextReader.Row, _ mapping: ColumnMapping) -> String {
        for (index, field) in mapping.fields.enumerated() where field.identifies && index < row.fields.count {
            let value = row.fields[index].trimmingWhitespace()
            if !value.isEmpty { return value }
        }
        return ""
    }
}
