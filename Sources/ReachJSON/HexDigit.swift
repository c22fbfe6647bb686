/// Hex digits as JSON's `\u` escapes and UUIDs write them.
package enum HexDigit {
    /// The value of one hex digit (either case), or nil.
    @inline(__always)
    package static func value(_ byte: UInt8) -> UInt8? {
        let value = valueOrFlag(byte)
        return value & flag == 0 ? value : nil
    }

    /// Set in `valueOrFlag`'s result for a byte that is not a hex digit.
    package static let flag: UInt8 = 0x10

    /// The value of one hex digit (either case), or `flag` set for any other byte; no branch, so that many digits
    /// are converted in a row and checked once.
    @inline(__always)
    package static func valueOrFlag(_ byte: UInt8) -> UInt8 {
        let decimal = byte &- UInt8(ascii: "0"), letter = (byte | 0x20) &- UInt8(ascii: "a")
        let isDecimal = decimal < 10, isLetter = letter < 6
        return isDecimal ? decimal : isLetter ? letter &+ 10 : flag
    }
}
