import Foundation
import TerminalUI

/// Edits long text outside the app (`$EDITOR`); a protocol so tests can script the "editor".
public protocol TextEditing {
    /// Returns the edited text, or an error message the status bar can show.
    func edit(_ text: String, on terminal: any Terminal) -> Result<String, EditorFailure>
}

/// Why editing in `$EDITOR` did not produce text.
public struct EditorFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Runs `$VISUAL`/`$EDITOR` (else `vi`) on a private temp file in the data folder's `tmp/`, with the screen suspended.
public struct ExternalEditor: TextEditing {
    public var environment: [String: String]
    /// Where temp files go (`<data folder>/tmp`), so notes never land in a world-readable /tmp.
    public var directory: String

    public init(environment: [String: String], directory: String) {
        self.environment = environment
        self.directory = directory
    }

    public var command: String {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    public func edit(_ text: String, on terminal: any Terminal) -> Result<String, EditorFailure> {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return .failure(EditorFailure("Cannot create \(directory) for the editor's file: \(error.localizedDescription)"))
        }
        let path = directory + "/edit-\(UUID().uuidString).txt"
        guard files.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failure(EditorFailure("Cannot write \(path) for the editor; check the folder's permissions."))
        }
        defer { try? files.removeItem(atPath: path) }
        terminal.suspend()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The command may carry flags ("code -w"); the file goes as "$1" so its name is never re-parsed by the shell.
        process.arguments = ["-c", command + " \"$1\"", "reach-editor", path]
        process.environment = environment
        var failure: EditorFailure?
        do {
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                failure = EditorFailure("The editor (\(command)) exited with status \(process.terminationStatus); nothing changed.")
            }
        } catch {
            failure = EditorFailure("Cannot start the editor (\(command)): \(error.localizedDescription). Set $EDITOR.")
        }
        terminal.resume()
        if let failure { return .failure(failure) }
        guard let data = files.contents(atPath: path) else {
            return .failure(EditorFailure("The edited file \(path) disappeared; nothing changed."))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }
}
