/// Whitespace trimming without Foundation: `trimmingCharacters(in:)` bridges through `NSString` and UTF-16,
/// and was a third of the CPU time of reading a 100,000-row import (every cell is trimmed).
///
/// The sets are exactly Foundation's (checked against every scalar): `.whitespacesAndNewlines` is Unicode's
/// White_Space property plus U+200B ZERO WIDTH SPACE, and `.whitespaces` is that minus the line and paragraph
/// breaks (U+000A–U+000D, U+0085, U+2028, U+2029).
extension String {
    /// The same as `trimmingCharacters(in: .whitespacesAndNewlines)`.
    public func trimmingWhitespace() -> String { hasNothingToTrim ? self : self[...].trimmingWhitespace() }

    /// The same as `trimmingCharacters(in: .whitespaces)`: spaces and tabs, line breaks kept.
    public func trimmingSpaces() -> String { hasNothingToTrim ? self : self[...].trimmingSpaces() }

    /// Trimmed of spaces and tabs (`trimmingSpaces`) and upper-cased: how currency codes and discount codes are kept.
    /// A code already so (ASCII capitals and digits, as every code Reach writes) is returned as it is, without case
    /// mapping: reading 200,000 deals spent 2% of its time trimming and upper-casing their money's "EUR"s.
    public func trimmedUpperCased() -> String {
        utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) } ? self : trimmingSpaces().uppercased()
    }

    /// Trimmed of spaces and tabs and lower-cased: how platforms and niches are kept. One already so (ASCII small
    /// letters and digits) is returned as it is.
    public func trimmedLowerCased() -> String {
        utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) } ? self : trimmingSpaces().lowercased()
    }

    /// Whether any character is white space (`Character.isWhitespace`), ASCII text checked byte by byte.
    public var containsWhitespace: Bool {
        utf8.allSatisfy { $0 < 0x80 } ? utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) } : contains(where: \.isWhitespace)
    }

    /// Whether anything in it shows on screen: text made only of spaces, control characters and invisible
    /// format characters (zero-width joiners, byte-order marks, bidi marks) says nothing where a reason is required.
    public var hasVisibleCharacter: Bool {
        unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return false
            default: return !scalar.properties.isWhitespace
            }
        }
    }
}

extension Substring {
    /// The same as `trimmingCharacters(in: .whitespacesAndNewlines)`.
    public func trimmingWhitespace() -> String { trimming(newlines: true) }

    /// The same as `trimmingCharacters(in: .whitespaces)`: spaces and tabs, line breaks kept.
    public func trimmingSpaces() -> String { trimming(newlines: false) }

    private func trimming(newlines: Bool) -> String {
        if hasNothingToTrim { return String(self) }
        let scalars = unicodeScalars
        let isTrimmed = { (scalar: Unicode.Scalar) in Self.isWhitespace(scalar, newlines: newlines) }
        guard let start = scalars.firstIndex(where: { !isTrimmed($0) }),
              let end = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(self[start...end])
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x200B: return true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Starts and ends with a visible ASCII character, as most cells do: nothing to scan, nothing to copy.
    fileprivate var hasNothingToTrim: Bool {
        let isPlainASCII = { (byte: UInt8) in byte > 0x20 && byte < 0x80 }
        return utf8.first.map(isPlainASCII) == true && utf8.last.map(isPlainASCII) == true
    }
}
