#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ReachCore
import ReachStore

/// The doctor's data-folder checks: where it is, who may read it, whether every record loads, and leftovers.
enum DoctorFolderChecks {
    static func sections(for choice: DataFolderChoice) -> [DoctorReport.Section] {
        var folder = DoctorReport.Section(title: "Data folder")
        folder.note("\(choice.path) (chosen by \(choice.rule))")
        let path = choice.path
        let survey = DataFolderSurvey(folder: path)
        guard survey.exists else {
            if FileManager.default.fileExists(atPath: path) {
                folder.problem("\(path) exists but is not a folder", fix: "move it away or choose another folder with --data-dir")
            } else {
                folder.warn("the folder does not exist yet", fix: "Reach creates it on first start; `reach demo` fills it with demo data to try things out")
            }
            return [folder]
        }
        guard access(path, R_OK | W_OK | X_OK) == 0 else {
            folder.problem("you cannot read and write it (\(String(cString: strerror(errno))))",
                           fix: "check its owner and mode with `ls -ld \(DataFolderChoice.shellQuoted(path))`")
            return [folder]
        }
        folder.ok("exists, readable and writable")
        checkLock(path + "/.lock", into: &folder)
        checkDiskSpace(path, into: &folder)

        var records = DoctorReport.Section(title: "Records")
        let store: RecordStore
        do {
            store = try openDataFolder(path)
        } catch {
            records.problem("the folder cannot be opened: \(error)")
            return [folder, records]
        }
        var settings: WorkspaceSettings?
        do {
            settings = try store.loadWorkspace(WorkspaceSettings.self)
            if let settings {
                records.ok("reach.json: reporting currency \(settings.reportingCurrency), \(settings.currencyRates.rates.count) exchange rates, "
                           + "team mode \(settings.sharedTeamMode ? "on" : "off")")
                for issue in settings.validate() { records.warn("reach.json \(issue)") }
            } else {
                records.note("no reach.json yet: default settings are used until one is saved")
            }
        } catch {
            records.problem("\(error)")
        }
        var info = stat()
        _ = lstat(path, &info)
        // The same rule `openDataFolder` uses: a group-writable folder is a team folder.
        let teamMode = (settings?.sharedTeamMode ?? false) || info.st_mode & 0o070 == 0o070
        checkPermissions(path, info: info, teamMode: teamMode, into: &folder)
        checkLeftoverSnapshots(DataFolderLayout(root: path).cacheDirectory, into: &folder)
        // Records first: their check brings the index up to date (or builds it), and the index is then described.
        checkRecords(store, survey: survey, into: &records)
        checkFolderIndex(DataFolderLayout(root: path).cacheDirectory, teamMode: teamMode, into: &folder)
        return [folder, records]
    }

    /// Snapshot files an earlier Reach kept in `cache/` for fast starts, which the folder index replaced: nothing
    /// reads them, and every writing command and the app remove them (`RecordStore.removeLeftovers`).
    private static func checkLeftoverSnapshots(_ directory: String, into section: inout DoctorReport.Section) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".snapshot") }
        for name in names {
            var file = stat()
            guard lstat(directory + "/" + name, &file) == 0 else { continue }
            section.note("cache/\(name): a snapshot cache of an earlier Reach, \(formatBytes(Double(file.st_size))), no longer read "
                         + "(the folder index replaced it); the next start removes it, and deleting it is safe")
        }
    }

    /// The folder index in `cache/` (the app starts from it; `reach report`, `reach today` and the records check find
    /// records through it):
    /// derived, so only whether it is a file every teammate can refresh matters.
    private static func checkFolderIndex(_ directory: String, teamMode: Bool, into section: inout DoctorReport.Section) {
        let path = directory + "/" + FolderIndex.fileName
        var file = stat()
        guard lstat(path, &file) == 0 else {
            return section.note("no cache/\(FolderIndex.fileName) yet: the app (at 5,000 deals or more), `reach report`, `reach today` and `reach doctor` build it from the record files")
        }
        guard file.st_mode & S_IFMT == S_IFREG else {
            return section.problem("cache/\(FolderIndex.fileName) is not a regular file: the app and every command read every record file instead",
                                   fix: "move it away; Reach builds the index again there")
        }
        section.note("cache/\(FolderIndex.fileName): the folder index for the app's start and the commands, \(formatBytes(Double(file.st_size))) "
                     + "(derived from the record files; deleting it is safe)")
        if teamMode, file.st_mode & 0o060 != 0o060 {
            section.warn("cache/\(FolderIndex.fileName) is not group read-write (mode \(String(format: "%04o", file.st_mode & 0o777))): "
                         + "teammates' starts and commands read every file",
                         fix: "chmod 660 \(DataFolderChoice.shellQuoted(path)), or delete it and let Reach build it again")
        }
    }

    private static func checkLock(_ lockPath: String, into section: inout DoctorReport.Section) {
        let fd = open(lockPath, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            section.note("no lock file yet: it is created on first start")
            return
        }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            section.ok("lock file .lock is free (no save in progress)")
        } else {
            section.warn("another Reach session holds the lock right now (a save in progress)",
                         fix: "if saves keep timing out, find the process with `fuser \(DataFolderChoice.shellQuoted(lockPath))`")
        }
    }

    private static func checkDiskSpace(_ path: String, into section: inout DoctorReport.Section) {
        var fs = statvfs()
        guard statvfs(path, &fs) == 0 else { return section.warn("free disk space unknown: \(String(cString: strerror(errno)))") }
        let free = Double(fs.f_bavail) * Double(fs.f_frsize)
        let text = formatBytes(free) + " free on its disk"
        if free < 50e6 {
            section.problem(text, fix: "free some space: saves fail when the disk is full (df -h, du -sh ~/*)")
        } else if free < 500e6 {
            section.warn(text, fix: "free some space soon (df -h)")
        } else {
            section.ok(text)
        }
    }

    private static func formatBytes(_ bytes: Double) -> String {
        bytes >= 1e9 ? String(format: "%.1f GB", bytes / 1e9) : String(format: "%.0f MB", bytes / 1e6)
    }

    private static func checkPermissions(_ path: String, info: stat, teamMode: Bool, into section: inout DoctorReport.Section) {
        let mode = info.st_mode & 0o777
        let octal = String(format: "%04o", mode)
        let quoted = DataFolderChoice.shellQuoted(path)
        let group = getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "gid \(info.st_gid)"
        if mode & 0o007 != 0 {
            section.problem("every user on this machine can open it (mode \(octal)): creators' contact data is personal data",
                            fix: "chmod -R o-rwx \(quoted)")
        }
        if teamMode {
            if mode & 0o070 == 0o070 {
                section.ok("shared-team mode: group \(group) can read and write (mode \(octal))")
            } else {
                section.warn("team mode is on in reach.json, but group \(group) cannot read and write (mode \(octal))",
                             fix: "put the team in one group, then: chgrp -R <group> \(quoted) && chmod -R g+rwX \(quoted)")
            }
        } else if mode & 0o070 != 0 {
            section.warn("group \(group) can open it (mode \(octal)), but team mode is off",
                         fix: "keep it private: chmod -R go-rwx \(quoted); or share it on purpose: set \"sharedTeamMode\": true in reach.json "
                            + "and chmod -R g+rwX (files 0660, folders 0770)")
        } else if mode & 0o007 == 0 {
            section.ok("private: only you can open it (mode \(octal))")
        }
        if !teamMode && info.st_uid != getuid() {
            section.warn("it belongs to uid \(info.st_uid), not to you (uid \(getuid()))", fix: "use your own folder, or turn on team mode for a shared one")
        }
        // Files can be looser than their folder (copied in by hand, or restored from a backup).
        let allowed: mode_t = teamMode ? 0o660 : 0o600
        var loose: [String] = []
        for kind in RecordKind.allCases {
            let directory = path + "/" + kind.folderName
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".json") && !name.hasPrefix(".") {
                var file = stat()
                if lstat(directory + "/" + name, &file) == 0, file.st_mode & 0o777 & ~allowed != 0 { loose.append(kind.folderName + "/" + name) }
            }
        }
        if !loose.isEmpty {
            section.warn("\(loose.count) record file\(loose.count == 1 ? " is" : "s are") readable by more people than the folder mode allows, e.g. \(loose[0])",
                         fix: "chmod \(String(allowed, radix: 8)) the files: find \(quoted) -name '*.json' -exec chmod \(String(allowed, radix: 8)) {} +")
        }
    }

    private static func checkRecords(_ store: RecordStore, survey: DataFolderSurvey, into section: inout DoctorReport.Section) {
        let facts = RecordFacts.fromIndex(store) ?? RecordFacts.fromEveryFile(store)
        let trash = survey.trashed.count
        section.ok("\(facts.creators) influencers, \(facts.campaigns) campaigns, \(facts.deals) deals, "
                   + "\(facts.templates) templates" + (trash > 0 ? " (\(trash) deleted, in trash/)" : ""))
        for problem in facts.problems { section.problem(problem) }
        if facts.quarantinedNow {
            section.note("damaged files are moved to quarantine/ while loading, as every Reach start does; the rest loads normally")
        }
        if !survey.quarantined.isEmpty {
            section.problem("\(survey.quarantined.count) file\(survey.quarantined.count == 1 ? "" : "s") waiting in quarantine/ from earlier: "
                            + survey.quarantined.prefix(3).joined(separator: ", ") + (survey.quarantined.count > 3 ? ", ..." : ""),
                            fix: "fix each by hand and move it back to its folder, or delete it once you no longer need it")
        }
        // Opening the store removed the temp files whose saves had ended; report those and the rest.
        let remaining = survey.tempFiles.filter { FileManager.default.fileExists(atPath: store.layout.root + "/" + $0) }
        let removed = survey.tempFiles.count - remaining.count
        if survey.tempFiles.isEmpty {
            section.ok("no leftover temp files")
        } else if remaining.isEmpty {
            section.note("removed \(removed) temp file\(removed == 1 ? "" : "s") left by interrupted saves")
        } else {
            section.warn("\(remaining.count) temp file\(remaining.count == 1 ? "" : "s") from interrupted or running saves, e.g. \(remaining[0])"
                         + (removed > 0 ? " (\(removed) more removed now)" : ""),
                         fix: "harmless and never read as records; Reach removes them once they are a minute old and their process has ended")
        }
        if let (id, message) = facts.missingReferences.example {
            let count = facts.missingReferences.count
            section.warn("\(count) deal\(count == 1 ? "" : "s") point to a missing record, e.g. deals/\(id).json: \(message)")
        }
        if let (id, message) = facts.sharedCodes.example {
            section.warn("\(facts.sharedCodes.count) deals share a discount code, e.g. deals/\(id).json: \(message)")
        }
    }
}

/// What the records check reports: from the folder index brought up to date (every file listed and its stamp
/// compared, changed ones read; at 100k creators seconds instead of reading 300,000 files), or, when the index
/// cannot be used, from reading every file.
private struct RecordFacts {
    var creators = 0, campaigns = 0, deals = 0, templates = 0
    /// Problem files as the readers word them.
    var problems: [String] = []
    /// Whether this check moved damaged files to quarantine.
    var quarantinedNow = false
    /// Deals pointing to a missing creator or campaign: how many, and one with its first issue.
    var missingReferences: (count: Int, example: (RecordID, String)?) = (0, nil)
    /// Deals sharing a discount code: how many, and one with its issue.
    var sharedCodes: (count: Int, example: (RecordID, String)?) = (0, nil)

    static func fromIndex(_ store: RecordStore) -> RecordFacts? {
        do {
            let index = try IndexedRecords.index(of: store)
            let refresh = try index.refresh(fullCheck: true)
            let templates = store.loadAll(Template.self)
            var facts = RecordFacts()
            (facts.creators, facts.campaigns, facts.deals, _) = try index.recordCounts()
            facts.templates = templates.records.count
            facts.problems = refresh.problems + templates.problems.map(\.description)
            facts.quarantinedNow = refresh.quarantined > 0 || templates.problems.contains { $0.movedTo != nil }
            // The index says which deals; their files give the words, exactly as reading every file would.
            let missing = try index.dealFilesWithMissingReferences()
            if let deal = index.read(Deal.self, files: Array(missing.prefix(1))).records.first {
                let creators = Set(try index.creators([deal.influencerID]).names.keys), campaigns = Set(try index.campaignNames().keys)
                let issues = WorkspaceValidation.danglingReferences(deals: [deal], influencerIDs: creators, campaignIDs: campaigns)
                facts.missingReferences = (missing.count, example(issues))
            }
            let shared = try index.dealFilesSharingDiscountCodes()
            if let first = shared.first {
                let issues = WorkspaceValidation.duplicateDiscountCodes(in: index.read(Deal.self, files: first.files).records)
                facts.sharedCodes = (shared.map(\.files.count).reduce(0, +), example(issues))
            }
            return facts
        } catch {
            store.logger.warning("doctor: not using the folder index: \(error)")
            return nil
        }
    }

    static func fromEveryFile(_ store: RecordStore) -> RecordFacts {
        let influencers = store.loadAll(Influencer.self)
        let campaigns = store.loadAll(Campaign.self)
        let deals = store.loadAll(Deal.self)
        let templates = store.loadAll(Template.self)
        var facts = RecordFacts(creators: influencers.records.count, campaigns: campaigns.records.count, deals: deals.records.count,
                                templates: templates.records.count)
        let problems = influencers.problems + campaigns.problems + deals.problems + templates.problems
        facts.problems = problems.map(\.description)
        facts.quarantinedNow = problems.contains { $0.movedTo != nil }
        let dangling = WorkspaceValidation.danglingReferences(
            deals: deals.records, influencerIDs: Set(influencers.records.map(\.id)), campaignIDs: Set(campaigns.records.map(\.id)))
        facts.missingReferences = (dangling.count, example(dangling))
        let clashes = WorkspaceValidation.duplicateDiscountCodes(in: deals.records)
        // The example comes from the first code, as the index gives it.
        let codes = Dictionary(deals.records.map { ($0.id, $0.tracking.discountCodeKey) }, uniquingKeysWith: { first, _ in first })
        let firstCode = clashes.keys.compactMap { codes[$0] ?? nil }.min()
        facts.sharedCodes = (clashes.count, example(clashes.filter { codes[$0.key] ?? nil == firstCode }))
        return facts
    }

    /// The deal with the smallest id and its first issue.
    private static func example(_ issues: [RecordID: [ValidationIssue]]) -> (RecordID, String)? {
        issues.min { $0.key < $1.key }.flatMap { id, issues in issues.first.map { (id, $0.message) } }
    }
}
