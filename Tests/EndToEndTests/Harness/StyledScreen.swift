import Foundation

/// Reads `capture-pane -e` output: which text is in reverse video (the app's selection and active tab) and
/// whether any colour was drawn — the only styling facts the scenarios assert on.
struct StyledScreen {
    /// Per row, the runs of characters drawn in reverse video, left to right.
    private(set) var reverseRuns: [[String]] = []
    /// Every SGR parameter list seen (`ESC[1;7m` → [1, 7]).
    private(set) var sgrParameters: [[Int]] = []

    init(_ escaped: String) {
        for row in escaped.components(separatedBy: "\n") {
            reverseRuns.append(parse(row))
        }
    }

    /// True when some SGR set a foreground or background colour (default-colour resets 39/49 do not count).
    var usesColour: Bool {
        sgrParameters.contains { parameters in
            parameters.contains { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
        }
    }

    /// Walks one row's escape sequences, tracking reverse video (7 on, 27 or 0 off).
    private mutating func parse(_ row: String) -> [String] {
        var runs: [String] = []
        var current = ""
        var reverse = false
        var scalars = row.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1b}" else {
                if reverse { current.unicodeScalars.append(scalar) }
                continue
            }
            guard scalars.next() == "[" else { continue }
            var body = ""
            var final: Unicode.Scalar?
            while let next = scalars.next() {
                if (0x40...0x7E).contains(next.value) { final = next; break }
                body.unicodeScalars.append(next)
            }
            guard final == "m" else { continue }
            let parameters = body.isEmpty ? [0] : body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
            sgrParameters.append(parameters)
            let wasReverse = reverse
            var index = 0
            while index < parameters.count {
                switch parameters[index] {
                case 0, 27: reverse = false
                case 7: reverse = true
                // 38/48 take a colour argument (`5;n` or `2;r;g;b`) whose numbers are not attributes.
                case 38, 48: index += index + 1 < parameters.count && parameters[index + 1] == 2 ? 4 : 2
                default: break
                }
                index += 1
            }
            if wasReverse && !reverse {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
