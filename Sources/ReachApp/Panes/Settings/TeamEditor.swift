import ReachCore
import TerminalUI

/// Adds, edits and removes team members (login → the name the team knows them by).
enum TeamEditor {
    /// `member` nil: a new one.
    static func open(_ member: TeamMember?, _ state: inout AppState) {
        let fields = [
            FormField("Login ($USER)", key: SettingsKey.login, value: member?.login ?? "", isRequired: true),
            FormField("Name", key: SettingsKey.name, value: member?.name ?? "", isRequired: true),
        ]
        let label = member.map { "edit team member \($0.login)" } ?? "add a team member"
        SettingsForm.open(member == nil ? "New team member" : "Edit team member", fields: fields, label: label, &state) { values, settings in
            let new = TeamMember(login: values.text(SettingsKey.login) ?? "", name: values.text(SettingsKey.name) ?? "")
            guard let member else {
                settings.teamMembers.append(new)
                return nil
            }
            guard let index = settings.teamMembers.firstIndex(of: member) else {
                return "Another session removed \(member.login) meanwhile: Esc, then n adds them again."
            }
            settings.teamMembers[index] = new
            return nil
        }
    }

    /// Asks, then removes `member`; their deals keep the owner's name, and `u` brings them back.
    static func delete(_ member: TeamMember, _ state: inout AppState) {
        let message = "Remove \(member.name) (\(member.login)) from the team? Their deals keep them as owner. u undoes."
        state.overlays.append(.confirm(ConfirmDialog(title: "Remove team member", message: message, buttons: ["Remove", "Cancel"],
                                                     cancelIndex: 1) { choice, state in
            guard choice == 0 else { return [] }
            var settings = state.workspace.settings
            guard let index = settings.workspace.teamMembers.firstIndex(of: member) else { return [] }
            settings.workspace.teamMembers.remove(at: index)
            return SettingsSaves.commit(settings, label: "remove team member \(member.login)", &state)
        }))
    }
}
