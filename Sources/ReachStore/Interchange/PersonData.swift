import Foundation
import ReachCore

/// What a GDPR erasure will do (before `--yes`) or did (after), file by file.
public struct ErasurePlan: Sendable, Equatable {
    /// One file and how many of its strings are (or would be) replaced by "erased".
    public struct Anonymised: Sendable, Equatable {
        public var file: String
        public var strings: Int
    }

    public var influencerID: RecordID
    public var name: String
    /// Data-folder-relative paths of the creator's own files (live, trash, backup, quarantine copies).
    public var removed: [String]
    public var anonymised: [Anonymised]
    /// Files that could not be handled automatically; a person must check them.
    public var problems: [String]
    public var applied: Bool

    /// The listing for a terminal.
    public var lines: [String] {
        var out = [(applied ? "Erased" : "Would erase") + " \(name) (\(influencerID)):"]
        out += removed.map { "  remove     " + $0 }
        out += anonymised.map { "  anonymise  \($0.file) (\($0.strings) value\($0.strings == 1 ? "" : "s") → \"erased\")" }
        out += problems.map { "  check      " + $0 }
        out.append("Money and results in their deals stay, so campaign totals do not change; names, handles, contacts, "
                   + "notes and activity summaries that mention them become \"erased\".")
        out.append(applied ? "Logged (without personal data) in \(ErasureLog.relativePath)."
                           : "Nothing was changed. Run again with --yes to erase; this cannot be undone.")
        return out
    }
}

/// GDPR requests about one creator: a copy of everything held about them (access), or erasure.
public enum PersonData {
    /// The creator a request is about, found among live and deleted (trash) records.
    public struct Subject: Sendable {
        public var influencer: Influencer
        public var inTrash: Bool
    }

    /// Finds the creator by id, name, @handle or email; several matches list their ids (see `RecordLookup`).
    public static func find(_ query: String, store: RecordStore) throws(InterchangeError) -> Subject {
        let live = store.loadAll(Influencer.self).records
        let trash = store.loadTrash(Influencer.self).records.filter { t in !live.contains { $0.id == t.id } }
        let found = try RecordLookup.influencer(query, in: live + trash)
        return Subject(influencer: found, inTrash: !live.contains { $0.id == found.id })
    }

    /// Everything held about the creator in one JSON document: their record and its consent (source, lawful
    /// basis, date), every deal with them (with offers, deliverables, payments and activities; deleted deals
    /// included), the campaigns those belong to, and the other files that mention them (backups, quarantine,
    /// other records).
    public static func export(_ subject: Subject, store: RecordStore, now: Date) throws(InterchangeError) -> [UInt8] {
        let id = subject.influencer.id
        let live = store.loadAll(Deal.self).records.filter { $0.influencerID == id }
        let trashed = store.loadTrash(Deal.self).records.filter { $0.influencerID == id }
        let campaignIDs = Set((live + trashed).map(\.campaignID))
        let campaigns = store.loadAll(Campaign.self).records.filter { campaignIDs.contains($0.id) }.sorted { $0.id < $1.id }
        let scan = ErasureScan(layout: store.layout, influencerID: id, terms: ErasureTerms(subject.influencer), now: now).run()
        let own = Set([store.layout.recordFile(.influencer, id), store.layout.trashFile(.influencer, id)]
            + (live + trashed).flatMap { [store.layout.recordFile(.deal, $0.id), store.layout.trashFile(.deal, $0.id)] })
        do {
            let document: JSONValue = .object([
                "about": .string("Everything this Reach data folder holds about one creator (GDPR access request)."),
                "exportedAt": .string(now.formatted(.iso8601)),
                "influencer": try RecordCoding.encode(subject.influencer, what: "the creator"),
                "influencerInTrash": .bool(subject.inTrash),
                // Where their data came from and on what basis it is kept (GDPR art. 15); null: nothing recorded.
                "consent": try subject.influencer.consent.map { try RecordCoding.encode($0, what: "the consent") } ?? .null,
                "deals": .array(try live.sorted { $0.id < $1.id }.map { try RecordCoding.encode($0, what: "a deal") }),
                "deletedDeals": .array(try trashed.sorted { $0.id < $1.id }.map { try RecordCoding.encode($0, what: "a deal") }),
                "campaigns": .array(campaigns.map { .object(["id": .string($0.id.rawValue), "name": .string($0.name), "brand": .string($0.brand)]) }),
                "otherFilesMentioningThem": .array(scan.actions.filter { !own.contains($0.path) }.map { .string($0.relative) }),
            ])
            return JSONWriter.bytes(of: document)
        } catch {
            throw .unsupported("Could not encode the export: \(error)")
        }
    }

    /// What erasing the creator would do; changes nothing.
    public static func planErasure(_ subject: Subject, store: RecordStore, now: Date) -> ErasurePlan {
        let result = scan(subject, store: store, now: now).run()
        return plan(subject, result.actions, result.problems, applied: false)
    }

    /// Erases the creator: removes their files (live, trash, backups, quarantine), anonymises every file that
    /// mentions them, and logs the erasure. Throws a `StoreError` on I/O failure (run it again to finish).
    public static func erase(_ subject: Subject, store: RecordStore, now: Date) throws -> ErasurePlan {
        let result = try store.applyErasure(scan(subject, store: store, now: now))
        return plan(subject, result.actions, result.problems, applied: true)
    }

    private static func scan(_ subject: Subject, store: RecordStore, now: Date) -> ErasureScan {
        ErasureScan(layout: store.layout, influencerID: subject.influencer.id, terms: ErasureTerms(subject.influencer), now: now)
    }

    private static func plan(_ subject: Subject, _ actions: [ErasureFileAction], _ problems: [String], applied: Bool) -> ErasurePlan {
        var removed: [String] = []
        var anonymised: [ErasurePlan.Anonymised] = []
        for action in actions {
            switch action.change {
            case .remove: removed.append(action.relative)
            case .rewrite: anonymised.append(.init(file: action.relative, strings: action.replaced))
            }
        }
        return ErasurePlan(influencerID: subject.influencer.id, name: subject.influencer.displayName, removed: removed,
                           anonymised: anonymised, problems: problems, applied: applied)
    }
}
