import Foundation

/// What a form field edits, which decides its keys and its validation.
public enum FormFieldKind: Sendable, Hashable {
    case text
    /// A whole number, optionally negative.
    case number
    /// A decimal amount with at most two fraction digits, e.g. `1250` or `1250.50`.
    case money
    /// A calendar date written `YYYY-MM-DD`.
    case date
    /// One of fixed options, cycled with Left/Right or Space.
    case choice([String])
    /// On/off, flipped with Space.
    case toggle
}

/// One labelled field of a form, with its current value and validation message.
public struct FormField: Sendable {
    /// What the screen reads the value by; stays put when the label is reworded or translated.
    public var key: String
    public var label: String
    public var kind: FormFieldKind
    public var isRequired: Bool
    public var input: TextFieldState
    public var choiceIndex: Int
    public var isOn: Bool
    /// The message shown under the field after validation, nil when valid.
    public var error: String?
    /// Extra rule run after the kind's own check; returns a message when the value is not acceptable.
    public var validator: (@Sendable (String) -> String?)?

    /// A field read back by `key`; without one, by its label.
    public init(_ label: String, key: String? = nil, kind: FormFieldKind = .text, value: String = "", isRequired: Bool = false,
                validator: (@Sendable (String) -> String?)? = nil) {
        self.key = key ?? label
        self.label = label
        self.kind = kind
        self.isRequired = isRequired
        self.input = TextFieldState(text: value)
        self.validator = validator
        self.isOn = value == "true"
        if case .choice(let options) = kind {
            self.choiceIndex = options.firstIndex(of: value) ?? 0
        } else {
            self.choiceIndex = 0
        }
    }

    /// The value as text: typed text, the chosen option, or "true"/"false" for toggles.
    public var value: String {
        switch kind {
        case .text, .number, .money, .date: input.text
        case .choice(let options): options.indices.contains(choiceIndex) ? options[choiceIndex] : ""
        case .toggle: isOn ? "true" : "false"
        }
    }

    /// Checks the value and stores the message; returns true when valid.
    @discardableResult
    public mutating func validate() -> Bool {
        error = FormValidation.message(for: value, kind: kind, isRequired: isRequired) ?? validator?(value)
        return error == nil
    }

    /// Applies a key to the field; false when the field does not use it.
    mutating func handle(_ event: InputEvent) -> Bool {
        switch kind {
        case .text, .number, .money, .date:
            return input.handle(event)
        case .choice(let options):
            guard !options.isEmpty, case .key(let key) = event else { return false }
            switch key.key {
            case .right, .character(" "): choiceIndex = (choiceIndex + 1) % options.count
            case .left: choiceIndex = (choiceIndex + options.count - 1) % options.count
            case .character(let typed) where key.modifiers.isEmpty:
                // A letter picks the next option starting with it, as in a select box: "r" for replace.
                let starts = options.indices.filter { options[$0].first.map { $0.lowercased() == typed.lowercased() } ?? false }
                guard let pick = starts.first(where: { $0 > choiceIndex }) ?? starts.first else { return false }
                choiceIndex = pick
            default: return false
            }
            return true
        case .toggle:
            guard case .key(let key) = event, key.key == .character(" ") || key.key == .left || key.key == .right
            else { return false }
            isOn.toggle()
            return true
        }
    }
}

/// Validation rules per field kind, with messages that say what to type.
public enum FormValidation {
    public static func message(for value: String, kind: FormFieldKind, isRequired: Bool) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            return isRequired && kind != .toggle ? "Required: enter a value." : nil
        }
        switch kind {
        case .number:
            return Int(trimmed) == nil ? "Enter a whole number, e.g. 12000." : nil
        case .money:
            return isMoney(trimmed) ? nil : "Enter an amount like 1250 or 1250.50."
        case .date:
            return isDate(trimmed) ? nil : "Enter a date as YYYY-MM-DD, e.g. 2025-03-31."
        case .text, .choice, .toggle:
            return nil
        }
    }

    static func isMoney(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first else { return false }
        let digits = whole.hasPrefix("-") ? whole.dropFirst() : whole
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return false }
        guard parts.count == 2 else { return true }
        return (1...2).contains(parts[1].count) && parts[1].allSatisfy(\.isASCIIDigit)
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let monthLengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= monthLengths[month - 1]
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// The fields of a form and which one has focus; Tab/Shift-Tab/Up/Down move focus, other keys go to the field.
public struct FormState: Sendable {
    public var fields: [FormField]
    public private(set) var focus: Int

    public init(fields: [FormField], focus: Int = 0) {
        self.fields = fields
        self.focus = fields.isEmpty ? 0 : min(max(0, focus), fields.count - 1)
    }

    /// Handles a key: focus movement (validating the field being left) or editing. False when unused,
    /// e.g. Enter or Esc, which the screen decides about.
    @discardableResult
    public mutating func handle(_ event: InputEvent) -> Bool {
        guard !fields.isEmpty else { return false }
        if case .key(let key) = event {
            switch (key.key, key.modifiers) {
            case (.tab, []), (.down, []):
                moveFocus(by: 1)
                return true
            case (.backTab, _), (.tab, .shift), (.up, []):
                moveFocus(by: -1)
                return true
            default:
                break
            }
        }
        guard fields[focus].handle(event) else { return false }
        // A message from leaving the field empty goes as soon as what is typed makes it right.
        if fields[focus].error != nil { fields[focus].validate() }
        return true
    }

    /// Moves focus to a field (wrapping), validating the one being left so its message appears.
    public mutating func moveFocus(by delta: Int) {
        guard !fields.isEmpty else { return }
        fields[focus].validate()
        focus = ((focus + delta) % fields.count + fields.count) % fields.count
    }

    /// Moves focus to the field with this key (no validation: the user is sent there, not leaving on their own).
    public mutating func focus(on key: String) {
        if let index = fields.firstIndex(where: { $0.key == key }) { focus = index }
    }

    /// Validates every field; true when all are valid. Focus moves to the first invalid field.
    @discardableResult
    public mutating func validate() -> Bool {
        for index in fields.indices { fields[index].validate() }
        if let firstInvalid = fields.firstIndex(where: { $0.error != nil }) {
            focus = firstInvalid
            return false
        }
        return true
    }

    /// Values by field key, for the screen to build its record from.
    public var values: [String: String] {
        Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The field with this key, to read or change it in place.
    public subscript(key: String) -> FormField? {
        get { fields.first { $0.key == key } }
        set {
            guard let index = fields.firstIndex(where: { $0.key == key }), let newValue else { return }
            fields[index] = newValue
        }
    }
}
