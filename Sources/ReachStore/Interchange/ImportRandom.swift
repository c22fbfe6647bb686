#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The random bits behind the ids an import creates (a ULID per creator, a UUID per account), read from
/// `/dev/urandom` 4 KiB at a time.
///
/// `SystemRandomNumberGenerator` makes a system call per 8 bytes and, on Linux, `UUID()` opens and reads
/// `/dev/urandom` on every call: about twenty system calls per imported creator, 2 million for 100,000 rows.
/// The bits are the kernel's either way; only the number of calls changes.
struct ImportRandom: RandomNumberGenerator {
    private var buffer = [UInt64](repeating: 0, count: 512)
    private var index = 512

    mutating func next() -> UInt64 {
        if index == buffer.count { refill() }
        defer { index += 1 }
        return buffer[index]
    }

    /// A random (version 4, RFC 4122 variant) UUID, as `UUID()` makes.
    mutating func uuid() -> UUID {
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let high = next(), low = next()
        withUnsafeMutableBytes(of: &raw) { bytes in
            bytes.storeBytes(of: high, as: UInt64.self)
            bytes.storeBytes(of: low, toByteOffset: 8, as: UInt64.self)
        }
        raw.6 = raw.6 & 0x0F | 0x40
        raw.8 = raw.8 & 0x3F | 0x80
        return UUID(uuid: raw)
    }

    private mutating func refill() {
        index = 0
        let wanted = buffer.count * MemoryLayout<UInt64>.size
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        var filled = 0
        if fd >= 0 {
            defer { close(fd) }
            filled = buffer.withUnsafeMutableBytes { raw in
                var total = 0
                while total < wanted, let base = raw.baseAddress {
                    let count = read(fd, base + total, wanted - total)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { break }
                    total += count
                }
                return total
            }
        }
        // Without /dev/urandom (a chroot), the standard library's source is slower but just as good.
        if filled < wanted {
            var system = SystemRandomNumberGenerator()
            for i in buffer.indices { buffer[i] = system.next() }
        }
    }
}
