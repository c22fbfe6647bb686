import TerminalUI

/// Checks on a rendered `Buffer` that hold for every screen: nothing unsafe reaches a cell, and every row covers
/// exactly the terminal's width (so a terminal draws each row where the buffer says).
enum ScreenInspection {
    /// Scalars that must never be written to a terminal: C0 and C1 controls, DEL, bidi controls, line/paragraph
    /// separators, and invisible characters that change nothing visible but can hide text.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: true
        case 0x200B, 0x2060...0x2064, 0xFEFF, 0x00AD: true
        default: false
        }
    }

    /// Every problem on the screen, as "x,y: what" lines (empty when the screen is clean).
    static func problems(_ buffer: Buffer, expected size: Size) -> [String] {
        var out: [String] = []
        if buffer.size != size { out.append("buffer is \(buffer.width)x\(buffer.height), terminal is \(size.width)x\(size.height)") }
        let cells = buffer.cells
        guard cells.count == buffer.width * buffer.height else { return out + ["cell count \(cells.count)"] }
        for y in 0..<buffer.height where out.count < 20 {
            let row = y * buffer.width
            for x in 0..<buffer.width {
                let cell = cells[row + x]
                if cell.isContinuation {
                    if x == 0 || cells[row + x - 1].width != 2 { out.append("\(x),\(y): continuation without a wide glyph") }
                    continue
                }
                // Printable ASCII is safe and one column wide; everything else is looked at closely.
                if let ascii = cell.character.asciiValue, ascii >= 0x20, ascii < 0x7F, cell.width == 1 { continue }
                if let bad = cell.character.unicodeScalars.first(where: isUnsafe) {
                    out.append("\(x),\(y): unsafe U+\(String(bad.value, radix: 16, uppercase: true)) in \(debug(cell.character))")
                }
                if cell.width == 2, x + 1 >= buffer.width || !cells[row + x + 1].isContinuation {
                    out.append("\(x),\(y): wide glyph \(debug(cell.character)) without its continuation")
                }
                let drawn = DisplayWidth.of(cell.character)
                if drawn != Int(cell.width) || !(1...2).contains(drawn) {
                    out.append("\(x),\(y): \(debug(cell.character)) draws \(drawn) columns in a \(cell.width)-column cell")
                }
            }
        }
        return out
    }

    /// Row `y` as text, continuation cells skipped (like `Buffer.lines()` for one row).
    static func line(_ y: Int, of buffer: Buffer) -> String {
        var line = ""
        for x in 0..<buffer.width where !buffer[x: x, y: y].isContinuation { line.append(buffer[x: x, y: y].character) }
        return line
    }

    /// A character with its scalars spelled out, for failure messages.
    static func debug(_ character: Character) -> String {
        "\"" + character.unicodeScalars.map { $0.value < 0x80 && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16))}" }
            .joined() + "\""
    }

    /// The x of the first cell of `row` where `text`'s characters start (cell by cell, continuation cells skipped).
    static func column(of text: String, inRow y: Int, of buffer: Buffer) -> Int? {
        let wanted = Array(text)
        guard !wanted.isEmpty else { return nil }
        let starts = (0..<buffer.width).filter { !buffer[x: $0, y: y].isContinuation }
        for (i, x) in starts.enumerated() where i + wanted.count <= starts.count {
            if (0..<wanted.count).allSatisfy({ buffer[x: starts[i + $0], y: y].character == wanted[$0] }) { return x }
        }
        return nil
    }
}
