import Foundation

/// Writes the generated influencers as JSON Lines, one record per line, for comparisons with other tools.
/// Keys stay in declaration order (id, dates, displayName first) so a spreadsheet-like viewer shows the name on screen.
enum JSONLExport {
    static func write(count: Int, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var output = Data()
        for influencer in Dataset.generate(count: count).influencers {
            output.append(try encoder.encode(influencer))
            output.append(0x0A)
        }
        guard FileManager.default.createFile(atPath: path, contents: output) else {
            throw BenchError(description: "cannot write \(path): check the folder exists and is writable")
        }
    }
}
