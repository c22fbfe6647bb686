import ReachCore

extension Workspace {
    /// The people a deal can be given to or a list narrowed to: the team members by display name, then any
    /// other owner found on deals (someone who left, or a folder without a team list), sorted.
    public var assignableOwners: [String] {
        let team = settings.workspace.teamMembers.map(\.name)
        let others = dealOwners.filter { owner in !team.contains { UserIdentity(name: $0).owns(owner) } }
        return team + others.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }
}
