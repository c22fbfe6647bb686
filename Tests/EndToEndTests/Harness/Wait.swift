import Foundation

/// Polling with a deadline: the end-to-end tests' only way to wait (for a screen, a file, a process), never a fixed sleep.
enum Wait {
    /// Calls `probe` every 50 ms until it returns a value or `timeout` seconds pass; the error then names `description`
    /// and, through `lastSeen`, what was observed last (the screen, a file's contents), so a CI log alone explains it.
    static func value<T>(
        _ description: String,
        timeout: TimeInterval = 10,
        lastSeen: () throws -> String = { "" },
        _ probe: () throws -> T?
    ) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let value = try probe() { return value }
            if Date() >= deadline { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let seen = (try? lastSeen()) ?? ""
        throw HarnessError(description: "timed out after \(timeout)s waiting for \(description).\(seen.isEmpty ? "" : " Last seen:\n\(seen)")")
    }

    /// Waits until `condition` holds.
    static func until(_ description: String, timeout: TimeInterval = 10, lastSeen: () throws -> String = { "" },
                      _ condition: () throws -> Bool) throws {
        let _: Bool = try value(description, timeout: timeout, lastSeen: lastSeen) { try condition() ? true : nil }
    }
}
