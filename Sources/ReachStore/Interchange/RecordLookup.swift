import ReachCore

/// Finds the one record a person means by an id or a name, as typed on the command line.
///
/// An id wins; then names equal to the query (ignoring case and accents); then names containing it.
/// More than one match is an error listing every match with its id, so the user can pick.
public enum RecordLookup {
    public static func find<R: Record>(_ query: String, in records: [R], what: String,
                                       names: (R) -> [String], label: (R) -> String) throws(InterchangeError) -> R {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let id = RecordID(rawValue: trimmed.uppercased())
        if let record = records.first(where: { $0.id == id }) { return record }
        let wanted = TextFolding.fold(trimmed)
        guard !wanted.isEmpty else { throw .notFound(what: what, query: query) }
        let folded = records.map { record in (record, names(record).map(TextFolding.fold)) }
        var matches = folded.filter { $0.1.contains(wanted) }.map(\.0)
        if matches.isEmpty { matches = folded.filter { $0.1.contains { $0.contains(wanted) } }.map(\.0) }
        guard matches.count <= 1 else {
            throw .ambiguous(what: what, query: query, matches: matches.sorted { $0.id < $1.id }.map { "\($0.id)  \(label($0))" })
        }
        guard let match = matches.first else { throw .notFound(what: what, query: query) }
        return match
    }

    /// A creator by id, name, real name, @handle or email.
    public static func influencer(_ query: String, in records: [Influencer]) throws(InterchangeError) -> Influencer {
        try find(query, in: records, what: "creator", names: { inf in
            [inf.displayName, inf.realName ?? "", inf.contact.email ?? ""] + inf.accounts.flatMap { [$0.handle, "@" + $0.handle] }
        }, label: { inf in
            ([inf.displayName] + inf.accounts.prefix(2).map { "\($0.platform.displayName) @\($0.handle)" }).joined(separator: ", ")
        })
    }

    /// A campaign by id or name.
    public static func campaign(_ query: String, in records: [Campaign]) throws(InterchangeError) -> Campaign {
        try find(query, in: records, what: "campaign", names: { [$0.name] }, label: { "\($0.name) (\($0.brand))" })
    }
}
