import TerminalUI

/// Draws the whole screen from the state: tab bar, the active pane, status bar, then any overlays.
public enum AppView {
    public static func render(_ state: AppState, into buffer: inout Buffer, theme: Theme) {
        let size = buffer.size
        guard size.width > 0, size.height > 0 else { return }
        if AppLayout.isTooSmall(size) {
            renderTooSmall(size, into: &buffer, theme: theme)
            return
        }
        renderTabBar(state, into: &buffer, theme: theme)
        state.activePane.render(state, into: &buffer, area: AppLayout.main(size), theme: theme)
        renderStatusBar(state, into: &buffer, theme: theme)
        for overlay in state.overlays {
            OverlayView.render(overlay, state, into: &buffer, theme: theme)
        }
    }

    private static func renderTooSmall(_ size: Size, into buffer: inout Buffer, theme: Theme) {
        let lines = ["Terminal too small", "need \(AppLayout.minimumSize.width)×\(AppLayout.minimumSize.height)", "q quits"]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < size.height {
            buffer.write(line, x: 0, y: top + index, width: size.width, alignment: .center,
                         style: index == 0 ? theme.warning : theme.muted)
        }
    }

    private static func renderTabBar(_ state: AppState, into buffer: inout Buffer, theme: Theme) {
        let area = AppLayout.tabBar(buffer.size)
        let titles = Tab.allCases.map { "\($0.rawValue + 1) \($0.title)" }
        Tabs(titles, selected: state.tab.rawValue, theme: theme).render(into: &buffer, area: area)
        var badges: [String] = []
        if state.unsavedCount > 0 { badges.append("\(state.unsavedCount) unsaved") }
        if !state.loadProblems.isEmpty { badges.append("\(state.loadProblems.count) load problems") }
        if let sync = state.sync { badges.append(sync.headline(now: state.now)) }
        let tabsWidth = titles.reduce(0) { $0 + DisplayWidth.of($1) + 2 } + titles.count - 1
        let room = area.width - tabsWidth - 2
        // "reach" only when there is room: the sync state and unsaved edits matter more at 80 columns.
        if DisplayWidth.of((badges + ["reach"]).joined(separator: " · ")) <= room { badges.append("reach") }
        let text = badges.joined(separator: " · ")
        let width = min(DisplayWidth.of(text), room)
        guard width > 0 else { return }
        let alarming = state.unsavedCount > 0 || state.sync?.isFailing == true
        buffer.write(text, x: area.maxX - width, y: area.y, maxWidth: width, style: alarming ? theme.error : theme.muted)
    }

    /// The status bar's key hints: the top popup's, the keys typed so far of a sequence, or the screen's.
    static func statusHints(_ state: AppState) -> [KeyHint] {
        if let top = state.overlays.last { return OverlayView.hints(top) }
        if !state.pendingKeys.isEmpty { return [KeyHint(state.pendingKeys.map(KeyLabel.text).joined(), "…")] }
        return KeyDispatch.hints(state)
    }

    /// The status bar's message: the count of marked rows (kept in view while other messages come and go, since a
    /// bulk action is only a `b` away), then the latest message.
    static func statusMessage(_ state: AppState) -> String? {
        let marked = state.overlays.isEmpty ? Marking.countText(state) : nil
        let parts = [marked.map { "\($0) (b acts, M clears)" }, state.status?.text].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    private static func renderStatusBar(_ state: AppState, into buffer: inout Buffer, theme: Theme) {
        let style: Style? = state.status.map {
            switch $0.level {
            case .info: theme.statusBar
            case .success: theme.success
            case .warning: theme.warning
            case .error: theme.error
            }
        }
        StatusBar(hints: statusHints(state), message: statusMessage(state), messageStyle: style, theme: theme)
            .render(into: &buffer, area: AppLayout.statusBar(buffer.size))
    }
}
