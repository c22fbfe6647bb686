import Foundation
import ReachCore
import ReachStore
import TerminalUI
import Testing
@testable import ReachApp

/// The loading screen keeps the terminal alive while the folder loads: it shows progress, quits on `q` (first)
/// or Ctrl-C, and keeps every other key, in order, for the app.
@Suite struct LoadingScreenTests {
    /// A test terminal whose load may finish only once every queued key was read (`drained`).
    final class DrainingTerminal: Terminal {
        let inner: TestTerminal
        let drained = DispatchSemaphore(value: 0)
        init(_ inner: TestTerminal) { self.inner = inner }
        var size: Size { inner.size }
        var colorMode: ColorMode { inner.colorMode }
        func present(_ buffer: Buffer) { inner.present(buffer) }
        func nextEvent(timeout: Duration?) -> InputEvent? {
            let event = inner.nextEvent(timeout: .zero)
            if event == nil { drained.signal() }
            return event
        }
        func copyToClipboard(_ text: String) -> Bool { inner.copyToClipboard(text) }
        func suspend() { inner.suspend() }
        func resume() { inner.resume() }
    }

    private func run(_ events: [InputEvent], progress: LoadProgress = LoadProgress())
        -> (result: (loaded: Int, typedAhead: [InputEvent])?, screen: [String]) {
        let test = TestTerminal(width: 80, height: 24, events: events)
        let terminal = DrainingTerminal(test)
        let drained = terminal.drained
        let result = LoadingScreen.run(terminal: terminal, folder: "/srv/reach/agency", progress: progress) {
            drained.wait()
            return 42
        }
        return (result, test.snapshot())
    }

    @Test func keysTypedWhileLoadingAreKeptInOrder() throws {
        let typed: [InputEvent] = [.key(.char("2")), .key(.char("/")), .paste("Līga"), .key(.char("q")), .key(KeyEvent(.enter))]
        let (result, _) = run(typed.prefix(2) + [.resize(width: 100, height: 30)] + typed.dropFirst(2))
        let opened = try #require(result)
        #expect(opened.loaded == 42)
        #expect(opened.typedAhead == typed, "a q after other keys is text for the app, not quit; a resize is not replayed")
    }

    @Test(arguments: [
        [InputEvent.key(.char("q"))],
        [.key(.char("2")), .key(.ctrl("c")), .key(.char("3"))],
    ])
    func qFirstOrCtrlCQuitsBeforeTheLoadEnds(events: [InputEvent]) {
        #expect(run(events).result == nil)
    }

    @Test func theScreenSaysWhatIsReadAndHowFar() {
        let progress = LoadProgress()
        progress.enter(.readingFiles, total: 300_922)
        let (_, screen) = run([.key(.char("2"))], progress: progress)
        let text = screen.joined(separator: "\n")
        #expect(text.contains("Opening /srv/reach/agency"))
        #expect(text.contains("Reading records: 0 of 300,922"))
        #expect(text.contains("1 key(s) typed: they run once it is open"))
    }

    /// The first start on a large folder reads its files into the folder index: the screen says so, and that it is
    /// once, whole at 80 columns.
    @Test func aFirstStartSaysItBuildsTheIndexOnce() {
        let progress = LoadProgress()
        progress.enter(.indexingFiles, total: 300_922)
        let (_, screen) = run([], progress: progress)
        let text = screen.joined(separator: "\n")
        #expect(text.contains("Reading records into the folder's index: 0 of 300,922"), "\(text)")
        #expect(text.contains("Later starts read this index instead of every file."), "\(text)")
    }

    @Test func everyPhaseHasWords() {
        #expect(LoadingView.phaseText(.init(phase: .readingIndex)) == "Reading the index of this folder…")
        #expect(LoadingView.phaseText(.init(phase: .readingFiles, done: 12_345, total: 300_922)) == "Reading records: 12,345 of 300,922")
        #expect(LoadingView.phaseText(.init(phase: .building)) == "Preparing the screens…")
        #expect(LoadingView.phaseText(.init(phase: .listingFiles)) == "Listing the record files…")
        #expect(LoadingView.grouped(999) == "999" && LoadingView.grouped(1_000) == "1,000" && LoadingView.grouped(-1_234_567) == "-1,234,567")
    }

    @Test func loadingEverythingCountsEveryFileRead() throws {
        let path = NSTemporaryDirectory() + "reach-loading-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try RecordStore(folder: path)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for n in 0..<300 {
            let creator = Influencer(id: RecordID.generate(at: now), createdAt: now, displayName: "Creator \(n)")
            _ = try store.save(creator, expectedRevision: 0)
        }
        let progress = LoadProgress()
        let loaded = store.loadEverything(progress: progress)
        #expect(loaded.records.influencers.count == 300 && loaded.problems.isEmpty)
        #expect(progress.reading == LoadProgress.Reading(phase: .readingFiles, done: 300, total: 300))
    }
}
