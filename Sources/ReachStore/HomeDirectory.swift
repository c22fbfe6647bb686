import Foundation

/// The home folder behind every default path (data folder, `~/` in paths, terminfo), so they
/// all agree and follow the user's `$HOME`. Foundation's `NSHomeDirectory()` on Linux reads the password
/// database only, so with `HOME=/elsewhere` Reach would still have written its cache under the account's home.
public enum HomeDirectory {
    /// `$HOME` when it is set and absolute, else `fallback` (the account's home from the password database).
    public static func resolve(environment: [String: String], fallback: @autoclosure () -> String = NSHomeDirectory()) -> String {
        if let home = environment["HOME"], home.hasPrefix("/") { return home }
        return fallback()
    }
}
