import Foundation

/// Writes the generated influencers as JSON Lines, one record per line, for comparisons with other tools.
enum JSONLExport {
    static func write(count: Int, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
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
