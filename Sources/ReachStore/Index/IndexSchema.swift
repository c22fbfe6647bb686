import GRDB

/// The tables of `cache/index.sqlite`. Everything in it is derived from the record files and can be dropped at
/// any time; a file of another `version` is emptied and rebuilt, never migrated.
enum IndexSchema {
    /// Bump whenever a table or the meaning of a column changes, including what `CreatorSummary` holds (the roster
    /// facts, `CreatorSearchKeys`, the duplicate keys).
    static let version = 13

    /// Rows are keyed by file name, not record id: a file whose id does not match its name still maps back to the
    /// file it came from, so a removed file removes its row.
    static let tables = [
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        // Per record folder: the folder's own stamp when it was last listed, whether that stamp can be trusted to
        // change on the next rename in it (see `FolderStamp`), and when every file's stamp was last compared.
        "CREATE TABLE folders(kind TEXT PRIMARY KEY, stamp INTEGER NOT NULL, trusted INTEGER NOT NULL, verified_at REAL NOT NULL) WITHOUT ROWID",
        // Every record file as last read: its stamp, and the problem it had (reported by every command, as before).
        "CREATE TABLE files(kind TEXT NOT NULL, name TEXT NOT NULL, stamp INTEGER NOT NULL, problem TEXT, PRIMARY KEY(kind, name)) WITHOUT ROWID",
        // A record's row repeats its file's stamp, so a command can confirm what it shows without a lookup in
        // `files` per row; finding a creator by id reads its name and stamp from the index alone. A creator's
        // `summary` (`CreatorSummaryColumn`) is what the app keeps of them while their full record stays in its file.
        "CREATE TABLE creators(file TEXT PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, stamp INTEGER NOT NULL, summary BLOB NOT NULL) WITHOUT ROWID",
        "CREATE TABLE campaigns(file TEXT PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, stamp INTEGER NOT NULL) WITHOUT ROWID",
        // A deal's references and its `DealRow` (dates as seconds since 2001, exactly as `Date` holds them), its
        // entries one row each in order, for the commands' queries; and the whole row as one blob
        // (`DealRowColumn`), which the app's start reads.
        """
        CREATE TABLE deals(file TEXT PRIMARY KEY, stamp INTEGER NOT NULL, id TEXT NOT NULL, creator TEXT NOT NULL, campaign TEXT NOT NULL,
            owner TEXT, archived INTEGER NOT NULL, stage TEXT NOT NULL, stage_since REAL NOT NULL,
            next_summary TEXT, next_due REAL, next_whose TEXT, fee_minor INTEGER, fee_currency TEXT, last_contact REAL,
            discount_code TEXT, paid TEXT, row BLOB NOT NULL) WITHOUT ROWID
        """,
        """
        CREATE TABLE agenda(file TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL, date REAL, summary TEXT NOT NULL,
            PRIMARY KEY(file, position)) WITHOUT ROWID
        """,
    ]

    /// The tables' own indexes, for the commands' look-ups. A new index file gets them only at the end of the refresh
    /// that fills it (`makeLookups`): sorting 200,000 deals once per index is cheaper than inserting each of them into
    /// three indexes at once, all over their pages. Every refresh ends by making any that are missing, so one cut short
    /// before its end is followed by one that makes them; until then a query scans the table, with the same result.
    static let lookups = [
        "CREATE INDEX IF NOT EXISTS creators_by_id ON creators(id, name, stamp)",
        "CREATE INDEX IF NOT EXISTS campaigns_by_id ON campaigns(id)",
        "CREATE INDEX IF NOT EXISTS deals_by_owner ON deals(owner)",
        "CREATE INDEX IF NOT EXISTS deals_by_campaign ON deals(campaign)",
        // `Tracking.discountCodeKey`: for finding two deals that share a code without reading them (`reach doctor`).
        "CREATE INDEX IF NOT EXISTS deals_by_code ON deals(discount_code) WHERE discount_code IS NOT NULL",
    ]

    /// Makes the `lookups` that are missing (a statement each that does nothing when it exists).
    static func makeLookups(_ db: Database) throws {
        for statement in lookups { try db.execute(sql: statement) }
    }

    /// Creates the tables, or empties a file of another version and creates them anew. Run in one exclusive
    /// transaction so two processes opening a new index at once do not both build it.
    static func prepare(_ db: Database) throws {
        if try tableNames(db).contains("meta"),
           try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'version'") == String(version) {
            return
        }
        try recreate(db)
    }

    /// Drops every table there is and creates this version's anew, empty: the next refresh reads every record file.
    static func recreate(_ db: Database) throws {
        for table in try tableNames(db) { try db.execute(sql: "DROP TABLE IF EXISTS \"\(table)\"") }
        for statement in tables { try db.execute(sql: statement) }
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('version', ?)", arguments: [String(version)])
    }

    private static func tableNames(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    }
}
