import Foundation
import ReachCore

/// A `CreatorSummary` as the folder index's `creators.summary` column holds it, in the index's binary encoding
/// (`BinaryWriter`): a start reads 100,000 of them instead of 100,000 full creators, and decoding a dozen columns
/// per row through SQLite cost more than one blob.
enum CreatorSummaryColumn {
    static func bytes(_ summary: CreatorSummary) -> [UInt8] {
        var writer = BinaryWriter(capacity: 256)
        let facts = summary.facts
        writer.string(summary.displayName)
        writer.array(facts.platforms) { $0.string($1.rawValue) }
        writer.optionalInt(facts.followers)
        writer.array(facts.niches) { $0.string($1.rawValue) }
        writer.optionalString(facts.country)
        writer.optionalString(facts.handle)
        writer.optionalDouble(facts.engagementRate)
        writer.optionalString(facts.language)
        writer.strings(facts.tags)
        writer.enumCase(facts.verdict)
        writer.enumCase(facts.relationship)
        writer.bool(facts.doNotContact)
        writer.bool(facts.archived)
        writer.rawBytes(summary.searchKeys.primary)
        writer.rawBytes(summary.searchKeys.secondary)
        writer.count(summary.searchKeys.foldedNameLength)
        writer.strings(summary.duplicateKeys)
        return writer.bytes
    }

    /// The summary of creator `id`; throws when the bytes are not a whole summary (a damaged index). `interned`
    /// carries the normalised platforms and niches from creator to creator.
    static func summary(id: RecordID, _ bytes: UnsafeRawBufferPointer, interned: inout InternedValues)
        throws(BinaryDecodeError) -> CreatorSummary {
        var reader = BinaryReader(bytes)
        reader.interned = interned
        defer { interned = reader.interned }
        let displayName = try reader.string()
        var platforms: [Platform] = []
        for _ in 0..<(try reader.count()) { platforms.append(try reader.platform()) }
        let followers = try reader.optionalInt()
        var niches: [Niche] = []
        for _ in 0..<(try reader.count()) { niches.append(try reader.niche()) }
        let facts = RosterFacts(
            platforms: platforms, followers: followers, niches: niches, country: try reader.optionalString(),
            handle: try reader.optionalString(), engagementRate: try reader.optionalDouble(), language: try reader.optionalString(),
            tags: try reader.strings(), verdict: try reader.enumCase(), relationship: try reader.enumCase(),
            doNotContact: try reader.bool(), archived: try reader.bool())
        let primary = try reader.rawBytes(), secondary = try reader.rawBytes(), nameLength = try reader.varint()
        guard let foldedNameLength = Int(exactly: nameLength), foldedNameLength <= primary.count else {
            throw reader.failure("a folded name of \(nameLength) bytes in a key of \(primary.count)")
        }
        let keys = CreatorSearchKeys(primary: primary, secondary: secondary, foldedNameLength: foldedNameLength)
        let duplicateKeys = try reader.strings()
        guard reader.isAtEnd else { throw reader.failure("\(reader.remaining) bytes after a creator summary") }
        return CreatorSummary(id: id, displayName: displayName, facts: facts, searchKeys: keys, duplicateKeys: duplicateKeys)
    }
}
