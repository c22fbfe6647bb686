#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// Why the real terminal could not be opened.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal

    public var description: String {
        switch self {
        case .notATerminal: "Reach needs an interactive terminal; run it directly, not through a pipe."
        }
    }
}

/// The real terminal, through ncurses. It is the single owner of curses: create one, use it from one
/// thread (the app loop), and let `restore()` (or deinit, or exit) give the terminal back.
///
/// Input is read as raw bytes from stdin and decoded by `KeyDecoder` (so bracketed paste works and
/// decoding is testable); output goes through curses with only changed cells written.
public final class NcursesTerminal: Terminal {
    public private(set) var size: Size
    public let colorMode: ColorMode
    private let environment: [String: String]
    private var previous: Buffer?
    private var decoder = KeyDecoder()
    private var queue: [InputEvent] = []
    private var active = true
    private var cursorVisible = false
    /// Runs when a signal (hang-up, `kill`, Ctrl-C outside raw mode) or a vanished terminal is about to end the
    /// process: the app finishes writing the edits already on screen.
    public var beforeClosingOnSignal: (() -> Void)?
    private let signals: SignalRelay?
    private var palette: ColorPairs

    /// How long a lone Esc waits for the rest of a sequence before it counts as the Escape key.
    private static let escapeTimeoutMilliseconds: Int32 = 25
    private static let bracketedPasteOn = "\u{1b}[?2004h"
    private static let bracketedPasteOff = "\u{1b}[?2004l"

    /// Takes over the terminal. Throws when stdin/stdout is not a TTY.
    public init(environment: [String: String]) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        self.environment = environment
        setlocale(LC_ALL, "")
        initscr()
        raw()
        noecho()
        nonl()
        keypad(nc_stdscr(), false)
        intrflush(nc_stdscr(), false)
        set_escdelay(Int32(Self.escapeTimeoutMilliseconds))
        curs_set(0)
        var colorCount = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(nc_colors())
        }
        colorMode = ColorMode.detect(environment: environment, colorCount: colorCount)
        palette = ColorPairs(colorCount: colorCount, pairCount: Int(nc_color_pairs()))
        size = Size(width: Int(nc_cols()), height: Int(nc_lines()))
        signals = SignalRelay()
        Self.writeRaw(Self.bracketedPasteOn)
        atexit {
            // Last line of defence for `exit()` calls anywhere in the program.
            if !isendwin() {
                NcursesTerminal.writeRaw(NcursesTerminal.bracketedPasteOff)
                endwin()
            }
        }
    }

    deinit { restore() }

    /// Gives the terminal back to the shell; safe to call more than once.
    public func restore() {
        guard active else { return }
        active = false
        signals?.uninstall()
        Self.writeRaw(Self.bracketedPasteOff)
        curs_set(1)
        endwin()
    }

    /// Runs `body` with a terminal and restores it afterwards, also when `body` throws.
    public static func run<T>(environment: [String: String], _ body: (NcursesTerminal) throws -> T) throws -> T {
        let terminal = try NcursesTerminal(environment: environment)
        defer { terminal.restore() }
        return try body(terminal)
    }

    // MARK: Output

    public func present(_ buffer: Buffer) {
        guard active else { return }
        if previous.map({ $0.size != buffer.size }) ?? true {
            clearok(nc_stdscr(), true)
            previous = nil
        }
        for change in buffer.changes(from: previous) {
            draw(change)
        }
        if let cursor = buffer.cursor, buffer.area.contains(cursor) {
            if !cursorVisible { curs_set(1); cursorVisible = true }
            wmove(nc_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(nc_stdscr())
        doupdate()
        previous = buffer
    }

    private func draw(_ change: CellChange) {
        let style = change.cell.style
        let pair = palette.pair(foreground: style.foreground, background: style.background)
        var attributes: attr_t = 0
        if style.attributes.contains(.bold) { attributes |= nc_attr_bold() }
        if style.attributes.contains(.dim) { attributes |= nc_attr_dim() }
        if style.attributes.contains(.underline) { attributes |= nc_attr_underline() }
        if style.attributes.contains(.reverse) { attributes |= nc_attr_reverse() }
        let wide = Self.cursesCharacters(change.cell.character)
        var cell = cchar_t()
        if setcchar(&cell, wide, attributes, pair, nil) == ERR {
            _ = setcchar(&cell, [wchar_t(0xFFFD), 0], attributes, pair, nil)
        }
        // Writing the bottom-right cell reports ERR (the cursor cannot advance) but still draws it.
        _ = mvwadd_wch(nc_stdscr(), Int32(change.y), Int32(change.x), &cell)
    }

    /// The scalars curses can hold in one cell: the base plus zero-width marks. Emoji ZWJ sequences and
    /// skin tones are cut to their first emoji, because curses would give the extra emoji their own
    /// columns and shift the rest of the row.
    private static func cursesCharacters(_ character: Character) -> [wchar_t] {
        var result: [wchar_t] = []
        for scalar in character.unicodeScalars {
            if !result.isEmpty && (scalar.value == 0x200D || DisplayWidth.of(scalar) != 0) { break }
            result.append(wchar_t(bitPattern: scalar.value))
        }
        result.append(0)
        return result
    }

    // MARK: Input

    public func nextEvent(timeout: Duration?) -> InputEvent? {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while queue.isEmpty {
            let remaining = deadline.map { max(Duration.zero, $0 - ContinuousClock.now) }
            guard waitForInput(milliseconds: remaining.map(Self.milliseconds) ?? -1) else {
                if let deadline, ContinuousClock.now >= deadline { break }
                continue
            }
        }
        return queue.isEmpty ? nil : queue.removeFirst()
    }

    /// Waits for stdin or a signal and queues what arrives; false when nothing did.
    private func waitForInput(milliseconds: Int32) -> Bool {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if let signals { fds.append(pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        guard ready > 0 else { return false }
        if fds.count > 1, fds[1].revents != 0, let signals {
            signals.drain().forEach(handleSignal)
        }
        if fds[0].revents != 0 {
            readInput()
        }
        return !queue.isEmpty
    }

    private func readInput() {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(STDIN_FILENO, &bytes, bytes.count)
        if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) {
            // The terminal went away: behave as on hang-up.
            terminate(signal: SIGHUP)
        }
        guard count > 0 else { return }
        queue.append(contentsOf: decoder.feed(bytes[0..<count]))
        if decoder.hasPending {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 1, Self.escapeTimeoutMilliseconds) <= 0 {
                queue.append(contentsOf: decoder.flush())
            }
        }
    }

    private func handleSignal(_ signalNumber: Int32) {
        switch signalNumber {
        case SIGWINCH:
            refreshSize()
        case SIGTSTP:
            suspend()
            _ = signal(SIGTSTP, SIG_DFL)
            raise(SIGTSTP) // stops here until SIGCONT
            signals?.install(SIGTSTP)
            resume()
        case SIGCONT:
            resume()
        default:
            if SignalRelay.terminating.contains(signalNumber) { terminate(signal: signalNumber) }
        }
    }

    /// Restores the terminal, then dies from the same signal so the parent sees the real cause.
    private func terminate(signal signalNumber: Int32) -> Never {
        beforeClosingOnSignal?()
        restore()
        _ = signal(signalNumber, SIG_DFL)
        raise(signalNumber)
        exit(128 + signalNumber)
    }

    private func refreshSize() {
        var rows: Int32 = 0, columns: Int32 = 0
        guard nc_terminal_size(STDOUT_FILENO, &rows, &columns) == 0 else { return }
        let newSize = Size(width: Int(columns), height: Int(rows))
        resize_term(rows, columns)
        previous = nil
        clearok(nc_stdscr(), true)
        size = newSize
        queue.append(.resize(width: newSize.width, height: newSize.height))
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: total)
    }

    // MARK: Clipboard and suspension

    public func copyToClipboard(_ text: String) -> Bool {
        guard let sequence = Clipboard.osc52Sequence(for: text, environment: environment) else { return false }
        Self.writeRaw(sequence)
        return true
    }

    public func suspend() {
        guard active else { return }
        Self.writeRaw(Self.bracketedPasteOff)
        curs_set(1)
        endwin()
    }

    public func resume() {
        guard active else { return }
        Self.writeRaw(Self.bracketedPasteOn)
        refresh()
        curs_set(cursorVisible ? 1 : 0)
        refreshSize()
    }

    /// Writes bytes straight to the terminal (for sequences curses does not know, like OSC 52).
    private static func writeRaw(_ text: String) {
        fflush(nil)
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                write(STDOUT_FILENO, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written <= 0 { break }
            offset += written
        }
    }
}
