import ReachCore

/// Another session's changes applied to a copy of the workspace on another thread: `update` swaps the copy in when
/// nothing changed the workspace since the copy was taken (`AppState.workspaceGeneration`), else applies the changes
/// itself after all (`StoreResults.prepared`). A 100k import put into the workspace on the loop held keys for 2.8 s:
/// the summaries, the creators' indexes, the search keys and the name order of 100,000 creators.
public struct PreparedChanges: Sendable {
    /// From this many changed records a change is prepared off the loop; fewer are applied at once.
    public static let from = 1_000

    /// The changes as they could be applied to the copy (see `StoreResults.accepted`).
    let changes: ExternalChanges
    /// What changed in the copy (a set per kind, made here too: 100,000 ids hashed were 25 ms), and how many.
    let applied: RecordChanges
    let count: Int
    let workspace: Workspace
    let generation: Int

    /// `changes` applied to a copy of `state`'s workspace, with the roster's search keys and name order brought up
    /// to date there too. Runs off the loop; `state` is the loop's state when the changes arrived.
    public init(_ changes: ExternalChanges, onto state: AppState) {
        self.changes = StoreResults.accepted(changes, state)
        var workspace = state.workspace
        let applied = StoreResults.apply(self.changes, to: &workspace)
        self.applied = RecordChanges(applied)
        count = applied.count
        self.workspace = workspace
        generation = state.workspaceGeneration
    }

    /// Whether nothing changed `state`'s workspace since the copy was taken, so the copy can replace it.
    func isCurrent(for state: AppState) -> Bool { generation == state.workspaceGeneration }
}
