import Foundation
import ReachStore

extension GlobalOptions {
    /// Opens (creating if needed) the data folder chosen by `--data-dir`, `$REACH_DATA_DIR`, `$XDG_DATA_HOME`.
    func openStore() throws -> RecordStore {
        let path = DataFolderLocation.resolve(explicit: dataDir, environment: ProcessInfo.processInfo.environment,
                                              home: NSHomeDirectory())
        return try userFacing { try RecordStore(folder: path) }
    }
}

/// Runs `body`, turning the library's typed errors (which already name the file and what to do) into `UserError`.
func userFacing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InterchangeError {
        throw UserError(description: error.description)
    } catch let error as StoreError {
        throw UserError(description: error.description)
    }
}

/// Writes `bytes` to `--output` atomically, or to standard output when no file is given.
func emit(_ bytes: [UInt8], to output: String?) throws {
    if let output {
        try userFacing { try Export.write(bytes, to: output) }
    } else {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

/// Prints lines of a report to standard output.
func printLines(_ lines: [String]) {
    FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8))
}
