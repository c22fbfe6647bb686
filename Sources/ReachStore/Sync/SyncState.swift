import Foundation

/// When this clone last synced, and why the last try failed: what the app's status bar and `sync --status` show.
///
/// Kept in `.git/reach-sync-state.json`, so it is this server's own and never synced.
public struct SyncState: Codable, Sendable, Equatable {
    public var lastSuccess: Date?
    public var lastFailure: Date?
    /// Why the last attempt failed; nil when it succeeded.
    public var failureReason: String?

    public init(lastSuccess: Date? = nil, lastFailure: Date? = nil, failureReason: String? = nil) {
        self.lastSuccess = lastSuccess
        self.lastFailure = lastFailure
        self.failureReason = failureReason
    }

    /// True when the last attempt failed (a success clears the reason).
    public var failed: Bool { failureReason != nil }

    static func path(folder: String) -> String { folder + "/.git/reach-sync-state.json" }

    /// The state on record; empty when the folder never synced (or the file is unreadable: it is only a display).
    public static func read(folder: String) -> SyncState {
        guard let data = FileManager.default.contents(atPath: path(folder: folder)) else { return SyncState() }
        return (try? Self.decoder.decode(SyncState.self, from: data)) ?? SyncState()
    }

    func write(folder: String) {
        guard let data = try? Self.encoder.encode(self) else { return }
        try? AtomicWriter(fileMode: 0o600, hook: nil).write(Array(data), to: Self.path(folder: folder))
    }

    /// Records the outcome of one sync.
    static func record(_ outcome: Result<SyncReport, SyncError>, folder: String, at now: Date) {
        var state = read(folder: folder)
        switch outcome {
        case .success:
            state.lastSuccess = now
            state.failureReason = nil
        case .failure(let error):
            // A second sync that found the folder busy did not fail: the other one is syncing.
            if error == .busy { return }
            state.lastFailure = now
            state.failureReason = error.shortReason
        }
        state.write(folder: folder)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
