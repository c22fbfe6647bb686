import ReachStore
import TerminalUI

/// A layer drawn over the panes that takes all keys until closed; the top of `AppState.overlays` is active.
public enum Overlay: Sendable {
    case help(HelpState)
    case palette(PaletteState)
    case form(FormOverlay)
    case confirm(ConfirmDialog)
    case conflict(ConflictDialog)
    case prompt(PromptOverlay)
    case text(TextOverlay)
    /// A popup defined by the screen that opened it (see `OverlayModel`).
    case custom(any OverlayModel)
}

/// The `?` overlay: its sections come from the active keymap at draw time, so it cannot disagree with `update`.
public struct HelpState: Sendable {
    public var scroll = ScrollState()
    public init() {}
}

/// A form in a popup (create/edit a creator, filters, log activity); `submit` turns the values into effects.
public struct FormOverlay: Sendable {
    /// What submitting did: close the form, or keep it open with messages (validation failed).
    public enum Outcome: Sendable {
        case close([Effect])
        case stay(FormState, message: String?)
    }

    public var title: String
    public var form: FormState
    /// A form-level message (e.g. a warning from `validate()` that has no field of its own).
    public var message: String?
    /// Keys of the fields that `Ctrl-O` opens in `$EDITOR` (long notes).
    public var editorFields: Set<String>
    /// Keys that act on the whole form from any field (`Alt-d`: the next step is done), listed in its hints.
    public var shortcuts: [FormShortcut]
    public var submit: @Sendable (FormState, inout AppState) -> Outcome

    public init(title: String, form: FormState, editorFields: Set<String> = [], shortcuts: [FormShortcut] = [],
                submit: @escaping @Sendable (FormState, inout AppState) -> Outcome) {
        self.title = title
        self.form = form
        self.editorFields = editorFields
        self.shortcuts = shortcuts
        self.submit = submit
    }
}

/// One key of a form that works whichever field has focus; the same value handles the key and draws its hint.
public struct FormShortcut: Sendable {
    public var key: KeyEvent
    public var help: String
    public var apply: @Sendable (inout FormState) -> Void

    public init(_ key: KeyEvent, _ help: String, apply: @escaping @Sendable (inout FormState) -> Void) {
        self.key = key
        self.help = help
        self.apply = apply
    }

    public var hint: KeyHint { KeyHint(KeyLabel.text(key), help) }
}

/// A question with buttons ("Delete Līga? [Delete] [Cancel]"); `choose` gets the button index.
public struct ConfirmDialog: Sendable {
    public var title: String
    public var message: String
    public var buttons: [String]
    public var selected: Int
    /// The button Esc means; nil closes without choosing.
    public var cancelIndex: Int?
    public var choose: @Sendable (Int, inout AppState) -> [Effect]

    public init(title: String, message: String, buttons: [String], selected: Int = 0, cancelIndex: Int? = nil,
                choose: @escaping @Sendable (Int, inout AppState) -> [Effect]) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selected = selected
        self.cancelIndex = cancelIndex
        self.choose = choose
    }
}

/// Someone else saved the record (or the settings) first: both versions are kept until the user picks one. Also
/// shows a git-sync clash (`!`): the record holds mine, theirs waits in `conflicts/`.
public struct ConflictDialog: Sendable, Equatable {
    /// The two versions: of a record, or of the settings in `reach.json`; theirs is nil when they deleted it.
    public enum Versions: Sendable, Equatable {
        case record(mine: AnyRecord, theirs: AnyRecord?)
        case settings(mine: AppSettings, theirs: AppSettings?)
        case sync(Clash, of: ConflictSubject)
    }

    public var versions: Versions
    public var theirsRevision: Int
    /// "field: theirs → mine" lines.
    public var differences: [String]
    /// 0: keep mine, 1: take theirs, 2: edit (a sync clash only).
    public var selected = 0

    public init(mine: AnyRecord, theirs: AnyRecord?, theirsRevision: Int) {
        versions = .record(mine: mine, theirs: theirs)
        self.theirsRevision = theirsRevision
        differences = RecordDifference.lines(mine: mine, theirs: theirs)
    }

    public init(settings mine: AppSettings, theirs: AppSettings?, theirsRevision: Int) {
        versions = .settings(mine: mine, theirs: theirs)
        self.theirsRevision = theirsRevision
        differences = RecordDifference.lines(mine: mine, theirs: theirs, gone: "They removed reach.json; you changed the settings.")
    }

    public init(clash: Clash, of subject: ConflictSubject) {
        versions = .sync(clash, of: subject)
        theirsRevision = 0
        differences = []
    }

    /// Keep mine and take theirs, and edit for a sync clash.
    public var buttonCount: Int {
        if case .sync = versions { 3 } else { 2 }
    }

    /// The record in conflict; nil when it is the settings or a sync clash.
    public var mine: AnyRecord? {
        if case .record(let mine, _) = versions { mine } else { nil }
    }
}

/// A one-line question (a date, a reason, a name); `submit` may refuse the text with a message.
public struct PromptOverlay: Sendable {
    /// What submitting did: close with effects, or refuse the text with a message (the prompt stays open).
    public enum Outcome: Sendable {
        case close([Effect])
        case invalid(String)
    }

    public var title: String
    public var label: String
    public var hint: String?
    public var field: TextFieldState
    public var error: String?
    public var submit: @Sendable (String, inout AppState) -> Outcome

    public init(title: String, label: String, hint: String? = nil, text: String = "",
                submit: @escaping @Sendable (String, inout AppState) -> Outcome) {
        self.title = title
        self.label = label
        self.hint = hint
        self.field = TextFieldState(text: text)
        self.submit = submit
    }
}

/// Read-only text in a popup (load problems, long messages), scrollable.
public struct TextOverlay: Sendable {
    public var title: String
    public var text: String
    public var scroll = ScrollState()

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}
