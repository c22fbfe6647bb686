import Foundation

/// A one-line message in the status bar (a save, an error), which disappears after a while.
public struct StatusMessage: Sendable, Hashable {
    /// How the message is styled and how long it stays.
    public enum Level: Sendable, Hashable { case info, success, warning, error }

    public var text: String
    public var level: Level
    /// When it stops being shown; errors stay longer than confirmations.
    public var expires: Date

    public init(_ text: String, level: Level = .info, now: Date) {
        self.text = text
        self.level = level
        let seconds: Double = switch level {
        case .info, .success: 4
        case .warning: 8
        case .error: 15
        }
        expires = now.addingTimeInterval(seconds)
    }
}
