import Foundation
import ReachCore
import ReachStore

/// The spreadsheet `import.csv-*` cases read: `rows` creators as an account manager's export would have them,
/// cached under `$TMPDIR/reach-bench-import-<rows>-<seed>.csv`.
///
/// Built from the 10k bench folder's `DemoData` creators (names in Latin, Cyrillic, Georgian, Japanese, Chinese
/// and Arabic script, real cities, tags, notes), each reused once per 10,000 rows with a suffixed handle and email
/// so every row is a different creator, except: 1 row in 100 repeats a creator of an earlier row (a duplicate to
/// merge within the file), 1 in 200 is broken (bad email, count, country, handle with spaces, no identity),
/// a few rows are blank, and 1,000 rows carry the unchanged handle or email of a creator in the 10k folder
/// (merged when importing into it). Values are written the way people type them: `12.5k`, `1,2M`, `1 200`,
/// `@handle`, profile URLs, country names, notes with commas, quotes and line breaks.
struct ImportCSV: Sendable {
    static let header = ["Name", "Full name", "Instagram", "IG followers", "ER", "TikTok", "TikTok Followers", "YouTube",
                         "YT subscribers", "Email", "Phone", "Country", "City", "Language", "Niche", "Tags", "Notes",
                         "Status", "Last updated", "Owner"]

    var rows: Int
    var seed: UInt64 = Dataset.defaultSeed
    /// The bench folder whose creators the file's names come from, and into which `import.csv-100k-onto-10k` imports.
    static let source = Dataset(influencers: 10_000)

    var path: String { (Self.source.folder as NSString).deletingLastPathComponent + "/reach-bench-import-\(rows)-\(seed).csv" }

    /// Writes the file unless it exists (it is written to a temp name and renamed, so it exists only complete).
    func prepare() throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        Progress.say("generating a \(rows)-row CSV in \(path) (cached for next runs)…")
        let creators = Dataset.generate(count: Self.source.influencers, seed: seed).influencers
        var rng = SplitMix64(seed: seed)
        var lines: [[String]] = []
        lines.reserveCapacity(rows)
        for index in 0..<rows {
            let roll = rng.below(1_000)
            if roll < 2 {
                lines.append(Array(repeating: "", count: Self.header.count))  // a spreadsheet's empty row
            } else if roll < 12, index > 100 {
                lines.append(repeated(lines[index - 1 - rng.below(100)], rng: &rng))
            } else if roll < 17 {
                lines.append(broken(creators[index % creators.count], index: index, rng: &rng))
            } else {
                // Every tenth creator of the first 10,000 rows keeps the identity it has in the 10k folder.
                let original = index < creators.count && index % 10 == 0
                lines.append(row(creators[index % creators.count], suffix: original ? nil : index / creators.count, rng: &rng))
            }
        }
        let temp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temp, contents: Data(CSVText.bytes(header: Self.header, rows: lines))) else {
            throw BenchError(description: "cannot write \(temp): check that \(temp) is writable")
        }
        try FileManager.default.moveItem(atPath: temp, toPath: path)
    }

    /// One creator as a row; with a `suffix`, handles and email are made that creator's own for this block of rows.
    private func row(_ creator: Influencer, suffix: Int?, rng: inout SplitMix64) -> [String] {
        func handle(_ platform: Platform) -> (String, PlatformAccount)? {
            guard let account = creator.account(on: platform) else { return nil }
            return (account.handle + (suffix.map { "_\($0)" } ?? ""), account)
        }
        var fields = [String](repeating: "", count: Self.header.count)
        fields[0] = creator.displayName
        fields[1] = rng.below(3) == 0 ? creator.realName ?? "" : ""
        if let (name, account) = handle(.instagram) {
            fields[2] = [name, "@" + name, "https://www.instagram.com/\(name)/", "@" + name.uppercased()][rng.below(4)]
            fields[3] = followers(account, rng: &rng)
            fields[4] = account.latestEngagementRate.map { rate in
                [String(format: "%.1f", rate.value), String(format: "%.1f%%", rate.value), String(format: "%.1f", rate.value)
                    .replacingOccurrences(of: ".", with: ",")][rng.below(3)]
            } ?? ""
        }
        if let (name, account) = handle(.tiktok) {
            fields[5] = rng.below(2) == 0 ? "@" + name : name
            fields[6] = followers(account, rng: &rng)
        }
        if let (name, account) = handle(.youtube) {
            fields[7] = "https://youtube.com/@\(name)"
            fields[8] = followers(account, rng: &rng)
        }
        if let email = creator.contact.email, let at = email.firstIndex(of: "@") {
            fields[9] = suffix.map { email[..<at] + "+\($0)" + email[at...] } ?? email
        }
        if fields[2].isEmpty && fields[5].isEmpty && fields[7].isEmpty && fields[9].isEmpty {
            // The creator's accounts are all on other platforms: an email makes the row importable.
            fields[9] = "creator\(creator.id.rawValue.suffix(8).lowercased())\(suffix.map { "+\($0)" } ?? "")@example.com"
        }
        fields[10] = creator.contact.phone ?? ""
        fields[11] = creator.country.map { code in
            rng.below(4) == 0 ? Locale(identifier: "en_US").localizedString(forRegionCode: code) ?? code : code
        } ?? ""
        fields[12] = creator.city ?? ""
        fields[13] = creator.languages.joined(separator: ", ")
        fields[14] = creator.niches.map(\.rawValue).joined(separator: "; ")
        fields[15] = creator.tags.joined(separator: ", ")
        fields[16] = rng.below(8) == 0 ? "Met at \"Creator Days\", Riga.\nAsked for rates, waiting for reply" : creator.notes ?? ""
        fields[17] = ["", "", "", "Prospect", "Gifted", "Active partner"][rng.below(6)]
        fields[18] = rng.below(4) == 0 ? "2026-05-\(10 + rng.below(19))" : ""
        fields[19] = ["anna", "Giorgi", "Kenji", ""][rng.below(4)]
        return fields
    }

    /// Follower counts written the way spreadsheets hold them.
    private func followers(_ account: PlatformAccount, rng: inout SplitMix64) -> String {
        guard let count = account.latestFollowers?.value else { return "" }
        switch rng.below(6) {
        case 0: return String(format: "%.1fk", Double(count) / 1_000)
        case 1 where count >= 1_000_000: return String(format: "%.1fM", Double(count) / 1_000_000).replacingOccurrences(of: ".", with: ",")
        case 2: return count.formatted(.number.locale(Locale(identifier: "en_US")))  // 12,500
        case 3 where count >= 1_000: return "\(count / 1_000) \(String(format: "%03d", count % 1_000))"  // 12 500
        default: return String(count)
        }
    }

    /// An earlier row again, with its follower figures typed differently (as a second tab of the same sheet would).
    private func repeated(_ earlier: [String], rng: inout SplitMix64) -> [String] {
        var fields = earlier
        if !fields[3].isEmpty { fields[3] = "\(1 + rng.below(900))k" }
        return fields
    }

    /// A row an import must reject, with a reason it can name.
    private func broken(_ creator: Influencer, index: Int, rng: inout SplitMix64) -> [String] {
        var fields = row(creator, suffix: 100 + index, rng: &rng)
        switch rng.below(5) {
        case 0: fields[9] = "no-at-sign.example.com"
        case 1: fields[2] = "creator\(index)"; fields[3] = "lots"
        case 2: fields[11] = "Atlantis"
        case 3: fields[2] = "two words \(index)"
        default: for column in [2, 5, 7, 9] { fields[column] = "" }
        }
        return fields
    }
}
