import Foundation
import ReachJSON
import ReachCore

/// The file formats `reach export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json
}

/// What `reach export` can export.
public enum ExportKind: String, CaseIterable, Sendable {
    case influencers, campaigns, deals
}

/// `reach export`: records as JSON (an array of the records exactly as stored, for backups and re-import)
/// or CSV (for spreadsheets; the influencer CSV re-imports to the same data).
///
/// Live records only, archived ones included; records in the trash are deleted and not exported.
/// Money totals in the CSVs come from `Budget`/`Deal.cost`, the computation the dashboard and reports use.
public enum Export {
    /// The rendered export and how many records it holds.
    public struct Output: Sendable {
        public var bytes: [UInt8]
        public var count: Int
        /// Files that could not be read (and so are missing from the export).
        public var problems: [String]
    }

    /// `run(_:format:campaign:store:into:)` kept in memory (tests, small folders).
    public static func run(_ kind: ExportKind, format: ExportFormat, campaign query: String?,
                           store: RecordStore) throws(InterchangeError) -> Output {
        let sink = MemorySink()
        let (count, problems) = try run(kind, format: format, campaign: query, store: store, into: sink)
        return Output(bytes: sink.bytes, count: count, problems: problems)
    }

    /// Loads what to export from `store` and writes it to `sink` as it is read; `campaign` (id or name) narrows to
    /// one campaign: its deals, the creators in them, or the campaign itself. Returns how many records went out and
    /// the files that could not be read (and so are missing from the export).
    ///
    /// `index` (the folder index, brought up to date) names one campaign's files, so its export reads those and not
    /// every file of the folder; what is written still comes from the files, checked again as they are read.
    public static func run(_ kind: ExportKind, format: ExportFormat, campaign query: String?, store: RecordStore,
                           index: FolderIndex? = nil, into sink: any ByteSink)
        throws(InterchangeError) -> (count: Int, problems: [String]) {
        let campaigns = store.loadAll(Campaign.self)
        var problems = campaigns.problems.map(\.description)
        let settings = ((try? store.loadWorkspace(WorkspaceSettings.self)) ?? nil) ?? WorkspaceSettings()
        let selected = try query.map { q throws(InterchangeError) in try RecordLookup.campaign(q, in: campaigns.records) }
        // The chosen campaign's deal files and, for a set of creators, theirs; nil: every file of the kind (no
        // campaign, no index, or the index failed), filtered as it is read.
        let campaignDealFiles = selected.flatMap { campaign in try? index?.dealFiles(ofCampaign: campaign.id) }
        func creatorFiles(_ ids: Set<RecordID>) -> [String]? {
            campaignDealFiles == nil ? nil : try? index?.creators(ids).files
        }
        // Records are read a chunk of files at a time, in id order, and only what the output needs is kept; what
        // is written goes to the sink as it is made: at 100k creators and 200k deals, holding every record (or
        // every byte of the output) was most of an export's time and memory.
        func eachChosenDeal(_ body: ([Deal]) throws(InterchangeError) -> Void) throws(InterchangeError) {
            problems += try chunks(Deal.self, store, files: campaignDealFiles) { chunk throws(InterchangeError) in
                try body(selected.map { campaign in chunk.filter { $0.campaignID == campaign.id } } ?? chunk)
            }
        }
        switch kind {
        case .influencers:
            // Every creator needs no deal; one campaign's creators are those of its deals.
            var wanted = Set<RecordID>()
            if selected != nil { try eachChosenDeal { wanted.formUnion($0.map(\.influencerID)) } }
            var rows: [CreatorCells] = []
            var json = JSONArrayOutput(sink, store: store)
            problems += try chunks(Influencer.self, store, files: creatorFiles(wanted)) { chunk throws(InterchangeError) in
                let kept = chunk.filter { selected == nil || wanted.contains($0.id) }
                // The CSV's columns depend on every creator's platforms: its rows wait (as cells, not records).
                if format == .csv { rows += kept.map(CreatorCells.init) } else { try json.append(kept) }
            }
            guard format == .csv else { return (try json.finish(), problems) }
            try influencersCSV(rows, into: sink)
            return (rows.count, problems)
        case .campaigns:
            let records = campaigns.records.filter { selected == nil || $0.id == selected?.id }.sorted { $0.id < $1.id }
            guard format == .csv else {
                var json = JSONArrayOutput(sink, store: store)
                try json.append(records)
                return (try json.finish(), problems)
            }
            var deals: [Deal] = []
            try eachChosenDeal { deals += $0 }
            try sink.write(campaignsCSV(records, deals: deals, settings: settings))
            return (records.count, problems)
        case .deals:
            guard format == .csv else {
                var json = JSONArrayOutput(sink, store: store)
                try eachChosenDeal { chunk throws(InterchangeError) in try json.append(chunk) }
                return (try json.finish(), problems)
            }
            // One campaign's deals (found through the index) are few: read first, so only their creators are read.
            var campaignDeals: [Deal]?
            if campaignDealFiles != nil {
                var deals: [Deal] = []
                try eachChosenDeal { deals += $0 }
                campaignDeals = deals
            }
            var creators: [RecordID: DealCreator] = [:]
            let wanted = campaignDeals.flatMap { creatorFiles(Set($0.map(\.influencerID))) }
            problems += try chunks(Influencer.self, store, files: wanted) { chunk throws(InterchangeError) in
                for creator in chunk { creators[creator.id] = DealCreator(creator) }
            }
            let campaignsByID = byID(campaigns.records)
            try sink.write(CSVText.bytes(header: dealsHeader, rows: [[String]]()))
            var count = 0
            func write(_ chunk: [Deal]) throws(InterchangeError) {
                count += chunk.count
                var bytes: [UInt8] = []
                CSVText.append(rows: chunk.lazy.map {
                    dealRow($0, creator: creators[$0.influencerID], campaign: campaignsByID[$0.campaignID], settings: settings)
                }, to: &bytes)
                try sink.write(bytes)
            }
            if let campaignDeals { try write(campaignDeals) } else { try eachChosenDeal(write) }
            return (count, problems)
        }
    }

    /// `RecordStore.forEachChunk` for a body that fails with an `InterchangeError` (a write to the sink).
    private static func chunks<R: Record>(_ type: R.Type, _ store: RecordStore, files: [String]? = nil,
                                          _ body: ([R]) throws(InterchangeError) -> Void) throws(InterchangeError) -> [String] {
        do {
            return try store.forEachChunk(type, files: files) { chunk in try body(chunk) }.map(\.description)
        } catch let error as InterchangeError {
            throw error
        } catch {
            throw .unsupported("Could not export: \(error)")
        }
    }

    /// Records written to a sink as one JSON array in the data folder's own format, a record at a time.
    ///
    /// Each record is taken from its file as stored (copied when it is in the folder's form, else parsed and written
    /// back in the folder's key order), so fields a newer Reach wrote are in the backup too, and no record is decoded
    /// and encoded again; the decoded record is encoded instead when its file no longer holds it (changed meanwhile)
    /// or holds an older schema (migrated).
    struct JSONArrayOutput {
        private let sink: any ByteSink
        private let store: RecordStore
        private var array = JSONWriter.ArrayStream()
        private var count = 0

        init(_ sink: any ByteSink, store: RecordStore) {
            self.sink = sink
            self.store = store
        }

        /// Each record's text is made on every core (its file read again and copied or parsed, or the record encoded): on one
        /// thread that was the slowest part of exporting 200,000 deals. A few hundred at a time, each batch written
        /// before the next is made: the texts of a whole chunk of records were 140 MB more at 100k.
        mutating func append<R: Record>(_ records: [R]) throws(InterchangeError) {
            let store = self.store, batchSize = 256
            for start in stride(from: 0, to: records.count, by: batchSize) {
                let batch = records[start..<min(records.count, start + batchSize)]
                let texts = ParallelSlots<Result<[UInt8], InterchangeError>>.map(batch.count, chunkSize: 32) { offset in
                    Result { () throws(InterchangeError) in
                        try Self.text(of: batch[batch.startIndex + offset], in: store)
                    }
                }
                var out: [UInt8] = []
                for text in texts { array.append(text: try text.get(), into: &out) }
                try sink.write(out)
            }
            count += records.count
        }

        private static func text<R: Record>(of record: R, in store: RecordStore) throws(InterchangeError) -> [UInt8] {
            if let data = try? Posix.readFile(store.layout.recordFile(R.kind, record.id)) {
                if let copied = data.withUnsafeBytes({ copiedAsStored(of: record, from: $0.bindMemory(to: UInt8.self)) }) {
                    return copied
                }
                if let stored = try? JSONParser.parse(data), case .object(let fields) = stored,
                   fields["id"] == .string(record.id.rawValue), fields["revision"]?.intValue == record.revision,
                   fields["schemaVersion"]?.intValue == R.currentSchemaVersion {
                    return JSONWriter.ArrayStream.text(of: stored)
                }
            }
            do {
                return JSONWriter.ArrayStream.text(of: try RecordCoding.encode(record, what: "an exported record"))
            } catch {
                throw .unsupported("Could not encode the export: \(error)")
            }
        }

        /// The file's own lines, when it is in the folder's form (as every file Reach writes is) and holds this
        /// revision of the record: the same text the parse and write would give, without either.
        private static func copiedAsStored<R: Record>(of record: R, from bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
            DirectDecoding.withDocument(bytes, scratch: DirectDecoding.Scratch()) { root in
                guard FolderForm.holds(root, count: bytes.count), var members = try? root.members() else { return nil }
                var matched = 0
                while let member = members.next() {
                    if member.hasKey("id") {
                        guard (try? member.value.string()) == record.id.rawValue else { return nil }
                    } else if member.hasKey("revision") {
                        guard (try? member.value.integer(Int.self)) == record.revision else { return nil }
                    } else if member.hasKey("schemaVersion") {
                        guard (try? member.value.integer(Int.self)) == R.currentSchemaVersion else { return nil }
                    } else {
                        continue
                    }
                    matched += 1
                }
                return matched == 3 ? FolderForm.elementText(bytes) : nil
            }
        }

        /// Closes the array; returns how many records it holds.
        mutating func finish() throws(InterchangeError) -> Int {
            var out: [UInt8] = []
            array.end(into: &out)
            try sink.write(out)
            return count
        }
    }

    /// Records as one JSON array, in the data folder's own format.
    public static func json<R: Record>(_ records: [R]) throws(InterchangeError) -> [UInt8] {
        do {
            return try JSONRecordFile.bytes(of: records)
        } catch {
            throw .unsupported("Could not encode the export: \(error)")
        }
    }

    /// The influencer CSV: one row per creator, one column group per platform in use; re-imports to the same data.
    ///
    /// Per account it holds the latest followers, ER and average views with the newest of their dates
    /// (`<platform>_as_of`); the full snapshot history, audience, vetting and rate card are in the JSON export.
    public static func influencersCSV(_ records: [Influencer]) -> [UInt8] {
        let sink = MemorySink()
        // A memory sink takes every write.
        try? influencersCSV(records.map(CreatorCells.init), into: sink)
        return sink.bytes
    }

    /// The same from cells made while each record was in memory (see `RecordStore.forEachChunk`), written to
    /// `sink` a few thousand rows at a time.
    static func influencersCSV(_ rows: [CreatorCells], into sink: any ByteSink) throws(InterchangeError) {
        let inUse = Set(rows.flatMap(\.platforms.keys))
        let platforms = Platform.known.filter(inUse.contains) + inUse.filter { !$0.isKnown }.sorted()
        let fields = CreatorCells.simpleFields + platforms.flatMap(CreatorCells.platformFields)
        let empty = [String](repeating: "", count: 6)
        try sink.write(CSVText.bytes(header: fields.map(\.name), rows: [[String]]()))
        for start in stride(from: 0, to: rows.count, by: 4_096) {
            var bytes: [UInt8] = []
            CSVText.append(rows: rows[start..<min(rows.count, start + 4_096)].lazy.map { row in
                row.simple + platforms.flatMap { row.platforms[$0] ?? empty }
            }, to: &bytes)
            try sink.write(bytes)
        }
    }

    /// One creator's CSV cells: the fixed columns, and the six of each platform they are on. Much smaller than
    /// the record, so an export of 100,000 creators need not hold 100,000 records.
    struct CreatorCells {
        static let simpleFields = InfluencerField.simple.map(\.1).filter { $0 != .platform && $0 != .ignored }
        static func platformFields(_ p: Platform) -> [InfluencerField] {
            [.handle(p), .profileURL(p), .followers(p), .engagementRate(p), .avgViews(p), .metricsAsOf(p)]
        }

        var simple: [String]
        var platforms: [Platform: [String]] = [:]

        init(_ inf: Influencer) {
            simple = Self.simpleFields.map { Export.value(of: $0, in: inf) }
            for platform in Set(inf.accounts.map(\.platform)) {
                platforms[platform] = Self.platformFields(platform).map { Export.value(of: $0, in: inf) }
            }
        }
    }

    private static func value(of field: InfluencerField, in inf: Influencer) -> String {
        func list(_ items: [String]) -> String { items.joined(separator: ", ") }
        switch field {
        case .id: return inf.id.rawValue
        case .displayName: return inf.displayName
        case .realName: return inf.realName ?? ""
        case .firstName: return inf.firstName ?? ""
        case .email: return inf.contact.email ?? ""
        case .phone: return inf.contact.phone ?? ""
        case .otherContact: return inf.contact.other ?? ""
        case .country: return inf.country ?? ""
        case .city: return inf.city ?? ""
        case .languages: return list(inf.languages)
        case .timeZone: return inf.timeZone ?? ""
        case .tags: return list(inf.tags)
        case .niches: return list(inf.niches.map(\.rawValue))
        case .notes: return inf.notes ?? ""
        case .relationship: return inf.relationship.displayName
        case .doNotContact: return inf.doNotContact ? "yes" : ""
        case .doNotContactReason: return inf.doNotContactReason ?? ""
        case .archived: return inf.archived ? "yes" : ""
        case .agentName: return inf.agent?.name ?? ""
        case .agency: return inf.agent?.agency ?? ""
        case .agentEmail: return inf.agent?.contact.email ?? ""
        case .agentPhone: return inf.agent?.contact.phone ?? ""
        case .mainPlatform: return inf.accounts.first(where: \.isMain)?.platform.rawValue ?? ""
        case .platform, .ignored: return ""
        case let .handle(p): return p.flatMap { inf.account(on: $0) }?.handle ?? ""
        case let .profileURL(p): return p.flatMap { inf.account(on: $0) }?.url ?? ""
        case let .followers(p): return CSVText.number(p.flatMap { inf.account(on: $0) }?.latestFollowers?.value)
        case let .engagementRate(p): return p.flatMap { inf.account(on: $0) }?.latestEngagementRate.map { "\($0.value)" } ?? ""
        case let .avgViews(p): return CSVText.number(p.flatMap { inf.account(on: $0) }?.latestAvgViews?.value)
        case let .metricsAsOf(p):
            guard let account = p.flatMap({ inf.account(on: $0) }) else { return "" }
            let dates = [account.latestFollowers?.asOf, account.latestEngagementRate?.asOf, account.latestAvgViews?.asOf].compactMap { $0 }
            return dates.max().map(ImportValues.format) ?? ""
        }
    }

    /// One row per campaign with its budget position (planned, committed, paid, remaining) from `Budget.summary`.
    public static func campaignsCSV(_ campaigns: [Campaign], deals: [Deal], settings: WorkspaceSettings) -> [UInt8] {
        let header = ["id", "name", "brand", "product", "owner", "status", "start_date", "end_date", "goals", "currency",
                      "budget", "committed", "paid", "remaining", "deals", "missing_rates", "archived"]
        let byCampaign = Dictionary(grouping: deals, by: \.campaignID)
        let rows = campaigns.map { c -> [String] in
            let mine = byCampaign[c.id] ?? []
            let budget = Budget.summary(for: c, deals: mine, rates: settings.currencyRates, pipeline: settings.pipeline)
            return [c.id.rawValue, c.name, c.brand, c.product ?? "", c.owner ?? "", c.status.displayName,
                    c.startDate.map(ImportValues.format) ?? "", c.endDate.map(ImportValues.format) ?? "",
                    c.goals.map(\.rawValue).sorted().joined(separator: ", "), c.reportingCurrency.rawValue,
                    CSVText.amount(budget.planned), CSVText.amount(budget.committed), CSVText.amount(budget.paid),
                    CSVText.amount(budget.remaining), String(mine.count),
                    budget.missingRates.map(\.rawValue).joined(separator: ", "), c.archived ? "yes" : ""]
        }
        return CSVText.bytes(header: header, rows: rows)
    }

    /// The deal CSV's columns: who, which campaign, stage, money in the campaign currency and summed results.
    static let dealsHeader = ["id", "campaign_id", "campaign", "influencer_id", "influencer", "main_handle", "stage", "exit_reason",
                      "owner", "partnership", "compensation", "pricing_model", "agreed_fee", "agreed_currency", "currency",
                      "committed", "paid", "discount_code", "referral_link", "deliverables", "deliverables_live",
                      "next_action", "next_action_due", "reach", "impressions", "views", "engagements", "clicks",
                      "conversions", "revenue", "roi_percent", "archived"]

    /// What a deal row shows of its creator, kept for every creator while the deals are read.
    struct DealCreator {
        var name: String
        var mainHandle: String

        init(_ creator: Influencer) {
            name = creator.displayName
            mainHandle = creator.mainAccount.map { "\($0.platform.rawValue):@\($0.handle)" } ?? ""
        }
    }

    /// One deal's row of the deal CSV.
    static func dealRow(_ d: Deal, creator: DealCreator?, campaign: Campaign?, settings: WorkspaceSettings) -> [String] {
        let rates = settings.currencyRates
        let currency = campaign?.reportingCurrency ?? d.agreedFee?.currency ?? settings.reportingCurrency
        let paid = d.cost(in: currency, rates: rates)
        let totals = d.resultTotals(in: currency, rates: rates)
        return [d.id.rawValue, d.campaignID.rawValue, campaign?.name ?? "", d.influencerID.rawValue,
                creator?.name ?? "", creator?.mainHandle ?? "",
                settings.pipeline.name(of: d.stage), d.exitReason ?? "", d.owner ?? "", d.partnershipType.rawValue,
                d.compensation.rawValue, d.pricing.model.rawValue, CSVText.amount(d.agreedFee),
                d.agreedFee?.currency.rawValue ?? "", currency.rawValue,
                CSVText.amount(d.cost(in: currency, rates: rates, committed: true)), CSVText.amount(paid),
                d.tracking.discountCode ?? "", d.tracking.referralLink ?? "",
                String(d.deliverables.filter { !$0.isDropped }.reduce(0) { $0 + $1.count }),
                String(d.deliverables.filter { $0.isLive && !$0.isDropped }.reduce(0) { $0 + $1.count }),
                d.nextAction?.summary ?? "", d.nextAction.map { ImportValues.format($0.due) } ?? "",
                String(totals.reach), String(totals.impressions), String(totals.views), String(totals.engagements),
                String(totals.clicks), String(totals.conversions), CSVText.amount(totals.revenue),
                CSVText.decimal(paid.flatMap { Metrics.roi(revenue: totals.revenue, cost: $0) }), d.archived ? "yes" : ""]
    }

    /// Writes `bytes` to `path` atomically (temp file, fsync, rename), readable by the owner only since
    /// exports hold personal data. A failure leaves any existing file untouched.
    private static func byID<R: Record>(_ records: [R]) -> [RecordID: R] {
        Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
