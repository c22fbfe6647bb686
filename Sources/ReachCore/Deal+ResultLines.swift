import Foundation

/// How hand-entered and imported results combine, so every total counts each figure once:
///
/// 1. A deliverable's figures are its hand-entered results, with each figure that its latest imported post
///    snapshot holds replacing the hand-entered one (post insights are cumulative: the newest day wins,
///    earlier days are history, never summed).
/// 2. When the deal has imported sales rows (by code or link), those are the deal's sales: every deliverable's
///    clicks, code uses, conversions and revenue are left out, and the sales rows (daily figures, one per
///    key + day + file) are summed into one extra line.
extension Deal {
    /// The result lines every total adds up: one per deliverable not dropped, plus one for imported sales.
    public var resultLines: [DeliverableResults] {
        let sales = (importedResults ?? []).filter { $0.deliverableID == nil }
        var lines = deliverableLines.map(\.results)
        if let summed = Self.sum(sales.map(\.figures)) { lines.append(summed) }
        return lines
    }

    /// The same figures for a time series: deliverables at their posting date (nil when not posted), and each
    /// imported sales row at its own day instead of summed.
    public var datedResultLines: [(date: Date?, results: DeliverableResults)] {
        deliverableLines + (importedResults ?? []).filter { $0.deliverableID == nil }.map { ($0.day, $0.figures) }
    }

    /// Rule 1 and the first half of rule 2, per deliverable not dropped.
    private var deliverableLines: [(date: Date?, results: DeliverableResults)] {
        let imported = importedResults ?? []
        let hasSales = imported.contains { $0.deliverableID == nil }
        var lines: [(date: Date?, results: DeliverableResults)] = []
        for item in deliverables where !item.isDropped {
            var figures = item.results
            if let snapshot = Self.latestSnapshot(imported, for: item.id) {
                figures = (figures ?? DeliverableResults()).overlaid(by: snapshot.figures)
            }
            if hasSales { figures = figures?.withoutSales }
            if let figures { lines.append((item.postedAt, figures)) }
        }
        return lines
    }

    /// The newest imported post snapshot of one deliverable (latest day; on the same day the later line of
    /// the later file name, so the choice does not depend on import order).
    static func latestSnapshot(_ imported: [ImportedResult], for deliverable: UUID) -> ImportedResult? {
        imported.filter { $0.deliverableID == deliverable }
            .max { ($0.day, $0.sourceFile, $0.line) < ($1.day, $1.sourceFile, $1.line) }
    }

    /// Daily sales added up; revenue only when every row's currency agrees (the import converts to the deal's).
    public static func sum(_ rows: [DeliverableResults]) -> DeliverableResults? {
        guard let first = rows.first else { return nil }
        func add(_ a: Int?, _ b: Int?) -> Int? { a == nil && b == nil ? nil : (a ?? 0) + (b ?? 0) }
        var total = DeliverableResults(source: .imported)
        var revenue: Money?
        for row in rows {
            total.clicks = add(total.clicks, row.clicks)
            total.codeUses = add(total.codeUses, row.codeUses)
            total.conversions = add(total.conversions, row.conversions)
            if let r = row.revenue {
                revenue = Money(minorUnits: (revenue?.minorUnits ?? 0).clampedAdding(r.minorUnits), currency: revenue?.currency ?? r.currency)
            }
        }
        total.revenue = revenue
        total.asOf = rows.compactMap(\.asOf).max() ?? first.asOf
        return total
    }
}

extension DeliverableResults {
    /// These figures with every figure `newer` has taken from it.
    func overlaid(by newer: DeliverableResults) -> DeliverableResults {
        var out = self
        out.reach = newer.reach ?? reach
        out.impressions = newer.impressions ?? impressions
        out.views = newer.views ?? views
        out.likes = newer.likes ?? likes
        out.comments = newer.comments ?? comments
        out.shares = newer.shares ?? shares
        out.saves = newer.saves ?? saves
        out.clicks = newer.clicks ?? clicks
        out.codeUses = newer.codeUses ?? codeUses
        out.conversions = newer.conversions ?? conversions
        out.revenue = newer.revenue ?? revenue
        out.asOf = newer.asOf ?? asOf
        out.source = newer.source ?? source
        return out
    }

    /// The audience figures only (sales come from imported sales rows instead).
    var withoutSales: DeliverableResults {
        var out = self
        out.clicks = nil
        out.codeUses = nil
        out.conversions = nil
        out.revenue = nil
        return out
    }
}
