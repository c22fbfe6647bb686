import Foundation
import ReachCore

/// Turns one row of a results export into a dated, matched result, or a rejection naming what is wrong
/// (unknown code or link, a number or date that does not read, a currency with no stored rate).
struct ResultsRowReader {
    let columns: ResultColumns
    let matcher: ResultsMatcher
    /// The currency each deal's revenue is kept in.
    let dealCurrency: [RecordID: CurrencyCode]
    let rates: CurrencyRates
    let sourceFile: String
    /// The day for rows without a date column (the day of the import, midnight UTC).
    let today: Date

    /// A row's result with the deal it belongs to.
    struct Matched {
        var dealID: RecordID
        var result: ImportedResult
    }

    func read(_ row: DelimitedTextReader.Row) -> Result<Matched, RowRejection> {
        var cells: [ResultField: String] = [:]
        for (index, field) in columns.fields.enumerated() where field != .ignored && index < row.fields.count {
            let value = row.fields[index].trimmingWhitespace()
            if !value.isEmpty { cells[field] = value }
        }
        let matched = matcher.match(code: cells[.code], link: cells[.link], utmContent: cells[.utmContent],
                                    utmCampaign: cells[.utmCampaign], postURL: cells[.postURL])
        return matched.flatMap { match in figures(cells, match: match).map { (match, $0) } }.flatMap { match, figures in
            day(cells[.day]).map { day in
                Matched(dealID: match.dealID, result: ImportedResult(day: day, matchedBy: match.key, sourceFile: sourceFile, line: row.line,
                                                                     deliverableID: match.deliverableID, figures: figures))
            }
        }
    }

    private func figures(_ cells: [ResultField: String], match: ResultsMatcher.Match) -> Result<DeliverableResults, RowRejection> {
        var out = DeliverableResults(asOf: nil, source: .imported)
        func count(_ field: ResultField) throws(RowRejection) -> Int? {
            guard let text = cells[field] else { return nil }
            guard let value = ImportValues.count(text) else {
                throw RowRejection(reason: "\(field.rawValue) \"\(text)\" is not a whole number.")
            }
            return value
        }
        do throws(RowRejection) {
            out.clicks = try count(.clicks)
            if match.deliverableID != nil {
                out.reach = try count(.reach)
                out.impressions = try count(.impressions)
                out.views = try count(.views)
                out.likes = try count(.likes)
                out.comments = try count(.comments)
                out.shares = try count(.shares)
                out.saves = try count(.saves)
            }
            let orders = try count(.orders)
            out.conversions = try count(.conversions) ?? orders
            // Orders through a code are uses of the code (conversion rate = code uses ÷ clicks).
            if match.key.hasPrefix("code:") { out.codeUses = orders ?? out.conversions }
            out.revenue = try revenue(cells, dealID: match.dealID)
        } catch {
            return .failure(error)
        }
        return .success(out)
    }

    /// Net sales, else gross, in the deal's currency (converted at the stored rate when the row's differs).
    private func revenue(_ cells: [ResultField: String], dealID: RecordID) throws(RowRejection) -> Money? {
        guard let text = cells[.netSales] ?? cells[.grossSales] else { return nil }
        let target = dealCurrency[dealID] ?? .eur
        let currency = cells[.currency].map { CurrencyCode(rawValue: $0) } ?? target
        let amount: Money
        do { amount = try Money.parse(text, currency: currency) } catch {
            throw RowRejection(reason: "sales \"\(text)\" is not an amount in \(currency).")
        }
        guard currency != target else { return amount }
        do { return try rates.convert(amount, to: target).converted } catch {
            throw RowRejection(reason: "the sales are in \(currency) but the deal is in \(target), and there is no stored "
                               + "\(currency)→\(target) rate; add one in reach.json (currencyRates) and import again.")
        }
    }

    /// `2026-11-03`, an ISO timestamp (its UTC day), `03.11.2026` or `03/11/2026` (day first); empty: today.
    private func day(_ text: String?) -> Result<Date, RowRejection> {
        guard let text else { return .success(today) }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? .current
        if let date = ImportValues.date(text) { return .success(utc.startOfDay(for: date)) }
        let parts = text.split(whereSeparator: { $0 == "." || $0 == "/" }).map { Int($0) }
        if parts.count == 3, let d = parts[0], let m = parts[1], let y = parts[2], y > 1900,
           let date = utc.date(from: DateComponents(year: y, month: m, day: d)), utc.component(.day, from: date) == d {
            return .success(date)
        }
        return .failure(RowRejection(reason: "date \"\(text)\" is not a day (write 2026-11-03)."))
    }
}
