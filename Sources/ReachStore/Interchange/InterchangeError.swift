import ReachCore

/// Why an import, export, report or GDPR request could not run at all; each message names the file
/// (and line, where there is one) and says what to do. Problems with single rows are not errors:
/// they are rejections listed in the `ImportReport`, and the good rows still import.
public enum InterchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotRead(file: String, reason: String)
    case cannotWrite(file: String, problem: OutputProblem)
    /// The file is not UTF-8; `encoding` is our best guess at what it is.
    case notUTF8(file: String, line: Int, encoding: String)
    case emptyFile(file: String)
    case unterminatedQuote(file: String, line: Int)
    /// No column identifies a creator (name, handle, profile URL or email).
    case noIdentifyingColumn(file: String, headers: [String])
    case badMapping(String, reason: String)
    case invalidJSON(file: String, position: TextPosition?, reason: String)
    case notAnArray(file: String)
    case notFound(what: String, query: String)
    case ambiguous(what: String, query: String, matches: [String])
    /// The campaign's brief has nothing in it, so there is nothing to send.
    case emptyBrief(campaign: String)
    case unsupported(String)

    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            return "Cannot read \(file): \(reason). Check the path and that you may read it."
        case let .cannotWrite(file, problem):
            return "Cannot write \(file): \(problem)."
        case let .notUTF8(file, line, encoding):
            let convert = encoding.hasPrefix("UTF-16")
                ? "iconv -f UTF-16 -t UTF-8 '\(file)' > utf8.csv"
                : "iconv -f WINDOWS-1252 -t UTF-8 '\(file)' > utf8.csv"
            return "\(file) line \(line): the file is not UTF-8 (it looks like \(encoding)). Nothing was imported. "
                + "Convert it first: \(convert) (or in Excel: Save As > \"CSV UTF-8\"), then import the converted file."
        case let .emptyFile(file):
            return "\(file) is empty: export the sheet again with a header row and at least one data row."
        case let .unterminatedQuote(file, line):
            return "\(file) line \(line): a quoted field (\") is never closed, so the rest of the file would be one field. "
                + "Nothing was imported; close the quote or remove it, then import again."
        case let .noIdentifyingColumn(file, headers):
            return "\(file): no column names a creator (found: \(headers.joined(separator: ", "))). "
                + "Add a Name, handle (e.g. Instagram), profile URL or Email column, or map one with --map 'Column=name'."
        case let .badMapping(spec, reason):
            return "--map \(spec): \(reason)"
        case let .invalidJSON(file, position, reason):
            let location = position.map { " \($0)" } ?? ""
            return "\(file)\(location): \(reason). Nothing was imported; fix the file and import again."
        case let .notAnArray(file):
            return "\(file) is not a JSON array of records: export with `reach export ... --format json` to see the expected shape."
        case let .notFound(what, query):
            return "No \(what) matches \"\(query)\": check the spelling, or use the id (26 characters) from an export."
        case let .ambiguous(what, query, matches):
            return "\"\(query)\" matches \(matches.count) \(what)s; run again with one of these ids:\n"
                + matches.map { "  " + $0 }.joined(separator: "\n")
        case let .emptyBrief(campaign):
            return "The brief of \"\(campaign)\" is empty: write it in Reach (B on the campaign) before sending it to creators."
        case let .unsupported(message):
            return message
        }
    }
}
