import ArgumentParser
import Foundation
import ReachStore

/// `reach merge-file BASE OURS THEIRS PATH`: the git merge driver for a data folder kept in git. Hidden from help:
/// people never type it; `reach sync` registers it for the folder's files.
struct MergeFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-file",
        abstract: "Merge one data-folder file for git, field by field (a git merge driver).",
        discussion: """
            Git runs it as `reach merge-file %O %A %B %P` at the top of the work tree. Records, reach.json and conflict \
            files are merged into OURS (exit 0); a value both sides changed differently keeps ours and theirs goes to \
            conflicts/<kind>/<id>.json (conflicts/settings.json for reach.json) for the app to settle. Exit 1 leaves \
            the file to git: a path that is not a Reach file, or neither side readable JSON. \
            $REACH_MERGE_OURS_AUTHOR and $REACH_MERGE_THEIRS_AUTHOR name the sides' authors in the conflict file;             $REACH_MERGE_CONFLICTS_DIR, when set, is where conflicts/ is written instead of the work tree.
            """,
        shouldDisplay: false
    )

    @Argument(help: "git's %O: the common ancestor's version (empty when both sides added the file).")
    var base: String

    @Argument(help: "git's %A: our version; the merged file is left here.")
    var ours: String

    @Argument(help: "git's %B: their version.")
    var theirs: String

    @Argument(help: "git's %P: the file's path in the repository, such as deals/<id>.json.")
    var path: String

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        func author(_ variable: String) -> String { environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown" }
        let workTree = FileManager.default.currentDirectoryPath
        let conflictsRoot = environment["REACH_MERGE_CONFLICTS_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? workTree
        let outcome = try userFacing {
            try MergeFileDriver.run(
                base: base, ours: ours, theirs: theirs, path: path, conflictsRoot: conflictsRoot, sharing: sharing(of: workTree),
                authors: MergeAuthors(ours: author("REACH_MERGE_OURS_AUTHOR"), theirs: author("REACH_MERGE_THEIRS_AUTHOR")),
                now: Date())
        }
        switch outcome {
        case .merged(clashes: 0):
            return
        case .merged(let clashes):
            FileHandle.standardError.write(Data("reach: \(path): \(clashes) clash(es) kept in \(conflictsRoot)/conflicts for the app to settle\n".utf8))
        case .unmergeable:
            throw UserError(description: "\(path): neither side is readable JSON; left to git as a conflict")
        case .notReachFile:
            throw UserError(description: "\(path) is not a Reach data file; left to git")
        }
    }
}
