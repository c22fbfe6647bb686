/// A 1-based line and column in a file, so a problem message can send a person straight to the spot.
public struct TextPosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }

    /// The position of byte `offset` in UTF-8 `bytes`; columns count characters (Unicode scalars), not bytes.
    public static func of(offset: Int, in bytes: some Collection<UInt8>) -> TextPosition {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return TextPosition(line: line, column: column)
    }
}
