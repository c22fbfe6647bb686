import ReachCore
import TerminalUI

/// Renames, adds, removes and reorders pipeline stages. Deals refer to a stage by its key, which never changes
/// here, so renaming or moving a stage never strands a deal; roles are fixed (the closing stage stays last and
/// closing, side exits stay exits), and a stage that still holds deals cannot be removed.
enum StageEditor {
    /// Renames `key` and sets its stall days.
    static func edit(_ key: StageKey, _ state: inout AppState) {
        guard let stage = state.workspace.pipeline.definition(for: key) else { return }
        let fields = [
            FormField("Name", key: SettingsKey.name, value: stage.name, isRequired: true),
            SettingsForm.count("Stalled after (days; empty: never)", key: SettingsKey.stall, value: stage.stallAfterDays, minimum: 1, required: false),
        ]
        SettingsForm.open("Edit stage · \(SettingsRows.roleText(stage.role))", fields: fields, label: "edit stage \(stage.name)", &state) { values, settings in
            guard let name = values.text(SettingsKey.name) else { return "Enter a name." }
            let stall = values.int(SettingsKey.stall)
            if let i = settings.pipeline.stages.firstIndex(where: { $0.key == key }) {
                settings.pipeline.stages[i].name = name
                settings.pipeline.stages[i].stallAfterDays = stall
            } else if let i = settings.pipeline.sideExits.firstIndex(where: { $0.key == key }) {
                settings.pipeline.sideExits[i].name = name
                settings.pipeline.sideExits[i].stallAfterDays = stall
            } else {
                return "Another session removed this stage meanwhile."
            }
            return nil
        }
    }

    /// A new open stage after `after` when that is an open stage, else just before the closing stage.
    static func add(after: StageKey?, _ state: inout AppState) {
        let fields = [
            FormField("Name", key: SettingsKey.name, isRequired: true),
            SettingsForm.count("Stalled after (days; empty: never)", key: SettingsKey.stall, value: nil, minimum: 1, required: false),
        ]
        SettingsForm.open("New stage", fields: fields, label: "add a stage", &state) { values, settings in
            guard let name = values.text(SettingsKey.name) else { return "Enter a name." }
            let stage = StageDefinition(key: uniqueKey(for: name, in: settings.pipeline), name: name, stallAfterDays: values.int(SettingsKey.stall))
            let stages = settings.pipeline.stages
            let position = after.flatMap { key in stages.firstIndex { $0.key == key && $0.role == .open } }.map { $0 + 1 }
                ?? stages.firstIndex { $0.role != .open } ?? stages.count
            settings.pipeline.stages.insert(stage, at: position)
            return nil
        }
    }

    /// Moves an open stage one place along the flow (`delta` ±1), among the open stages only.
    static func move(_ key: StageKey, by delta: Int, _ state: inout AppState) -> [Effect] {
        var settings = state.workspace.settings
        let stages = settings.workspace.pipeline.stages
        guard let i = stages.firstIndex(where: { $0.key == key }), stages[i].role == .open else {
            state.show("Only open stages move; the closing stage stays last and side exits are not in the flow", .warning)
            return []
        }
        let j = i + delta
        guard stages.indices.contains(j), stages[j].role == .open else { return [] }
        settings.workspace.pipeline.stages.swapAt(i, j)
        state.settingsScreen.cursor.selected += delta
        return SettingsSaves.commit(settings, label: "move stage \(stages[i].name) \(delta > 0 ? "down" : "up")", &state)
    }

    /// Asks, then removes an open stage that no deal is in; `u` puts it back.
    static func delete(_ key: StageKey, _ state: inout AppState) {
        guard let stage = state.workspace.pipeline.definition(for: key) else { return }
        guard stage.role == .open else {
            state.show("\(stage.name) is a \(SettingsRows.roleText(stage.role)) stage: it can be renamed, not removed", .warning)
            return
        }
        let inStage = state.workspace.dealRows.all.reduce(0) { $0 + ($1.stage == key ? 1 : 0) }
        guard inStage == 0 else {
            state.show("\(inStage) deal\(inStage == 1 ? " is" : "s are") in \(stage.name): move \(inStage == 1 ? "it" : "them") to another stage first", .warning)
            return
        }
        let message = "Remove the stage \(stage.name)? No deal is in it. u undoes."
        state.overlays.append(.confirm(ConfirmDialog(title: "Remove stage", message: message, buttons: ["Remove", "Cancel"],
                                                     cancelIndex: 1) { choice, state in
            guard choice == 0 else { return [] }
            var settings = state.workspace.settings
            settings.workspace.pipeline.stages.removeAll { $0.key == key && $0.role == .open }
            return SettingsSaves.commit(settings, label: "remove stage \(stage.name)", &state)
        }))
    }

    /// A key from the name ("Gifting sent" → `giftingSent`), numbered when taken; ASCII so it reads well in JSON.
    static func uniqueKey(for name: String, in pipeline: StagePipeline) -> StageKey {
        let words = name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map { $0.lowercased() }
        let joined = words.enumerated().map { $0.offset == 0 ? $0.element : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }.joined()
        let base = joined.isEmpty || joined.first?.isNumber == true ? "stage" + joined : joined
        var candidate = StageKey(rawValue: base)
        var number = 2
        while pipeline.contains(candidate) {
            candidate = StageKey(rawValue: "\(base)\(number)")
            number += 1
        }
        return candidate
    }
}
