/// The files git could not merge on its own, settled so that no edit is lost and no marker is written.
///
/// The driver merges every file both sides changed; git stops only where one side deleted a file the other
/// changed, or where the driver could read neither side. The edited side always wins (a deletion is easy to
/// repeat, an edit is not) and the clash is recorded for the app to show.
extension SyncEngine {
    func resolve(_ unmerged: [String: Set<Int>], theirsAuthor: String) throws(SyncError) -> [SyncChanges.Subject] {
        var subjects: [SyncChanges.Subject] = []
        for (path, stages) in unmerged.sorted(by: { $0.key < $1.key }) {
            let subject = SyncChanges.subject(ofPath: path)
            switch (stages.contains(2), stages.contains(3)) {
            case (true, false):
                // They deleted it, we changed it: ours stays.
                try repository.run(["checkout", "--ours", "--", path], step: "keep our version of \(path)")
                try recordDeletion(subject, deletedBy: theirsAuthor, editedBy: ourAuthor)
            case (false, true):
                // We deleted it, they changed it: theirs comes back.
                try repository.run(["checkout", "--theirs", "--", path], step: "take their version of \(path)")
                try recordDeletion(subject, deletedBy: ourAuthor, editedBy: theirsAuthor)
            default:
                // Both changed and the driver could not read either: ours stays byte for byte, theirs is kept
                // in the conflict record, so nothing is lost.
                try repository.run(["checkout", "--ours", "--", path], step: "keep our version of \(path)")
                let theirs = try repository.run(["show", ":3:\(path)"], step: "read their version of \(path)").stdout
                try recordUnreadable(subject, theirsText: theirs, theirsAuthor: theirsAuthor)
            }
            try repository.run(["add", "--", path], step: "mark \(path) merged")
            subjects.append(subject)
        }
        return subjects
    }

    var ourAuthor: String { repository.environment["GIT_AUTHOR_NAME"] ?? "unknown" }
}
