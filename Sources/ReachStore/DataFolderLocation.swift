/// Decides where the data folder lives, so every entry point (CLI, tests, app) agrees on one rule.
public enum DataFolderLocation {
    /// `--data-dir`, else `$REACH_DATA_DIR`, else `$XDG_DATA_HOME/reach`, else `~/.local/share/reach`.
    ///
    /// Empty strings count as unset (a common shell mistake is `REACH_DATA_DIR= reach`).
    /// A leading `~/` in the explicit path or `$REACH_DATA_DIR` is expanded with `home`.
    public static func resolve(explicit: String?, environment: [String: String], home: String) -> String {
        if let explicit, !explicit.isEmpty { return expandTilde(explicit, home: home) }
        if let dir = environment["REACH_DATA_DIR"], !dir.isEmpty { return expandTilde(dir, home: home) }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return join(xdg, "reach") }
        return join(join(home, ".local/share"), "reach")
    }

    static func expandTilde(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return join(home, String(path.dropFirst(2))) }
        return path
    }

    static func join(_ base: String, _ component: String) -> String {
        if base.hasSuffix("/") { return base + component }
        return base + "/" + component
    }
}
