import Foundation
import ReachStore

/// The folder's git repository and this binary's path (the merge driver git runs), when the folder is synced.
public struct SyncContext: Sendable {
    public var repository: GitRepository
    public var driverExecutable: String

    public init(repository: GitRepository, driverExecutable: String) {
        self.repository = repository
        self.driverExecutable = driverExecutable
    }

    /// One whole sync, with this binary as the merge driver (the one registered may have moved since).
    public func syncNow() -> Result<SyncReport, SyncError> {
        Result { () throws(SyncError) -> SyncReport in
            try SyncSetup.registerDriver(driverExecutable, in: repository)
            return try SyncEngine(repository: repository).sync()
        }
    }
}

/// Runs `reach sync` and status reads on a background queue, one at a time, so a slow remote never holds keys;
/// the loop collects the result on a later tick. Unchecked-Sendable: its mutable fields are only touched under `lock`.
final class BackgroundSync: @unchecked Sendable {
    enum Job: Sendable { case sync, status }

    private let context: SyncContext
    private let queue = DispatchQueue(label: "reach.sync", qos: .utility)
    private let lock = NSLock()
    private var running = false
    /// Asked for while another job ran: run next (a sync wins over a status read, which it makes moot).
    private var next: Job?
    private var results: [Action] = []

    init(context: SyncContext) { self.context = context }

    var isIdle: Bool { lock.withLock { !running } }

    /// Starts `job`, or queues it behind the running one.
    func start(_ job: Job) {
        let started = lock.withLock {
            if running {
                if next != .sync { next = job }
                return false
            }
            running = true
            return true
        }
        guard started else { return }
        run(job)
    }

    private func run(_ job: Job) {
        queue.async { [self] in
            let action = Self.perform(job, context)
            let following: Job? = lock.withLock {
                results.append(action)
                defer { next = nil }
                running = next != nil
                return next
            }
            if let following { run(following) }
        }
    }

    /// The finished jobs' actions, once.
    func takeResults() -> [Action] {
        lock.withLock {
            defer { results = [] }
            return results
        }
    }

    /// Runs a job where it is called: the background queue, or the caller's thread on quit.
    static func perform(_ job: Job, _ context: SyncContext) -> Action {
        switch job {
        case .sync:
            return .syncFinished(context.syncNow(), state: SyncState.read(folder: context.repository.folder))
        case .status:
            return .syncStatusRead(try? SyncStatus.read(context.repository))
        }
    }
}
