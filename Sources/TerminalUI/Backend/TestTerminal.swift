/// An in-memory terminal for tests: scripted input, recorded frames, text snapshots; no TTY needed.
public final class TestTerminal: Terminal {
    public private(set) var size: Size
    public var colorMode: ColorMode
    /// Events `nextEvent` will return, front first.
    public var queuedEvents: [InputEvent]
    /// Every frame passed to `present`, oldest first.
    public private(set) var frames: [Buffer] = []
    /// Cells written per frame, as the diff renderer would write them.
    public private(set) var changedCellCounts: [Int] = []
    /// Everything sent to the clipboard.
    public private(set) var clipboard: [String] = []
    /// Whether the terminal is currently suspended (between `suspend` and `resume`).
    public private(set) var isSuspended = false
    /// What `copyToClipboard` returns, to test the fallback path.
    public var clipboardSupported: Bool

    public init(width: Int = 80, height: Int = 24, events: [InputEvent] = [], colorMode: ColorMode = .monochrome,
                clipboardSupported: Bool = true) {
        self.size = Size(width: width, height: height)
        self.queuedEvents = events
        self.colorMode = colorMode
        self.clipboardSupported = clipboardSupported
    }

    /// Changes the size and queues the matching resize event, like a real SIGWINCH.
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        queuedEvents.append(.resize(width: width, height: height))
    }

    public func present(_ buffer: Buffer) {
        changedCellCounts.append(buffer.changes(from: frames.last).count)
        frames.append(buffer)
    }

    public func nextEvent(timeout: Duration?) -> InputEvent? {
        queuedEvents.isEmpty ? nil : queuedEvents.removeFirst()
    }

    public func copyToClipboard(_ text: String) -> Bool {
        guard clipboardSupported else { return false }
        clipboard.append(text)
        return true
    }

    public func suspend() { isSuspended = true }

    public func resume() { isSuspended = false }

    /// The last presented frame as text lines (blank screen before the first frame).
    public func snapshot() -> [String] {
        (frames.last ?? Buffer(size: size)).lines()
    }

    /// The last presented frame with style marks; see `Buffer.styledLines()`.
    public func styledSnapshot() -> [String] {
        (frames.last ?? Buffer(size: size)).styledLines()
    }
}
