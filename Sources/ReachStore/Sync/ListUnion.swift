/// The three versions of a list, each element under its identity, and which identities the merge keeps, in
/// merged order: an item stays unless one side deleted it while the other left it as it was in base.
struct ListUnion<ID: Hashable> {
    let base: IdentifiedList<ID>
    let ours: IdentifiedList<ID>
    let theirs: IdentifiedList<ID>
    let kept: [ID]

    /// `identity` names every element (`ListIdentity.rule` has checked that it does, uniquely).
    init(base: [JSONValue], ours: [JSONValue], theirs: [JSONValue], identity: (JSONValue) -> ID?) {
        self.base = IdentifiedList(base, identity: identity)
        self.ours = IdentifiedList(ours, identity: identity)
        self.theirs = IdentifiedList(theirs, identity: identity)
        var keep = Set<ID>()
        for id in self.ours.order + self.theirs.order {
            let original = self.base.elements[id], mine = self.ours.elements[id], other = self.theirs.elements[id]
            if !(mine == nil && other == original) && !(other == nil && mine == original) { keep.insert(id) }
        }
        kept = ListOrder.merged(base: self.base.order, ours: self.ours.order, theirs: self.theirs.order, kept: keep)
    }
}

/// One version of a list: each element under its identity, and the identities in list order.
struct IdentifiedList<ID: Hashable> {
    private(set) var elements: [ID: JSONValue] = [:]
    private(set) var order: [ID] = []

    init(_ list: [JSONValue], identity: (JSONValue) -> ID?) {
        for element in list {
            guard let id = identity(element) else { continue }
            elements[id] = element
            order.append(id)
        }
    }
}
