import Foundation
import ReachCore

/// Writes CSV that `DelimitedTextReader` (and any spreadsheet) reads back exactly: comma-separated, LF line
/// ends, fields quoted when they hold a comma, quote, line break, or leading/trailing space.
///
/// Not CSV.swift's `CSVWriter`: it makes one stream call per byte, slow for a 100,000-creator export,
/// and does not quote leading spaces, which our reader trims from unquoted fields.
public enum CSVText {
    /// `rows` may be lazy: an export of 100,000 creators then makes one row's strings at a time.
    public static func bytes(header: [String], rows: some Collection<[String]>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 * (rows.count + 1))
        append(rows: CollectionOfOne(header), to: &out)
        append(rows: rows, to: &out)
        return out
    }

    /// Appends `rows` to a CSV being written a chunk of records at a time (see `Export`).
    public static func append(rows: some Sequence<[String]>, to out: inout [UInt8]) {
        for row in rows {
            for (index, field) in row.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(field, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
    }

    private static let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
    private static let padded: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "\t")]

    private static func append(_ field: String, to out: inout [UInt8]) {
        let utf8 = field.utf8
        let quote = utf8.contains(where: special.contains) || utf8.first.map(padded.contains) == true
            || utf8.last.map(padded.contains) == true
        guard quote else { return out.append(contentsOf: utf8) }
        out.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// An amount as a plain decimal number in major units (`1250.00`, `-3.50`, `150000`) for spreadsheets.
    static func amount(_ money: Money?) -> String {
        guard let money else { return "" }
        let scale = UInt64(Money.scale(money.currency))
        let magnitude = money.minorUnits.magnitude
        var text = String(magnitude / scale)
        if money.currency.minorUnitExponent > 0 {
            let fraction = String(magnitude % scale)
            text += "." + String(repeating: "0", count: money.currency.minorUnitExponent - fraction.count) + fraction
        }
        return (money.isNegative ? "-" : "") + text
    }

    /// A number without grouping; empty for nil.
    static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// A ratio or percentage with two decimals; empty for nil.
    static func decimal(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.2f", value)
    }
}
