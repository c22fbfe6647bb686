import Foundation
import ReachCore
import ReachStore
import TerminalUI

/// Sync clashes in the app: the `≠` marks, `!` to open the conflict dialog on a record's first open clash, and
/// what each choice does (keep mine, take theirs, edit by hand).
enum SyncClashes {
    /// `!` on the record `id` of `kind` returns (the selected row, or the open deal).
    static func binding(_ kind: RecordKind, _ id: @escaping @Sendable (AppState) -> RecordID?) -> KeyBinding {
        KeyBinding(chars: "!", help: "Resolve sync conflict (≠)") { state in
            guard let id = id(state) else { return [] }
            if !open(.record(kind, id), &state) { state.show("No sync conflict on this record.") }
            return []
        }
    }

    /// Opens the dialog on the subject's first open clash; false when it has none.
    @discardableResult
    static func open(_ subject: ConflictSubject, _ state: inout AppState) -> Bool {
        guard let clash = state.conflicts[subject]?.first else { return false }
        state.overlays.append(.conflict(ConflictDialog(clash: clash, of: subject)))
        return true
    }

    static func loaded(_ files: [ConflictFile], _ state: inout AppState) -> [Effect] {
        state.conflicts = Dictionary(files.map { ($0.subject, $0.clashes) }, uniquingKeysWith: +)
        if let subject = state.settlingConflicts {
            state.settlingConflicts = nil
            if state.overlays.isEmpty { open(subject, &state) }
        }
        return []
    }

    /// The choice in the dialog: 0 keep mine, 1 take theirs, 2 edit.
    static func choose(_ choice: Int, _ clash: Clash, _ subject: ConflictSubject, _ state: inout AppState) -> [Effect] {
        guard case .record(let kind, let id) = subject else {
            state.show("Settings conflicts are settled with `reach sync conflicts` in a terminal", .warning)
            return []
        }
        switch choice {
        case 0:
            state.settlingConflicts = subject
            state.show("Kept yours for \(clash.field)", .success)
            return [.resolveClash(clash, of: subject)]
        case 1:
            state.settlingConflicts = subject
            // The store's "Saved …" would hide which clash was settled.
            state.quietSaves.insert(id)
            state.show("Took theirs for \(clash.field)", .success)
            return [.takeTheirs(clash, kind, id)]
        default:
            switch kind {
            case .deal: DealEditors.editTerms(id, &state)
            case .influencer: InfluencerForm.openEdit(id, &state)
            case .campaign, .template:
                state.show("Edit it on its screen; mine and theirs: \(values(clash).mine) / \(values(clash).theirs)")
            }
            return [.resolveClash(clash, of: subject)]
        }
    }

    /// Both sides of a clash as one-line text, for the dialog and messages.
    static func values(_ clash: Clash) -> (mine: String, theirs: String) {
        switch clash.subject {
        case .field(let field): (text(field.ours), text(field.theirs))
        case .recordDeleted: ("(edited)", "(deleted the record)")
        case .unreadable(let side, _): side == .ours ? ("(unreadable file)", "(the record)") : ("(the record)", "(unreadable file)")
        }
    }

    private static func text(_ value: JSONValue?) -> String {
        guard let value else { return "(removed)" }
        return text(value)
    }

    /// Close to JSON, with strings bare at the top so a name or a note reads as itself.
    private static func text(_ value: JSONValue, nested: Bool = false) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): String(bool)
        case .number(let number): number
        case .string(let string): nested ? "\"\(string)\"" : string
        case .array(let items): "[" + items.map { text($0, nested: true) }.joined(separator: ", ") + "]"
        case .object(let members): "{" + members.sorted { $0.key < $1.key }.map { "\($0.key): \(text($0.value, nested: true))" }
            .joined(separator: ", ") + "}"
        }
    }
}

extension AppState {
    /// `≠ ` before the name of a record with open sync clashes, else nothing.
    func conflictMark(_ kind: RecordKind, _ id: RecordID) -> String {
        conflicts[.record(kind, id)]?.isEmpty == false ? "≠ " : ""
    }
}
