import Foundation
import ReachStore

/// The data folder a command will use and the rule that chose it, so `demo` and `doctor` say exactly what `reach` would open.
struct DataFolderChoice {
    var path: String
    /// "--data-dir", "$REACH_DATA_DIR", "$XDG_DATA_HOME/reach" or "the default ~/.local/share/reach".
    var rule: String

    static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DataFolderChoice {
        var path = DataFolderLocation.resolve(explicit: explicit, environment: environment,
                                              home: HomeDirectory.resolve(environment: environment))
        if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
        // The same precedence as DataFolderLocation.resolve, spelled out for the user.
        let rule: String
        if let explicit, !explicit.isEmpty {
            rule = "--data-dir"
        } else if let dir = environment["REACH_DATA_DIR"], !dir.isEmpty {
            rule = "$REACH_DATA_DIR"
        } else if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            rule = "$XDG_DATA_HOME/reach"
        } else if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            rule = "the default ~/.local/share/reach ($XDG_DATA_HOME is ignored: it is not an absolute path)"
        } else {
            rule = "the default ~/.local/share/reach"
        }
        return DataFolderChoice(path: path, rule: rule)
    }

    /// Whether the folder is the XDG default (`$XDG_DATA_HOME/reach` or `~/.local/share/reach`), whose parents a
    /// first run may have to create; `--data-dir` and `$REACH_DATA_DIR` name a place whose parent must exist, so a
    /// typo is reported rather than built.
    var isXDGDefault: Bool { rule.hasPrefix("$XDG_DATA_HOME") || rule.hasPrefix("the default") }

    /// Creates the missing parents of an XDG default folder with mode 0700, as the XDG spec asks: a new account on
    /// a shared server often has no `~/.local/share` yet.
    func createParentsIfDefault() throws {
        guard isXDGDefault else { return }
        var missing: [String] = []
        var parent = (path as NSString).deletingLastPathComponent
        while !parent.isEmpty, parent != "/", !FileManager.default.fileExists(atPath: parent) {
            missing.append(parent)
            parent = (parent as NSString).deletingLastPathComponent
        }
        for directory in missing.reversed() where mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw UserError(description: "could not create \(directory) for the data folder: \(String(cString: strerror(errno))). "
                + "Create it, or choose another folder with --data-dir or $REACH_DATA_DIR.")
        }
    }

    /// How to open this folder again: plain `reach` when no flag or variable is needed.
    var openCommand: String {
        rule == "--data-dir" ? "reach --data-dir \(Self.shellQuoted(path))" : "reach"
    }

    static func shellQuoted(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+:@".contains($0)) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
