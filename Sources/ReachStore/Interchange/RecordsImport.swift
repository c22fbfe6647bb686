import Foundation
import ReachCore

/// `reach import deals|campaigns FILE.json`: records as exported, each validated (fields, references to
/// creators and campaigns, unique discount codes) and created with its id. A record whose id already
/// exists is left alone: "unchanged" when identical, rejected when different (never overwritten).
public enum RecordsImport {
    public static func campaigns(file: String, store: RecordStore, dryRun: Bool) throws(InterchangeError) -> ImportReport {
        try run(Campaign.self, file: file, store: store, dryRun: dryRun, name: \.name) { campaign in
            campaign.validate().filter { $0.severity == .error }.map(\.description)
        }
    }

    public static func deals(file: String, store: RecordStore, dryRun: Bool) throws(InterchangeError) -> ImportReport {
        let loadedInfluencers = store.loadAll(Influencer.self)
        let loadedCampaigns = store.loadAll(Campaign.self)
        let loadedDeals = store.loadAll(Deal.self)
        let influencers = Dictionary(loadedInfluencers.records.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let campaigns = Dictionary(loadedCampaigns.records.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let pipeline = ((try? store.loadWorkspace(WorkspaceSettings.self)) ?? nil)?.pipeline ?? .default
        var codes: [String: RecordID] = [:]
        for deal in loadedDeals.records { if let code = deal.tracking.discountCodeKey { codes[code] = deal.id } }
        let problems = (loadedInfluencers.problems + loadedCampaigns.problems + loadedDeals.problems).map(\.description)
        return try run(Deal.self, file: file, store: store, dryRun: dryRun, existing: (loadedDeals.records, problems),
                       name: { "\(influencers[$0.influencerID] ?? "?") in \(campaigns[$0.campaignID] ?? "?")" }) { deal in
            var problems = deal.validate(pipeline: pipeline).filter { $0.severity == .error }.map(\.description)
            if influencers[deal.influencerID] == nil {
                problems.append("influencerID: creator \(deal.influencerID) is not in this data folder: import the creators first.")
            }
            if campaigns[deal.campaignID] == nil {
                problems.append("campaignID: campaign \(deal.campaignID) is not in this data folder: import the campaigns first.")
            }
            if let code = deal.tracking.discountCodeKey, let owner = codes[code], owner != deal.id {
                problems.append("tracking.discountCode: \(code) is already used by deal \(owner): give each creator a unique code.")
            } else if problems.isEmpty, let code = deal.tracking.discountCodeKey {
                codes[code] = deal.id
            }
            return problems
        }
    }

    /// Reads, validates and writes records of one kind; `problems` is asked once per record to be created.
    private static func run<R: Record>(
        _ type: R.Type, file: String, store: RecordStore, dryRun: Bool, existing: (records: [R], problems: [String])? = nil,
        name: (R) -> String, problems: (R) -> [String]
    ) throws(InterchangeError) -> ImportReport {
        var report = ImportReport(file: file, dryRun: dryRun)
        var known: [RecordID: R] = [:]
        let loaded = existing ?? { let all = store.loadAll(R.self); return (all.records, all.problems.map(\.description)) }()
        report.warnings += loaded.problems
        for record in loaded.records { known[record.id] = record }
        var createdOn: [RecordID: Int] = [:]
        var toCreate: [R] = []
        for element in try JSONRecordFile.elements(path: file) {
            let fallback = element.value["name"]?.stringValue ?? element.value["id"]?.stringValue ?? ""
            let record: R
            switch JSONRecordFile.decode(R.self, from: element.value) {
            case .success(let decoded): record = decoded
            case .failure(let rejection):
                report.rows.append(ImportRowResult(line: element.line, name: fallback, action: .rejected(rejection.reason)))
                continue
            }
            func row(_ action: ImportAction) -> ImportRowResult {
                ImportRowResult(line: element.line, name: name(record), action: action)
            }
            guard record.id.isWellFormed else {
                report.rows.append(row(.rejected("id \"\(record.id)\" is not a Reach id (26 characters of Crockford base32).")))
                continue
            }
            if let line = createdOn[record.id] {
                report.rows.append(row(.rejected("the same id as the record on line \(line).")))
                continue
            }
            if let current = known[record.id] {
                report.rows.append(row(sameContent(current, record)
                    ? .unchanged(record.id, sameFileLine: nil)
                    : .rejected("\(record.id) already exists with different content and was not overwritten: edit it in Reach, or delete it there first to replace it.")))
                continue
            }
            let found = problems(record)
            guard found.isEmpty else {
                report.rows.append(row(.rejected(found.joined(separator: " "))))
                continue
            }
            createdOn[record.id] = element.line
            toCreate.append(record)
            report.rows.append(row(.created(record.id)))
        }
        if !dryRun {
            var outcome = RecordBatchWriter.Outcome()
            RecordBatchWriter(store: store).insertNew(toCreate[...], into: &outcome)
            report.written = outcome.written
            report.notWritten = outcome.notWritten
            report.failure = outcome.failure
        }
        return report
    }

    /// Equal apart from the bookkeeping the store sets on save.
    private static func sameContent<R: Record>(_ a: R, _ b: R) -> Bool {
        var x = a, y = b
        x.revision = 0; y.revision = 0
        x.updatedAt = .distantPast; y.updatedAt = .distantPast
        x.schemaVersion = 0; y.schemaVersion = 0
        return x == y
    }
}
