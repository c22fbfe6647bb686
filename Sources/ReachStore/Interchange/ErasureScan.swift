import Foundation
import ReachCore

/// What an erasure does to one file of the data folder.
struct ErasureFileAction: Sendable {
    enum Change: Sendable {
        /// The creator's own record file (live, trash, backup or quarantine copy).
        case remove
        /// The file with every string that mentions them replaced by "erased".
        case rewrite([UInt8])
    }

    var path: String
    var relative: String
    var change: Change
    /// How many strings were replaced (0 for removals).
    var replaced: Int
    /// Set for live record files: their revision is bumped so other sessions notice the change.
    var liveKind: RecordKind?
}

/// Walks every file in the data folder and works out what erasing one creator means for it: their own
/// files go; deals and any other file mentioning them are anonymised; money and results stay.
///
/// JSON files are scrubbed value by value (whole strings that mention the creator become "erased"), never
/// touching ids, enums, dates or amounts, so every record still decodes. Files that are not valid JSON
/// (logs, quarantined damage) get a plain-text replacement of each term.
struct ErasureScan {
    let layout: DataFolderLayout
    let influencerID: RecordID
    let terms: ErasureTerms
    let now: Date

    /// Fields never scrubbed: ids, enums, dates, currency codes; they are not free text and must keep decoding.
    private static let structuralKeys: Set<String> = [
        "id", "schemaVersion", "createdAt", "updatedAt", "revision", "influencerID", "campaignID", "stage", "from", "to",
        "status", "kind", "channel", "direction", "platform", "contentType", "currency", "model", "partnershipType",
        "compensation", "by", "whoseMove", "source", "asOf", "at", "due", "dueDate", "paidAt", "postedAt", "signedAt",
        "endsAt", "verdict", "result", "check", "role", "key", "vettedAt", "quotedAt", "consentAt", "rate",
    ]

    /// `source` is an enum on deals and metric snapshots but free text in a creator's consent.
    private static let sourceEnums = Set(DealSource.allCases.map(\.rawValue) + MetricSource.allCases.map(\.rawValue))

    /// In the creator's own deals these always go: they point straight at the creator's content (`matchedBy`:
    /// the code, link or post an imported result was matched by).
    private static let ownDealLinks: Set<String> = ["liveURL", "referralLink", "matchedBy"]

    /// Every file the erasure changes, with problems for files it cannot handle safely.
    func run() -> (actions: [ErasureFileAction], problems: [String]) {
        var actions: [ErasureFileAction] = []
        var problems: [String] = []
        for relative in files() {
            let path = layout.root + "/" + relative
            let parent = Posix.parent(of: relative)
            let name = Posix.baseName(of: relative)
            if parent.hasSuffix(RecordKind.influencer.folderName), name.hasPrefix(influencerID.rawValue + ".") {
                actions.append(ErasureFileAction(path: path, relative: relative, change: .remove, replaced: 0, liveKind: nil))
                continue
            }
            guard let data = try? Posix.readFile(path) else {
                problems.append("\(relative) could not be read; check it by hand for data about this creator.")
                continue
            }
            let liveKind = RecordKind.allCases.first { parent == $0.folderName }
            let recordKind = liveKind ?? RecordKind.allCases.first { parent == "trash/" + $0.folderName }
            if let value = try? JSONParser.parse(data) {
                let own = value["influencerID"]?.stringValue == influencerID.rawValue
                var count = 0
                var scrubbed = scrub(value, key: nil, own: own, count: &count)
                guard count > 0 else { continue }
                if liveKind != nil, case .object(var members) = scrubbed {
                    members["revision"] = .int((members["revision"]?.intValue ?? 0) + 1)
                    members["updatedAt"] = .string(now.formatted(.iso8601))
                    scrubbed = .object(members)
                }
                let bytes = JSONWriter.bytes(of: scrubbed)
                if let kind = recordKind, !Self.decodes(bytes, as: kind) {
                    problems.append("\(relative) would no longer read as a record after anonymising; edit it by hand.")
                    continue
                }
                actions.append(ErasureFileAction(path: path, relative: relative, change: .rewrite(bytes), replaced: count, liveKind: liveKind))
            } else {
                let text = String(decoding: data, as: UTF8.self)
                let own = text.contains(influencerID.rawValue)
                let scrubbed = terms.scrubbingOccurrences(in: text, own: own)
                guard scrubbed != text else { continue }
                actions.append(ErasureFileAction(path: path, relative: relative, change: .rewrite(Array(scrubbed.utf8)), replaced: 1, liveKind: nil))
            }
        }
        return (actions, problems)
    }

    private func scrub(_ value: JSONValue, key: String?, own: Bool, count: inout Int) -> JSONValue {
        switch value {
        case .string(let text):
            if let key, Self.structuralKeys.contains(key), key != "source" || Self.sourceEnums.contains(text) { return value }
            let always = own && key.map(Self.ownDealLinks.contains) == true
            guard always || terms.mentions(text, own: own) else { return value }
            count += 1
            return .string("erased")
        case .array(let elements):
            return .array(elements.map { scrub($0, key: key, own: own, count: &count) })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (name, member) in members { out[name] = scrub(member, key: name, own: own, count: &count) }
            return .object(out)
        default:
            return value
        }
    }

    private static func decodes(_ bytes: [UInt8], as kind: RecordKind) -> Bool {
        let decoder = RecordCoding.makeDecoder()
        let data = Data(bytes)
        switch kind {
        case .influencer: return (try? decoder.decode(Influencer.self, from: data)) != nil
        case .campaign: return (try? decoder.decode(Campaign.self, from: data)) != nil
        case .deal: return (try? decoder.decode(Deal.self, from: data)) != nil
        case .template: return (try? decoder.decode(Template.self, from: data)) != nil
        }
    }

    /// Every regular file under the data folder (relative paths), except the lock and the erasure log itself.
    private func files() -> [String] {
        var out: [String] = []
        var pending = [""]
        while let directory = pending.popLast() {
            let absolute = directory.isEmpty ? layout.root : layout.root + "/" + directory
            for name in ((try? Posix.listDirectory(absolute)) ?? []).sorted() {
                let relative = directory.isEmpty ? name : directory + "/" + name
                guard let info = Posix.lstat(layout.root + "/" + relative) else { continue }
                if Posix.isDirectory(info) { pending.append(relative) }
                else if Posix.isRegular(info), relative != ".lock", relative != ErasureLog.relativePath { out.append(relative) }
            }
        }
        return out.sorted()
    }
}
