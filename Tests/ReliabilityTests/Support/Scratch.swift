#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A fresh folder under /tmp for one test, removed at the end; `data` is the data folder inside it.
final class Scratch {
    let path: String

    init() throws {
        var template = Array("/tmp/reach-reliab-XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw HarnessFailure("mkdtemp failed: \(String(cString: strerror(errno)))")
        }
        path = String(cString: created)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var data: String { path + "/data" }
}

/// True when `REACH_LONG_TESTS=1`: the long runs (thousands of kills) instead of the quick ones.
let longTests = ProcessInfo.processInfo.environment["REACH_LONG_TESTS"] == "1"

/// Prints what a test ran, so the numbers can be quoted (they are also in the test log).
func report(_ test: String, _ numbers: KeyValuePairs<String, Any>) {
    let text = numbers.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    print("[reliability] \(test): \(text)")
}
