import Foundation
import ReachCore
import ReachStore

/// A bare repository and replicas cloned from it with the real `reach sync init`, each a data folder edited
/// through the store or by hand, and synced with the real `reach sync` (so git runs the real merge driver).
struct SyncWorld {
    let root: URL
    let replicas: [URL]
    var remote: String { root.appendingPathComponent("remote.git").path }

    /// Replica 0 starts from `reach demo`; the others are cloned from it through the bare repository.
    init(replicas count: Int) throws {
        let root = try ReachBinary.scratchFolder()
        self.root = root
        replicas = (0..<count).map { root.appendingPathComponent("replica-\($0)") }
        try Self.git(["init", "--quiet", "--bare", "--initial-branch=main", remote], in: root.path)
        try Self.expectSuccess(ReachBinary.run(["demo", "--data-dir", replicas[0].path]), "reach demo")
        for (index, replica) in replicas.enumerated() {
            try Self.expectSuccess(ReachBinary.run(["--data-dir", replica.path, "sync", "init", remote], environment: Self.user(index)),
                                   "reach sync init for replica \(index)")
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static func user(_ index: Int) -> [String: String] { ["REACH_USER": "Replica \(index + 1)"] }

    /// `reach sync` on one replica; a failure fails the test with reach's own message.
    func sync(_ replica: Int) throws {
        try Self.expectSuccess(ReachBinary.run(["--data-dir", replicas[replica].path, "sync"], environment: Self.user(replica)),
                               "reach sync on replica \(replica)")
    }

    /// `Y` in an app on `replica`, and the wait until that sync is on record (the top bar said "synced just now"
    /// before it too, so the screen alone cannot tell).
    func pressSync(_ app: ReachSession, replica: Int) throws {
        let state = replicas[replica].appendingPathComponent(".git/reach-sync-state.json").path
        func stamp() -> Date? { (try? FileManager.default.attributesOfItem(atPath: state))?[.modificationDate] as? Date }
        let before = stamp()
        try app.tmux.type("Y")
        try Wait.until("replica \(replica)'s sync to end", timeout: 30, lastSeen: app.tmux.screen) { stamp() != before }
        try app.tmux.waitForAbsence(of: "syncing…")
    }

    /// Every file git tracks in the replica, by path; also fails when the work tree differs from the last commit.
    func trackedFiles(_ replica: Int) throws -> [String: Data] {
        let folder = replicas[replica].path
        let status = try Self.git(["status", "--porcelain", "--untracked-files=all"], in: folder)
        guard status.isEmpty else { throw HarnessError(description: "replica \(replica) is not clean after syncing:\n\(status)") }
        let paths = try Self.git(["ls-files", "-z"], in: folder).split(separator: "\0").map(String.init)
        var files: [String: Data] = [:]
        for path in paths { files[path] = try Data(contentsOf: replicas[replica].appendingPathComponent(path)) }
        return files
    }

    /// Paths whose bytes differ, for a readable failure.
    static func difference(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    @discardableResult
    static func git(_ arguments: [String], in folder: String) throws -> String {
        let result = try Shell.run("/usr/bin/env", ["git", "-C", folder] + arguments)
        guard result.status == 0 else { throw HarnessError(description: "git \(arguments.joined(separator: " ")): \(result.output)") }
        return result.output
    }

    private static func expectSuccess(_ result: Shell.Result, _ what: String) throws {
        guard result.status == 0 else {
            throw HarnessError(description: "\(what) exited \(result.status):\n\(result.output)")
        }
    }
}

extension SyncWorld {
    /// One random edit on `replica`; false when the chosen kind found nothing to edit.
    func edit(_ replica: Int, ledger: inout EditLedger, random: inout some RandomNumberGenerator) throws -> Bool {
        let folder = replicas[replica]
        let store = try RecordStore(folder: folder.path)
        let token = "[t\(ledger.written.count + 1)]"
        let creators = Self.ids(in: folder, kind: .influencer), deals = Self.ids(in: folder, kind: .deal)
        guard let creatorID = creators.randomElement(using: &random), let dealID = deals.randomElement(using: &random) else {
            return false
        }
        switch Int.random(in: 0..<20, using: &random) {
        case 0..<5:
            // A field both sides may set: the notes of a creator (same-field clashes happen here).
            guard var creator = try store.load(Influencer.self, id: creatorID) else { return false }
            let seen = Self.token(in: creator.notes)
            creator.notes = "さくら ნინო 🧵 " + token
            _ = try store.save(creator, expectedRevision: creator.revision)
            ledger.wrote(token, replacing: seen)
        case 5..<9:
            guard var deal = try store.load(Deal.self, id: dealID) else { return false }
            let seen = Self.token(in: deal.notes)
            deal.notes = "Ģirts Ķēniņš " + token
            _ = try store.save(deal, expectedRevision: deal.revision)
            ledger.wrote(token, replacing: seen)
        case 9..<14:
            // Items with ids: every side's activities are kept.
            guard var deal = try store.load(Deal.self, id: dealID) else { return false }
            deal.activities.append(Activity(at: Date(), channel: .email, direction: .outbound, summary: "Mail " + token))
            _ = try store.save(deal, expectedRevision: deal.revision)
            ledger.wrote(token, replacing: nil)
        case 14..<19:
            // By hand, as an editor would: a tag added, written in place, revision untouched.
            let file = folder.appendingPathComponent("influencers/\(creatorID.rawValue).json")
            guard var object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] else { return false }
            object["tags"] = ((object["tags"] as? [String]) ?? []) + ["hand " + token]
            try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: file)
            ledger.wrote(token, replacing: nil)
        default:
            // A deal deleted: what this replica saw in it goes with it (another side's concurrent edit keeps it).
            guard let deal = try store.load(Deal.self, id: dealID) else { return false }
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent("deals/\(dealID.rawValue).json")), as: UTF8.self)
            _ = try store.delete(Deal.self, id: dealID, expectedRevision: deal.revision)
            ledger.deleted(seen: Self.tokens(in: text))
            return true
        }
        return true
    }

    static func ids(in folder: URL, kind: RecordKind) -> [RecordID] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(kind.folderName).path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { RecordID(rawValue: String($0.dropLast(5))) }
    }

    static func token(in text: String?) -> String? { tokens(in: text ?? "").last }

    static func tokens(in text: String) -> [String] {
        guard let pattern = try? NSRegularExpression(pattern: "\\[t[0-9]+\\]") else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }
}
