import ReachCore

extension Workspace {
    /// Every name deals are owned by (a pass over the deals: about 10 ms at 200k, paid on start-up and on `o`).
    public var dealOwners: Set<String> { Set(deals.values.lazy.compactMap(\.owner)) }

    /// The people a deal can be given to or a list narrowed to: the team members by display name, then any
    /// other owner found on deals (someone who left, or a folder without a team list), sorted.
    public var assignableOwners: [String] {
        let team = settings.workspace.teamMembers.map(\.name)
        let others = dealOwners.filter { owner in !team.contains { UserIdentity(name: $0).owns(owner) } }
        return team + others.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }
}
