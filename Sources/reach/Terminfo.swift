import Foundation

/// Finds and reads a compiled terminfo entry the way ncurses does, without running `infocmp` (often not installed).
enum Terminfo {
    /// The directories ncurses searches, in order: $TERMINFO, ~/.terminfo, $TERMINFO_DIRS, then the system ones.
    static func searchPath(environment: [String: String], home: String) -> [String] {
        let system = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        var dirs: [String] = []
        if let dir = environment["TERMINFO"], !dir.isEmpty { dirs.append(dir) }
        dirs.append(home + "/.terminfo")
        if let list = environment["TERMINFO_DIRS"] {
            // An empty element means "the system directories" here.
            for part in list.split(separator: ":", omittingEmptySubsequences: false) {
                if part.isEmpty { dirs += system } else { dirs.append(String(part)) }
            }
        }
        return dirs + system
    }

    /// The compiled entry for `term`, if any (`<dir>/x/xterm`, or `<dir>/78/xterm` on some systems).
    static func entry(for term: String, environment: [String: String], home: String) -> String? {
        guard let first = term.unicodeScalars.first, !term.contains("/") else { return nil }
        for dir in searchPath(environment: environment, home: home) {
            for sub in [String(first), String(first.value, radix: 16)] {
                let path = "\(dir)/\(sub)/\(term)"
                if FileManager.default.isReadableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// The `colors` capability of a compiled entry (legacy 16-bit or extended 32-bit number format); nil if absent or unreadable.
    static func colors(entryAt path: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: path), data.count >= 12 else { return nil }
        let bytes = [UInt8](data)
        func short(_ offset: Int) -> Int { Int(Int16(bitPattern: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8)) }
        let magic = short(0)
        guard magic == 0o432 || magic == 0o1036 else { return nil }
        let numberSize = magic == 0o1036 ? 4 : 2
        let namesSize = short(2), boolCount = short(4), numberCount = short(6)
        let colorsIndex = 13  // cols, it, lines, lm, xmc, pb, vt, wsl, nlab, lh, lw, ma, wnum, colors
        guard numberCount > colorsIndex else { return nil }
        var offset = 12 + namesSize + boolCount
        if offset % 2 == 1 { offset += 1 }
        offset += colorsIndex * numberSize
        guard offset + numberSize <= bytes.count else { return nil }
        let value = numberSize == 2 ? short(offset)
            : Int(Int32(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }))
        return value >= 0 ? value : nil
    }
}
