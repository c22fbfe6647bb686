import Foundation
import ReachCore

/// The lines of the deal page's "Imported results" section: what `reach import results` stored on the deal,
/// newest day first, each with what it matched and the file and line it came from, so a figure in a total can
/// be traced back to the export.
enum ImportedResultsSection {
    /// At most this many entries are listed; the rest are counted (a daily shop report adds one a day).
    static let shown = 12

    /// "2 files, 5 rows · conversion rate 3.5% (code uses ÷ clicks)", or nil when nothing was imported.
    static func summary(_ deal: Deal, totals: ResultTotals?) -> String? {
        guard let imported = deal.importedResults, !imported.isEmpty else { return nil }
        let files = Set(imported.map(\.sourceFile)).count
        var text = "\(files) file\(files == 1 ? "" : "s"), \(imported.count) row\(imported.count == 1 ? "" : "s")"
        if let totals, totals.clicks > 0, totals.codeUses > 0 {
            text += " · conversion rate \(Humanize.percent(Double(totals.codeUses) / Double(totals.clicks) * 100)) (code uses ÷ clicks)"
        }
        return text
    }

    /// (prefix, text) per entry: "2026-11-03 · code LIGA15 · " and "code uses 2 · revenue EUR 80.00 · codes.csv line 3".
    static func entries(_ deal: Deal, day: (Date) -> String) -> [(String, String)] {
        let imported = (deal.importedResults ?? []).sorted { ($0.day, $0.sourceFile, $0.line) > ($1.day, $1.sourceFile, $1.line) }
        var out = imported.prefix(shown).map { entry -> (String, String) in
            var what = entry.matchedBy.replacingOccurrences(of: ":", with: " ", options: [], range: entry.matchedBy.range(of: ":"))
            if let id = entry.deliverableID, let index = deal.deliverables.firstIndex(where: { $0.id == id }) {
                what = "post \(index + 1) (\(deal.deliverables[index].title))"
            }
            let figures = DealPage.results(entry.figures, followers: nil)
            return ("  \(day(entry.day)) · \(what) · ", "\(figures) · \(entry.sourceFile) line \(entry.line)")
        }
        if imported.count > shown { out.append(("  ", "… and \(imported.count - shown) older rows")) }
        return out
    }
}
