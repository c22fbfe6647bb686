import Foundation
import ReachCore
import ReachStore
import Testing

/// `reach sync init`, `reach sync`, `--status`, the doctor's sync checks and `person erase --purge-history`, through
/// the real binary, real git and a bare repository in a temp folder.
@Suite("reach sync", .serialized)
struct SyncCommandTests {
    @Test("sync init twice: the second run changes nothing")
    func initIsIdempotent() throws {
        let world = try SyncWorld(replicas: 1)
        defer { world.remove() }
        let folder = world.replicas[0]
        let files = try [".gitignore", ".gitattributes"].map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        let commits = try SyncWorld.git(["rev-list", "--count", "HEAD"], in: folder.path)
        let config = try String(contentsOf: folder.appendingPathComponent(".git/config"), encoding: .utf8)
        let again = try ReachBinary.run(["--data-dir", folder.path, "sync", "init", world.remote])
        #expect(again.status == 0, "\(again.output)")
        #expect(again.output.contains("already set up for sync; nothing changed"), "\(again.output)")
        #expect(try [".gitignore", ".gitattributes"].map { try Data(contentsOf: folder.appendingPathComponent($0)) } == files)
        #expect(try SyncWorld.git(["rev-list", "--count", "HEAD"], in: folder.path) == commits)
        #expect(try String(contentsOf: folder.appendingPathComponent(".git/config"), encoding: .utf8) == config)
        #expect(config.contains("merge-file %O %A %B %P"))
        let attributes = try String(contentsOf: folder.appendingPathComponent(".gitattributes"), encoding: .utf8)
        #expect(attributes.contains("/deals/*.json merge=reach") && attributes.contains("reach.json merge=reach"))
        let ignored = try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
        for local in ["/quarantine/", "/logs/", "/backups/", "/cache/", "/.lock"] { #expect(ignored.contains(local)) }
    }

    @Test("commits list counts and record ids, never a creator's name, handle or email")
    func commitMessagesHoldNoPersonalData() throws {
        let world = try SyncWorld(replicas: 1)
        defer { world.remove() }
        let folder = world.replicas[0]
        let store = try RecordStore(folder: folder.path)
        var creator = try #require(store.loadAll(Influencer.self).records.first { !$0.accounts.isEmpty })
        creator.notes = "Renamed after the call"
        creator.displayName = "Ņina Ģēliņa 🧵"
        _ = try store.save(creator, expectedRevision: creator.revision)
        let sync = try ReachBinary.run(["--data-dir", folder.path, "sync"], environment: SyncWorld.user(0))
        #expect(sync.status == 0, "\(sync.output)")
        #expect(sync.output.contains("Committed: 1 creator changed"), "\(sync.output)")
        let log = try SyncWorld.git(["log", "--format=%an%n%B"], in: folder.path)
        #expect(log.contains("creators changed: \(creator.id.rawValue)"))
        #expect(log.contains("Replica 1"), "the author is the Reach user")
        let everyone = store.loadAll(Influencer.self).records
        let personal = everyone.flatMap { [$0.displayName] + $0.accounts.map(\.handle) + [$0.contact.email].compactMap { $0 } }
        for text in personal where text.count > 3 {
            #expect(!log.contains(text), "the history names \(text)")
        }
    }

    @Test("a clone into an empty folder; --status shows local changes, then a sync carries them over")
    func cloneStatusAndSync() throws {
        let world = try SyncWorld(replicas: 2)
        defer { world.remove() }
        #expect(SyncWorld.ids(in: world.replicas[1], kind: .deal) == SyncWorld.ids(in: world.replicas[0], kind: .deal))
        let store = try RecordStore(folder: world.replicas[0].path)
        var deal = try #require(store.loadAll(Deal.self).records.first)
        deal.notes = "Budget approved"
        _ = try store.save(deal, expectedRevision: deal.revision)

        let status = try ReachBinary.run(["--data-dir", world.replicas[0].path, "sync", "--status"])
        #expect(status.status == 0, "\(status.output)")
        #expect(status.output.contains("Local changes: 1 deal changed"), "\(status.output)")
        #expect(status.output.contains("deals changed: \(deal.id.rawValue)"), "\(status.output)")
        #expect(status.output.contains("Remote: origin \(world.remote)"), "\(status.output)")

        try world.sync(0)
        let received = try ReachBinary.run(["--data-dir", world.replicas[1].path, "sync"], environment: SyncWorld.user(1))
        #expect(received.status == 0, "\(received.output)")
        #expect(received.output.contains("Received: 1 deal changed"), "\(received.output)")
        let other = try RecordStore(folder: world.replicas[1].path)
        #expect(try other.load(Deal.self, id: deal.id)?.notes == "Budget approved")
        let after = try ReachBinary.run(["--data-dir", world.replicas[1].path, "sync", "--status"])
        #expect(after.output.contains("State: synced just now"), "\(after.output)")
    }

    @Test("reach sync in a folder that is not set up says how to set it up")
    func syncWithoutSetUp() throws {
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try ReachBinary.run(["--data-dir", scratch.path + "/data", "sync"])
        #expect(result.status == 1)
        #expect(result.output.contains("is not set up for sync. Run `reach sync init [REMOTE]` first."), "\(result.output)")
    }

    @Test("a remote that cannot be reached: exit 1, a message that says what to do, local changes committed")
    func unreachableRemote() throws {
        let world = try SyncWorld(replicas: 1)
        defer { world.remove() }
        let folder = world.replicas[0].path
        try SyncWorld.git(["remote", "set-url", "origin", world.root.path + "/gone.git"], in: folder)
        let store = try RecordStore(folder: folder)
        var deal = try #require(store.loadAll(Deal.self).records.first)
        deal.notes = "Offline edit"
        _ = try store.save(deal, expectedRevision: deal.revision)
        let result = try ReachBinary.run(["--data-dir", folder, "sync"])
        #expect(result.status == 1)
        #expect(result.output.contains("Sync could not fetch from the remote"), "\(result.output)")
        #expect(result.output.contains("Your records are unchanged"), "\(result.output)")
        #expect(try SyncWorld.git(["status", "--porcelain"], in: folder).isEmpty, "the edit was committed before the network")
        let status = try ReachBinary.run(["--data-dir", folder, "sync", "--status"])
        #expect(status.output.contains("State: sync failed: fetch from the remote"), "\(status.output)")
    }

    @Test("doctor checks git and the merge driver of a synced folder")
    func doctorChecksTheDriver() throws {
        let world = try SyncWorld(replicas: 1)
        defer { world.remove() }
        let folder = world.replicas[0].path
        let healthy = try ReachBinary.run(["--data-dir", folder, "doctor"], environment: DemoDoctorCLITests.environment)
        #expect(healthy.output.contains("merge driver registered"), "\(healthy.output)")
        #expect(healthy.output.contains(".gitattributes sends every record file to the merge driver"), "\(healthy.output)")
        try SyncWorld.git(["config", "--unset", "merge.reach.driver"], in: folder)
        let broken = try ReachBinary.run(["--data-dir", folder, "doctor"], environment: DemoDoctorCLITests.environment)
        #expect(broken.status == 1)
        #expect(broken.output.contains("merge driver is not registered"), "\(broken.output)")
    }

    @Test("person erase --purge-history leaves no commit that names the creator, here or on the remote")
    func purgeHistory() throws {
        let world = try SyncWorld(replicas: 1)
        defer { world.remove() }
        let folder = world.replicas[0].path
        let store = try RecordStore(folder: folder)
        let deals = store.loadAll(Deal.self).records
        let creator = try #require(store.loadAll(Influencer.self).records.first { person in deals.contains { $0.influencerID == person.id } })
        let name = creator.displayName
        func mentions(_ repository: String) throws -> Int {
            let commits = try SyncWorld.git(["rev-list", "--all"], in: repository).split(separator: "\n").map(String.init)
            let result = try Shell.run("/usr/bin/env", ["git", "-C", repository, "grep", "-c", "-F", name] + commits)
            return result.output.split(separator: "\n").count
        }
        #expect(try mentions(folder) > 0)

        let warned = try ReachBinary.run(["--data-dir", folder, "person", "erase", creator.id.rawValue])
        #expect(warned.output.contains("its history (here, on the remote and on every other server) still holds"), "\(warned.output)")
        let refused = try ReachBinary.run(["--data-dir", folder, "person", "erase", creator.id.rawValue, "--purge-history"])
        #expect(refused.status != 0)
        #expect(try mentions(folder) > 0, "nothing rewritten without --yes")

        let purged = try ReachBinary.run(["--data-dir", folder, "person", "erase", creator.id.rawValue, "--yes", "--purge-history"])
        #expect(purged.status == 0, "\(purged.output)")
        #expect(purged.output.contains("Force-pushed to origin"), "\(purged.output)")
        #expect(try mentions(folder) == 0)
        #expect(try mentions(world.remote) == 0)
    }

    @Test("two servers: different fields of one deal both stay; the same field keeps ours and records theirs")
    func fieldLevelMerge() throws {
        let world = try SyncWorld(replicas: 2)
        defer { world.remove() }
        let stores = try world.replicas.map { try RecordStore(folder: $0.path) }
        let id = try #require(stores[0].loadAll(Deal.self).records.first?.id)
        func edit(_ replica: Int, _ change: (inout Deal) -> Void) throws {
            var deal = try #require(try stores[replica].load(Deal.self, id: id))
            change(&deal)
            _ = try stores[replica].save(deal, expectedRevision: deal.revision)
        }
        try edit(0) { $0.notes = "Riga: brief sent 🧵" }
        try edit(1) { $0.owner = "Replica 2" }
        try world.sync(0)
        try world.sync(1)
        try world.sync(0)
        for store in stores {
            let deal = try #require(try store.load(Deal.self, id: id))
            #expect(deal.notes == "Riga: brief sent 🧵")
            #expect(deal.owner == "Replica 2")
        }
        #expect(try stores[0].conflicts.all().isEmpty)

        try edit(0) { $0.notes = "Riga says 2400" }
        try edit(1) { $0.notes = "東京 says 2600" }
        try world.sync(0)
        let second = try ReachBinary.run(["--data-dir", world.replicas[1].path, "sync"], environment: SyncWorld.user(1))
        #expect(second.status == 0, "conflicts are kept and shown, so the sync succeeded: \(second.output)")
        #expect(second.output.contains("Conflicts: 1"), "\(second.output)")
        #expect(try stores[1].load(Deal.self, id: id)?.notes == "東京 says 2600", "ours stays in the record")
        let conflict = try String(contentsOf: world.replicas[1].appendingPathComponent("conflicts/deals/\(id.rawValue).json"), encoding: .utf8)
        #expect(conflict.contains("Riga says 2400") && conflict.contains("Replica 1"))
        try world.sync(0)
        let status = try ReachBinary.run(["--data-dir", world.replicas[0].path, "sync", "--status"])
        #expect(status.output.contains("Conflicts: 1 open"), "\(status.output)")
        #expect(status.output.contains("deal \(id.rawValue) · notes"), "\(status.output)")
        for replica in 0..<2 {
            let text = try String(contentsOf: world.replicas[replica].appendingPathComponent("deals/\(id.rawValue).json"), encoding: .utf8)
            #expect(!text.contains("<<<<<<<"))
        }
    }

    @Test("deleted on one server, edited on the other: the edited deal stays and the clash is recorded")
    func deleteAgainstEdit() throws {
        let world = try SyncWorld(replicas: 2)
        defer { world.remove() }
        let stores = try world.replicas.map { try RecordStore(folder: $0.path) }
        let deal = try #require(stores[0].loadAll(Deal.self).records.first)
        _ = try stores[0].delete(Deal.self, id: deal.id, expectedRevision: deal.revision)
        var edited = deal
        edited.notes = "Still negotiating"
        _ = try stores[1].save(edited, expectedRevision: deal.revision)
        try world.sync(0)
        try world.sync(1)
        try world.sync(0)
        for store in stores {
            #expect(try store.load(Deal.self, id: deal.id)?.notes == "Still negotiating")
            let clashes = try store.conflicts.conflicts(for: .record(.deal, deal.id))?.clashes ?? []
            #expect(clashes.count == 1)
        }
    }
}
