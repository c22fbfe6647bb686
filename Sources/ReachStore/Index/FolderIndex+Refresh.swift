import Foundation
import GRDB
import ReachCore

/// What one `refresh` did, for the log, the commands' problem lines and the tests.
public struct IndexRefresh: Sendable, Equatable {
    /// Record folders whose files were listed and their stamps compared.
    public var foldersChecked = 0
    /// Files read because they were new or changed.
    public var filesRead = 0
    /// Files gone since the last refresh.
    public var filesRemoved = 0
    /// Every problem file in the indexed folders, as the record readers word them (reported on each refresh, as
    /// a full read reported them, until the file is fixed), and the files this refresh moved to quarantine.
    public var problems: [String] = []
    /// Problems said once: files this refresh moved to quarantine (no longer in the folder), a folder it could not list.
    public internal(set) var saidOnce: [String] = []
    /// Damaged files this refresh moved to quarantine.
    public var quarantined = 0
}

extension FolderIndex {
    /// Files read and written to the index at once.
    static let chunkSize = 4_096

    /// Brings the index up to date with the record files of creators, campaigns and deals (templates are not
    /// indexed: no command needs to find them). A folder whose own stamp did not move is left alone, unless that
    /// stamp was read too close to a change to be sure of it or its last full comparison is older than
    /// `fullCheckInterval`. One that moved is brought up to date from the change journal when Reach's writers
    /// account for every change since (`ChangeJournal`), else by listing it and comparing every file's stamp. Either
    /// way only new or changed files are read (in parallel, with the direct reader; damaged ones go to quarantine as
    /// on any read).
    @discardableResult
    public func refresh() throws -> IndexRefresh { try refresh(fullCheck: false) }

    /// `refresh`, with `fullCheck` listing every folder and comparing every file's stamp, as the periodic full check
    /// does: for `reach doctor`, which must see every changed file, and for the tests, which cannot wait
    /// `fullCheckInterval`.
    @discardableResult
    public func refresh(fullCheck: Bool) throws -> IndexRefresh {
        try refresh(fullCheck ? .everything : .fullCheckOlderThan(Self.fullCheckInterval))
    }

    /// `refresh` for an open app, in the background, keeping the index for every command and teammate: a folder's
    /// full check is done once it is `keptFullCheckAge` old, before a command would find it due. While an app is open
    /// on the folder, `reach today` then never pays for the full check (at 100k, 0.8–0.9 s instead of 0.5 s).
    @discardableResult
    public func keepFresh() throws -> IndexRefresh { try refresh(.fullCheckOlderThan(Self.keptFullCheckAge)) }

    /// `refresh` without the periodic full check: what Reach's writers (the journal) and renames (a folder's stamp)
    /// changed. For the app's start, which must not list 300,000 files first: its own first scan compares every
    /// file's stamp anyway, and finds an edit made in place.
    @discardableResult
    public func refreshSkippingFullCheck() throws -> IndexRefresh { try refresh(.changes) }

    /// How much a refresh compares: what Reach's writers and renames changed, and besides that, every file of the
    /// folders whose last full check is at least so old, or of every folder.
    enum Check: Equatable {
        case changes
        case fullCheckOlderThan(TimeInterval)
        case everything
    }

    /// `refresh` reporting the files it reads to `progress` (the app's first start on a folder, which builds the
    /// index before it starts from it): every folder's changes are worked out before the first file is read, so
    /// the total is known from the start.
    @discardableResult
    public func refresh(progress: LoadProgress) throws -> IndexRefresh { try refresh(.changes, progress: progress) }

    private func refresh(_ check: Check, progress: LoadProgress? = nil) throws -> IndexRefresh {
        var result = IndexRefresh()
        let position = try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT (SELECT value FROM meta WHERE key = 'journal_inode'), (SELECT value FROM meta WHERE key = 'journal_offset')
                """)
        }.flatMap { row -> ChangeJournal.Position? in
            guard let inode = (row[0] as String?).flatMap({ Int64($0) }), let offset = (row[1] as String?).flatMap({ Int64($0) }) else { return nil }
            return ChangeJournal.Position(inode: inode, offset: offset)
        }
        let journal = store.journal.entries(after: position)
        progress?.enter(.listingFiles)
        let kinds = try [plan(check, journal?.entries, IndexedKinds.creators, progress, &result),
                         plan(check, journal?.entries, IndexedKinds.campaigns, progress, &result),
                         plan(check, journal?.entries, IndexedKinds.deals, progress, &result)].compactMap { $0 }
        progress?.enter(.indexingFiles, total: kinds.reduce(0) { $0 + $1.filesToRead })
        for kind in kinds { try kind.run(&result) }
        result.problems = try database.write { db in
            try IndexSchema.makeLookups(db)
            if let end = journal?.end, end != position {
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('journal_inode', ?), ('journal_offset', ?)",
                               arguments: [String(end.inode), String(end.offset)])
            }
            return try String.fetchAll(db, sql: "SELECT problem FROM files WHERE problem IS NOT NULL ORDER BY kind, name")
        } + result.saidOnce
        if result.filesRead + result.filesRemoved > 0 {
            store.logger.info("index: read \(result.filesRead) changed files, \(result.filesRemoved) removed, \(result.foldersChecked) folders listed")
        }
        return result
    }

    /// One kind's part of a refresh, worked out before any file is read: how many files it reads, and what brings
    /// the kind up to date.
    private struct KindRefresh {
        var filesToRead: Int
        var run: (inout IndexRefresh) throws -> Void
    }

    /// What a refresh does for one kind; nil when its folder is missing or did not change.
    private func plan<R: ReachCore.Record>(_ check: Check, _ journal: [ChangeJournal.Entry]?, _ kind: IndexedKind<R>,
                                           _ progress: LoadProgress?, _ result: inout IndexRefresh) throws -> KindRefresh? {
        let directory = store.layout.directory(for: R.kind)
        guard let folder = FolderStamp.read(directory) else { return nil }
        let recorded = try database.read { db in
            try Row.fetchOne(db, sql: "SELECT stamp, trusted, verified_at FROM folders WHERE kind = ?", arguments: [R.kind.rawValue])
        }
        let since = recorded.flatMap { row -> Int64? in row[1] as Bool ? row[0] as Int64 : nil }
        let checkedAt = recorded.map { $0[2] as Double } ?? 0
        let checkDue = switch check {
        case .changes: false
        case .fullCheckOlderThan(let age): folder.observedAt.timeIntervalSince1970 - checkedAt >= age
        case .everything: true
        }
        if !checkDue, since == folder.value { return nil }
        let comparedEveryFile: Bool
        let changes: FileChanges
        if !checkDue, let since, let journal, let named = ChangeJournal.namedChanges(journal, kind: R.kind, from: since, to: folder.value) {
            comparedEveryFile = false
            let names = named.sorted(by: FileChanges.precedes)
            var known = try knownStamps(R.kind, of: names).makeIterator()
            changes = try FileChanges(directory: directory, listed: names.compactMap(DataFolderLayout.recordID(fromFileName:)),
                                      nextKnown: { known.next() })
        } else if check != .everything, since == folder.value {
            // Nothing was added, removed or renamed in the folder since its last listing (its own stamp, trusted, has
            // not moved): only an edit made in place can have happened. The known files' stamps are compared without
            // listing the folder again (a quarter of a full check at 100k). `reach doctor` lists it whatever its stamp.
            comparedEveryFile = true
            result.foldersChecked += 1
            changes = try withKnownFiles(R.kind) { try FileChanges(directory: directory, unlisted: $0) }
        } else {
            comparedEveryFile = true
            result.foldersChecked += 1
            var problems: [LoadProblem] = []
            let ids = store.recordFileIDs(R.kind, problems: &problems) ?? []
            result.saidOnce += problems.map(\.description)
            changes = try withKnownFiles(R.kind) { try FileChanges(directory: directory, listed: ids, nextKnown: $0) }
        }
        // Only a full check compares every file's stamp; after the journal, the time of the last one is kept.
        let verifiedAt = comparedEveryFile ? folder.observedAt.timeIntervalSince1970 : checkedAt
        return KindRefresh(filesToRead: changes.changed.count) { [self] result in
            try update(kind, changes, progress: progress, &result)
            try database.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO folders(kind, stamp, trusted, verified_at) VALUES (?, ?, ?, ?)",
                               arguments: [R.kind.rawValue, folder.value, folder.trusted, verifiedAt])
            }
        }
    }

    /// `body` given the index's files of one kind with their stamps, one at a time, in the byte order of their names
    /// (the table's own order): 200,000 deal files are walked, not held.
    private func withKnownFiles<T>(_ kind: RecordKind,
                                   _ body: (() throws -> (name: String, stamp: Int64)?) throws -> T) throws -> T {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT name, stamp FROM files WHERE kind = ? ORDER BY name",
                                           arguments: [kind.rawValue])
            return try body { try rows.next().map { ($0[0], $0[1]) } }
        }
    }

    /// The index's stamps of these files of one kind, in the order of `names` (a file it does not know is left out).
    func knownStamps(_ kind: RecordKind, of names: [String]) throws -> [(name: String, stamp: Int64)] {
        try database.read { db in
            let statement = try db.makeStatement(sql: "SELECT stamp FROM files WHERE kind = ? AND name = ?")
            return try names.compactMap { name in try Int64.fetchOne(statement, arguments: [kind.rawValue, name]).map { (name, $0) } }
        }
    }

    /// Reads the changed files of `changes` and forgets the removed ones; returns how many files that was.
    @discardableResult
    func update<R: ReachCore.Record>(_ kind: IndexedKind<R>, _ changes: FileChanges, progress: LoadProgress?,
                                     _ result: inout IndexRefresh) throws -> Int {
        guard !changes.isEmpty else { return 0 }
        if changes.changed.count >= longRead { onLongRead?(R.kind, changes.changed.count) }
        try apply(kind, changes, progress: progress, &result)
        result.filesRead += changes.changed.count
        result.filesRemoved += changes.removed.count
        return changes.changed.count + changes.removed.count
    }

    /// Reads the changed files and forgets the removed ones, a chunk at a time, each in its own transaction: memory
    /// stays bounded by a chunk when a first build reads every file, and a refresh cut short keeps what it did (the
    /// folder's stamp, written last, sends the next refresh back to the rest). The next chunk is read while one is
    /// written.
    private func apply<R: ReachCore.Record>(_ kind: IndexedKind<R>, _ changes: FileChanges, progress: LoadProgress?,
                                            _ result: inout IndexRefresh) throws {
        var toForget = changes.removed // in the first transaction
        try store.forEachChunk(R.self, in: changes.directory, names: changes.changed, chunkSize: Self.chunkSize,
                               progress: progress) { chunk, processed in
            var problemByName: [String: String] = [:]
            for problem in processed.problems where problem.movedTo == nil {
                problemByName[Posix.baseName(of: problem.file)] = problem.description
            }
            result.saidOnce += processed.problems.filter { $0.movedTo != nil }.map(\.description)
            result.quarantined += processed.quarantined.count
            try database.write { db in
                try forget(kind, toForget + processed.quarantined, in: db)
                let kindName = R.kind.rawValue
                let putFile = try IndexStatement(db, "INSERT OR REPLACE INTO files(kind, name, stamp, problem) VALUES (?, ?, ?, ?)")
                var stamps: [String: Int64] = [:]
                for (id, file) in processed.files {
                    let name = DataFolderLayout.fileName(id)
                    stamps[name] = file.stamp
                    putFile.bind(kindName)
                    putFile.bind(name)
                    putFile.bind(file.stamp)
                    putFile.bind(problemByName[name])
                    try putFile.run()
                }
                // A file that now has no record (unreadable, too large, a newer version that cannot load) loses its row.
                let loaded = Set(processed.recordNames)
                for name in chunk where !loaded.contains(name) { try kind.forget(db, name) }
                let put = try kind.writer(db)
                // By position, not `zip`: a pair per record would copy the record (a retain of each of its fields).
                for index in processed.records.indices {
                    let name = processed.recordNames[index]
                    try put(name, stamps[name] ?? 0, processed.records[index])
                }
            }
            toForget = []
        }
        if !toForget.isEmpty { try database.write { db in try forget(kind, toForget, in: db) } }
    }

    /// Removes the files `names` of one kind and their rows.
    private func forget<R: ReachCore.Record>(_ kind: IndexedKind<R>, _ names: [String], in db: Database) throws {
        let forgetFile = try db.makeStatement(sql: "DELETE FROM files WHERE kind = ? AND name = ?")
        for name in names {
            try forgetFile.execute(arguments: [R.kind.rawValue, name])
            try kind.forget(db, name)
        }
    }
}

/// Which files of one folder a refresh reads and forgets, found by comparing what is in the folder with the index's
/// stamps. `changed` is in the byte order of the names.
struct FileChanges {
    var directory: String
    var changed: [String]
    var removed: [String]

    /// Files of one folder (`listed`: a listing's ids, or those of the names the change journal gave) against the
    /// index's stamps of them, each from `nextKnown` in the byte order of the names (SQLite's, a cursor's rows): the
    /// two walked side by side, with no table of names, and neither list of names held as strings. A full check at
    /// 100k had looked 300,000 names up in three dictionaries (`reach today` took 2.1–2.4 s when its periodic full
    /// check was due), and then held both lists of 200,000 deal file names as strings: 50 MB more at the peak of the
    /// open app that keeps the index fresh (`IndexKeeping`). `changed` is in the byte order of the names.
    ///
    /// Only the files the index knows have their stamps taken and compared: one it does not know is read whatever its
    /// stamp (the reader takes the stamp of what it reads, and skips a file gone meanwhile), so a first build takes
    /// no stamp before it reads (300,000 at 100k: most of the second before the first file was read). A known name
    /// that is not a record file's is forgotten.
    init(directory: String, listed: [RecordID], nextKnown: () throws -> (name: String, stamp: Int64)?) throws {
        self.directory = directory
        // The listing is in id order, which is the names' byte order for every id Reach makes: sorting it again
        // costs one pass, and only an odd hand-made name moves.
        let precedes = Self.precedes as (RecordID, RecordID) -> Bool
        let ids = zip(listed, listed.dropFirst()).allSatisfy { precedes($0, $1) } ? listed : listed.sorted(by: precedes)
        // Each listed id's stamp in the index, nil when the index does not know it (read whatever its stamp).
        var knownStamps: [Int64?] = []
        knownStamps.reserveCapacity(ids.count)
        var removed: [String] = []
        var known: (name: String, stamp: Int64)?
        var knownID: RecordID?
        /// Moves to the next known file, forgetting the names that are no record file's.
        func advance() throws {
            known = try nextKnown()
            knownID = nil
            while let name = known?.name {
                knownID = DataFolderLayout.recordID(fromFileName: name)
                if knownID != nil { break }
                removed.append(name)
                known = try nextKnown()
            }
        }
        try advance()
        for id in ids {
            while let before = knownID, precedes(before, id) {
                removed.append(known!.name)
                try advance()
            }
            if knownID == id, let stamp = known?.stamp {
                knownStamps.append(stamp)
                try advance()
            } else {
                knownStamps.append(nil)
            }
        }
        while let name = known?.name {
            removed.append(name)
            try advance()
        }
        let compared = Self.compare(directory, ids, knownStamps: knownStamps)
        changed = compared.changed
        self.removed = removed + compared.gone
    }

    /// The files the index knows of a folder that was not listed, each from `nextKnown` in the byte order of the
    /// names, against their stamps now: for a folder in which nothing was added, removed or renamed since it was last
    /// listed. A name that is not a record file's is forgotten.
    init(directory: String, unlisted nextKnown: () throws -> (name: String, stamp: Int64)?) throws {
        var ids: [RecordID] = [], knownStamps: [Int64?] = [], removed: [String] = []
        while let (name, stamp) = try nextKnown() {
            guard let id = DataFolderLayout.recordID(fromFileName: name) else {
                removed.append(name)
                continue
            }
            ids.append(id)
            knownStamps.append(stamp)
        }
        self.directory = directory
        let compared = Self.compare(directory, ids, knownStamps: knownStamps)
        changed = compared.changed
        self.removed = removed + compared.gone
    }

    /// `ids` against their stamps in the index (nil: a file the index does not know, read whatever its stamp), the
    /// stamps of the known ones taken now: the changed ones, in the order of `ids`, and those gone since they were
    /// listed or known.
    private static func compare(_ directory: String, _ ids: [RecordID],
                                knownStamps: [Int64?]) -> (changed: [String], gone: [String]) {
        let stamps = FileStamps.byPosition(directory, ids: zip(ids, knownStamps).compactMap { $1 == nil ? nil : $0 })
        var changed: [String] = [], gone: [String] = []
        var place = 0
        for (id, known) in zip(ids, knownStamps) {
            guard let known else {
                changed.append(DataFolderLayout.fileName(id))
                continue
            }
            defer { place += 1 }
            guard let stamp = stamps[place] else {
                gone.append(DataFolderLayout.fileName(id))
                continue
            }
            if stamp != known { changed.append(DataFolderLayout.fileName(id)) }
        }
        return (changed, gone)
    }

    /// The byte order of names, SQLite's for the index's `files` table.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// The byte order of two records' file names: their ids' order when both are Reach's (26 ASCII characters in
    /// the same order as the ids' numbers), else the names compared.
    static func precedes(_ a: RecordID, _ b: RecordID) -> Bool {
        a.isWellFormed && b.isWellFormed ? a < b : precedes(DataFolderLayout.fileName(a), DataFolderLayout.fileName(b))
    }

    /// Just the files of `known`, each compared with its stamp there, in name order: what a command confirms before
    /// it shows rows of the index. Paired by position, with no table of the new stamps (`reach today` confirms 80,000
    /// files at 100k).
    init(directory: String, confirming known: [String: Int64]) {
        self.directory = directory
        let files = Array(known)
        let stamps = FileStamps.byPosition(directory, names: files.map(\.key))
        changed = zip(files, stamps).compactMap { file, stamp in stamp.map { $0 != file.value } == true ? file.key : nil }.sorted()
        removed = zip(files, stamps).compactMap { file, stamp in stamp == nil ? file.key : nil }
    }

    var isEmpty: Bool { changed.isEmpty && removed.isEmpty }
}

/// Every record file's stamp in one folder, taken on all cores (at 100k deals this is most of a refresh).
enum FileStamps {
    /// Each name's stamp (nil: gone), by position.
    static func byPosition(_ directory: String, names: [String]) -> [Int64?] {
        byPosition(directory, count: names.count) { folder, index in folder.stampInfo(names[index]) }
    }

    /// Each id's file's stamp (nil: gone), by position.
    static func byPosition(_ directory: String, ids: [RecordID]) -> [Int64?] {
        byPosition(directory, count: ids.count) { folder, index in folder.stampInfo(of: ids[index]) }
    }

    private static func byPosition(_ directory: String, count: Int, _ info: @Sendable (OpenFolder, Int) -> stat?) -> [Int64?] {
        let folder = OpenFolder(directory)
        defer { folder.close() }
        return ParallelSlots<Int64?>.map(count, chunkSize: 1_024) { index in info(folder, index).map { IndexStamp.of(FileStamp($0)) } }
    }
}
