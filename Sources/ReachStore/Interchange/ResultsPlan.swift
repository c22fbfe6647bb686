import Foundation
import ReachCore

/// The rows of one results file, folded per deal, key and day, and what storing them changes on each deal.
struct ResultsPlan {
    /// What applying the plan changes: the deals to save, and per file line what happened to its entry.
    struct Changes {
        struct Row {
            var description: String
            var sameFileLine: Int?
        }

        var deals: [Deal] = []
        var rows: [Int: Row] = [:]
        var warnings: [String] = []
    }

    private let originals: [RecordID: Deal]
    /// Folded rows per deal, in file order.
    private var entries: [RecordID: [ImportedResult]] = [:]
    private var order: [RecordID] = []
    /// The lines folded into an entry first seen on another line.
    private var folded: [Int: Int] = [:]

    init(deals: [Deal]) {
        originals = Dictionary(deals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func deal(_ id: RecordID) -> Deal? { originals[id] }
    func revision(of id: RecordID) -> Int { originals[id]?.revision ?? 0 }

    /// Adds a row; returns the line of an earlier row of this file it was folded into (same key and day):
    /// sales add up, a post snapshot replaces the earlier one.
    @discardableResult
    mutating func add(_ matched: ResultsRowReader.Matched) -> Int? {
        let row = matched.result
        if entries[matched.dealID] == nil { order.append(matched.dealID) }
        var list = entries[matched.dealID, default: []]
        defer { entries[matched.dealID] = list }
        guard let index = list.firstIndex(where: { $0.isSameRow(as: row) }) else {
            list.append(row)
            return nil
        }
        let first = list[index].line
        if row.deliverableID == nil {
            list[index].figures = Deal.sum([list[index].figures, row.figures]) ?? row.figures
        } else {
            list[index].figures = row.figures
        }
        folded[row.line] = first
        return first
    }

    /// Stores the rows on their deals and refreshes computed commission lines.
    func apply(currencies: [RecordID: CurrencyCode], rates: CurrencyRates, day: String) -> Changes {
        var changes = Changes()
        for id in order {
            guard var deal = originals[id] else { continue }
            let described = store(on: &deal)
            guard !described.isEmpty else { continue }
            for (line, text) in described { changes.rows[line] = Changes.Row(description: text, sameFileLine: nil) }
            do {
                let before = deal.computedCommissionIndex.map { deal.payments[$0].amount }
                if let owed = try deal.refreshComputedCommission(in: currencies[id] ?? .eur, rates: rates, day: day),
                   owed != before ?? Money(minorUnits: 0, currency: owed.currency),
                   let last = described.map(\.0).max() {
                    changes.rows[last]?.description += "; commission owed now \(owed.formatted) (computed line in the ledger)"
                }
            } catch {
                changes.warnings.append("Deal \(id): commission not recomputed: \(error.description)")
            }
            changes.deals.append(deal)
        }
        // Folded lines share the description of the entry they went into.
        for (line, first) in folded {
            if let row = changes.rows[first] { changes.rows[line] = Changes.Row(description: row.description, sameFileLine: first) }
        }
        return changes
    }

    /// `apply` for one deal as another session saved it meanwhile.
    func reapply(to deal: inout Deal, currency: CurrencyCode, rates: CurrencyRates, day: String) {
        _ = store(on: &deal)
        _ = try? deal.refreshComputedCommission(in: currency, rates: rates, day: day)
    }

    /// Upserts this file's entries for `deal`; returns (line, description) for each entry added or changed.
    private func store(on deal: inout Deal) -> [(Int, String)] {
        var stored = deal.importedResults ?? []
        var described: [(Int, String)] = []
        for row in entries[deal.id] ?? [] {
            if let index = stored.firstIndex(where: { $0.isSameRow(as: row) }) {
                let old = stored[index]
                guard old.figures != row.figures || old.line != row.line || old.deliverableID != row.deliverableID else { continue }
                stored[index] = ImportedResult(id: old.id, day: row.day, matchedBy: row.matchedBy, sourceFile: row.sourceFile, line: row.line,
                                               deliverableID: row.deliverableID, figures: row.figures)
                described.append((row.line, "updated " + Self.describe(row)))
            } else {
                stored.append(row)
                described.append((row.line, "added " + Self.describe(row)))
            }
        }
        if !described.isEmpty { deal.importedResults = stored }
        return described
    }

    /// `2026-11-03 code:SUMMER10: orders 3, revenue EUR 120.00`.
    static func describe(_ row: ImportedResult) -> String {
        let f = row.figures
        let counts: [(String, Int?)] = [("clicks", f.clicks), ("code uses", f.codeUses), ("conversions", f.conversions),
                                        ("reach", f.reach), ("impressions", f.impressions), ("views", f.views), ("likes", f.likes),
                                        ("comments", f.comments), ("shares", f.shares), ("saves", f.saves)]
        var parts = counts.compactMap { name, value in value.map { "\(name) \($0)" } }
        if let revenue = f.revenue { parts.append("revenue \(revenue.formatted)") }
        return "\(ImportValues.format(row.day)) \(row.matchedBy): " + (parts.isEmpty ? "no figures" : parts.joined(separator: ", "))
    }
}
