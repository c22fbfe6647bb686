import CNcurses

/// Allocates curses colour pairs on first use, since curses styles by pair number, not by colour.
struct ColorPairs {
    private let colorCount: Int
    private let pairLimit: Int
    private var pairs: [Int: Int16] = [:]
    private var nextPair: Int16 = 1

    init(colorCount: Int, pairCount: Int) {
        self.colorCount = colorCount
        self.pairLimit = min(pairCount, Int(Int16.max))
    }

    /// The pair for a foreground/background combination; pair 0 (terminal default) when out of pairs.
    mutating func pair(foreground: Color, background: Color) -> Int16 {
        let fg = index(foreground), bg = index(background)
        if fg < 0 && bg < 0 { return 0 }
        let key = (Int(fg) + 1) << 9 | (Int(bg) + 1)
        if let existing = pairs[key] { return existing }
        guard Int(nextPair) < pairLimit else { return 0 }
        let pair = nextPair
        init_pair(pair, fg, bg)
        pairs[key] = pair
        nextPair += 1
        return pair
    }

    /// Curses colour number, -1 for the terminal default or a colour the terminal cannot show.
    private func index(_ color: Color) -> Int16 {
        switch color {
        case .default: return -1
        case .indexed(let n): return Int(n) < colorCount ? Int16(n) : -1
        }
    }
}
