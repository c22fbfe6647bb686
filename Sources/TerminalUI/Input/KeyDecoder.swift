/// Turns raw terminal input bytes into typed events; pure, so every sequence can be tested without a TTY.
///
/// Feed bytes as they arrive. A lone Esc (or an unfinished sequence) stays pending until more bytes
/// arrive or the caller decides the short Esc timeout has passed and calls `flush()`.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    /// Bytes of a bracketed paste collected so far; nil outside a paste.
    private var paste: [UInt8]?

    private static let pasteEnd: [UInt8] = Array("\u{1b}[201~".utf8)

    public init() {}

    /// True when bytes are waiting for either more input or a `flush()` after the Esc timeout.
    public var hasPending: Bool { !pending.isEmpty }

    /// Decodes as many complete events as the bytes allow.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [InputEvent] {
        pending.append(contentsOf: bytes)
        return drain(atTimeout: false)
    }

    /// Resolves pending bytes after the Esc timeout: a lone Esc is the Escape key.
    public mutating func flush() -> [InputEvent] {
        drain(atTimeout: true)
    }

    private mutating func drain(atTimeout: Bool) -> [InputEvent] {
        var events: [InputEvent] = []
        var index = 0
        while index < pending.count {
            if paste != nil {
                index = consumePaste(from: index, into: &events)
                if paste != nil { break }
                continue
            }
            switch parse(at: index) {
            case .parsed(let event, let length):
                if let event { events.append(event) }
                index += length
            case .pasteStart(let length):
                paste = []
                index += length
            case .incomplete where atTimeout:
                // Nothing more is coming: the first byte stands alone (Esc, or a broken UTF-8 lead byte).
                events.append(pending[index] == 0x1B ? .key(KeyEvent(.escape)) : .key(.char("\u{FFFD}")))
                index += 1
            case .incomplete:
                pending.removeFirst(index)
                return events
            }
        }
        pending.removeFirst(index)
        return events
    }

    /// Moves paste bytes into the paste buffer until the end marker; returns the new read index.
    private mutating func consumePaste(from start: Int, into events: inout [InputEvent]) -> Int {
        let marker = Self.pasteEnd
        var index = start
        while index < pending.count {
            if pending[index] == marker[0] {
                let available = min(marker.count, pending.count - index)
                if pending[index..<(index + available)].elementsEqual(marker[0..<available]) {
                    if available < marker.count { break } // maybe the marker, wait for the rest
                    events.append(.paste(String(decoding: paste ?? [], as: UTF8.self)))
                    paste = nil
                    return index + marker.count
                }
            }
            paste?.append(pending[index])
            index += 1
        }
        return index
    }

    private enum ParseResult {
        case parsed(InputEvent?, length: Int)
        case pasteStart(length: Int)
        case incomplete
    }

    private func parse(at start: Int) -> ParseResult {
        let byte = pending[start]
        switch byte {
        case 0x1B:
            return parseEscape(at: start)
        case 0x0D, 0x0A:
            return .parsed(.key(KeyEvent(.enter)), length: 1)
        case 0x09:
            return .parsed(.key(KeyEvent(.tab)), length: 1)
        case 0x7F, 0x08:
            return .parsed(.key(KeyEvent(.backspace)), length: 1)
        case 0x00:
            return .parsed(.key(.ctrl(" ")), length: 1)
        case 0x01...0x1A:
            return .parsed(.key(.ctrl(Character(Unicode.Scalar(byte + 0x60)))), length: 1)
        case 0x1C...0x1F:
            return .parsed(.key(.ctrl(Character(Unicode.Scalar(byte + 0x40)))), length: 1)
        case 0x20...0x7E:
            return .parsed(.key(.char(Character(Unicode.Scalar(byte)))), length: 1)
        default:
            return parseUTF8(at: start)
        }
    }

    private func parseUTF8(at start: Int) -> ParseResult {
        let lead = pending[start]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .parsed(.key(.char("\u{FFFD}")), length: 1)
        }
        guard pending.count - start >= length else { return .incomplete }
        let text = String(decoding: pending[start..<(start + length)], as: UTF8.self)
        return .parsed(text.first.map { .key(.char($0)) }, length: length)
    }

    private func parseEscape(at start: Int) -> ParseResult {
        guard start + 1 < pending.count else { return .incomplete }
        switch pending[start + 1] {
        case UInt8(ascii: "["):
            return parseCSI(at: start)
        case UInt8(ascii: "O"):
            guard start + 2 < pending.count else { return .incomplete }
            let key = Self.finalKey(pending[start + 2])
            return .parsed(key.map { .key(KeyEvent($0)) }, length: 3)
        case 0x1B:
            return .parsed(.key(KeyEvent(.escape)), length: 1)
        default:
            // Esc followed by a key is how terminals send Alt/Meta + key.
            switch parse(at: start + 1) {
            case .parsed(.key(var event)?, let length):
                event.modifiers.insert(.alt)
                return .parsed(.key(event), length: length + 1)
            case .incomplete:
                return .incomplete
            default:
                return .parsed(.key(KeyEvent(.escape)), length: 1)
            }
        }
    }

    /// CSI: `ESC [` parameters (0x30–0x3F), intermediates (0x20–0x2F), one final byte (0x40–0x7E).
    private func parseCSI(at start: Int) -> ParseResult {
        var index = start + 2
        var parameters: [UInt8] = []
        while index < pending.count, (0x20...0x3F).contains(pending[index]) {
            parameters.append(pending[index])
            index += 1
        }
        guard index < pending.count else { return .incomplete }
        let final = pending[index]
        let length = index - start + 1
        guard (0x40...0x7E).contains(final) else { return .parsed(nil, length: length) }
        let numbers = String(decoding: parameters, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
            .map { Int($0) ?? 0 }
        let modifiers = Self.modifiers(numbers.count > 1 ? numbers[1] : 1)
        let key: Key?
        switch final {
        case UInt8(ascii: "~"):
            if numbers.first == 200 { return .pasteStart(length: length) }
            key = Self.tildeKey(numbers.first ?? 0)
        case UInt8(ascii: "Z"):
            key = .backTab
        case UInt8(ascii: "u"):
            key = numbers.first.flatMap(Unicode.Scalar.init).map { Self.keyForCodepoint($0) }
        default:
            key = Self.finalKey(final)
        }
        return .parsed(key.map { .key(KeyEvent($0, modifiers)) }, length: length)
    }

    private static func keyForCodepoint(_ scalar: Unicode.Scalar) -> Key {
        switch scalar.value {
        case 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 127: return .backspace
        default: return .character(Character(scalar))
        }
    }

    /// Keys identified by the final byte of CSI or SS3 sequences.
    private static func finalKey(_ byte: UInt8) -> Key? {
        switch byte {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "P"): return .function(1)
        case UInt8(ascii: "Q"): return .function(2)
        case UInt8(ascii: "R"): return .function(3)
        case UInt8(ascii: "S"): return .function(4)
        case UInt8(ascii: "M"): return .enter // keypad Enter in application mode
        default: return nil
        }
    }

    /// Keys of the `CSI n ~` form.
    private static func tildeKey(_ code: Int) -> Key? {
        switch code {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(code - 10)
        case 17...21: return .function(code - 11)
        case 23, 24: return .function(code - 12)
        default: return nil
        }
    }

    /// xterm modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4 | meta 8).
    private static func modifiers(_ parameter: Int) -> Modifiers {
        let bits = max(0, parameter - 1)
        var result: Modifiers = []
        if bits & 1 != 0 { result.insert(.shift) }
        if bits & (2 | 8) != 0 { result.insert(.alt) }
        if bits & 4 != 0 { result.insert(.ctrl) }
        return result
    }
}
