import Foundation
import ReachStore
import TerminalUI

/// Runs the data folder's load off the main thread while the terminal shows its progress and stays alive:
/// `q` (as the first key) or Ctrl-C quits at once, a resize redraws, and every other key is kept, in order, for
/// the app to handle when it opens.
public enum LoadingScreen {
    /// What the load gave, and the keys typed meanwhile; nil when the user quit before it finished (the load's
    /// thread is abandoned: it reads the record files and writes only the folder index, whose transactions SQLite
    /// keeps whole when the process ends under them; the next start goes on from the last one committed).
    public static func run<Loaded: Sendable>(
        terminal: any Terminal, theme: Theme? = nil, folder: String, progress: LoadProgress,
        load: @escaping @Sendable () -> Loaded
    ) -> (loaded: Loaded, typedAhead: [InputEvent])? {
        let theme = theme ?? Theme(mode: terminal.colorMode)
        let result = LoadResult<Loaded>()
        Thread.detachNewThread { result.finish(load()) }
        var typed: [InputEvent] = []
        var shown: (LoadProgress.Reading, Int, Size)?
        while true {
            if let loaded = result.value { return (loaded, typed) }
            let now = (progress.reading, typed.count, terminal.size)
            if shown.map({ $0 != now }) ?? true {
                var buffer = Buffer(size: terminal.size)
                LoadingView.render(now.0, folder: folder, typedAhead: typed.count, into: &buffer, theme: theme)
                terminal.present(buffer)
                shown = now
            }
            // A short wait: the load's end is noticed here, and at 50 ms it added 25 ms to a start on average.
            guard let event = terminal.nextEvent(timeout: .milliseconds(10)) else { continue }
            switch event {
            case .key(.ctrl("c")): return nil
            case .key(.char("q")) where typed.isEmpty: return nil
            case .resize: shown = nil
            default: typed.append(event)
            }
        }
    }
}

/// The load's result, handed from its thread to the screen's.
private final class LoadResult<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    func finish(_ value: Value) { lock.withLock { stored = value } }
    var value: Value? { lock.withLock { stored } }
}
