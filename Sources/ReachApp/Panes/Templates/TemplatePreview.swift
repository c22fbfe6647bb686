import Foundation
import ReachCore
import TerminalUI

/// A template filled in for one deal, before it is copied: placeholders without a value stay visible as
/// `{name}`, highlighted and listed, and are never copied without the user saying so.
public struct TemplatePreview: OverlayModel {
    public let dealID: RecordID
    public let templateID: RecordID
    /// Values typed for placeholders the records cannot fill (`f`), by placeholder name.
    public var filled: [String: String] = [:]
    public var scroll = ScrollState()
    /// Marked deals still to come when the template is filled for each of them (the bulk action): copying logs the
    /// message and steps on to the next, `n` skips one.
    public var queue: [RecordID] = []
    /// How many deals the walk started with (1 outside the bulk action), for "3 of 12".
    public var total = 1

    public init(dealID: RecordID, templateID: RecordID) {
        self.dealID = dealID
        self.templateID = templateID
    }

    /// The walk over several deals: the first one's preview, the rest queued.
    init?(dealIDs: [RecordID], templateID: RecordID) {
        guard let first = dealIDs.first else { return nil }
        self.init(dealID: first, templateID: templateID)
        queue = Array(dealIDs.dropFirst())
        total = dealIDs.count
    }

    /// The same template for the next deal of the walk, with the values typed so far kept; nil at the end.
    private func next() -> TemplatePreview? {
        guard let following = queue.first else { return nil }
        var preview = TemplatePreview(dealID: following, templateID: templateID)
        preview.filled = filled
        preview.queue = Array(queue.dropFirst())
        preview.total = total
        return preview
    }

    private var isWalk: Bool { total > 1 }

    /// The message for the deal's creator and campaign, with the values typed so far.
    public func message(_ state: AppState) -> RenderedMessage? {
        guard let deal = state.workspace.deal(dealID), let template = state.workspace.templates[templateID] else { return nil }
        let influencer = state.workspace.influencer(deal.influencerID)
        var extra = filled
        // No link of the deal's own: the campaign's UTM link for this creator beats the brief's generic link.
        if deal.tracking.referralLink == nil, extra["link"] == nil, let link = DealPage.campaignLink(deal, state) { extra["link"] = link }
        let deadline = deal.deliverables.filter { !$0.isLive && !$0.isDropped }.compactMap(\.dueDate).min()
        let zone = influencer?.timeZone.flatMap(TimeZone.init(identifier:)) ?? state.timeZone
        let context = TemplateContext(deadline: deadline, timeZone: zone, extra: extra)
        return TemplateRenderer.render(template, influencer: influencer, campaign: state.workspace.campaigns[deal.campaignID],
                                       deal: deal, context: context)
    }

    /// What goes on the clipboard: the subject line (if any), a blank line, the body.
    static func clipboardText(_ message: RenderedMessage) -> String {
        message.subject.map { "Subject: \($0)\n\n" + message.body } ?? message.body
    }

    /// Placeholders still shown in braces.
    static func gaps(_ message: RenderedMessage) -> [String] { message.missing + message.unknown }

    public var hints: [KeyHint] {
        [KeyHint("y/Enter", isWalk ? "copy, log, next" : "copy"), KeyHint("f", "fill a placeholder")]
            + (isWalk ? [KeyHint("n", "skip")] : []) + [KeyHint("j/k", "scroll"), KeyHint("Esc", "close")]
    }

    public mutating func handle(_ event: InputEvent, _ state: inout AppState) -> (keepOpen: Bool, effects: [Effect]) {
        guard case .key(let key) = event else { return (true, []) }
        switch (key.key, key.modifiers) {
        case (.escape, _):
            return (false, [])
        case (.down, []), (.character("j"), []):
            scroll.scroll(by: 1)
        case (.up, []), (.character("k"), []):
            scroll.scroll(by: -1)
        case (.character("f"), []):
            guard let message = message(state), let name = Self.gaps(message).first else {
                state.show("Every placeholder has a value.")
                return (true, [])
            }
            Self.askValue(for: name, &state)
        case (.character("n"), []) where isWalk:
            return step(&state)
        case (.character("y"), []), (.enter, _):
            guard let message = message(state) else { return isWalk ? step(&state) : (false, []) }
            if !message.isComplete {
                confirmIncomplete(message, &state)
            } else if isWalk {
                let effects = OutreachFlow.copyAndLog(message, self, &state)
                let (open, more) = step(&state)
                return (open, effects + more)
            } else {
                return (false, OutreachFlow.copy(message, self, &state))
            }
        default:
            break
        }
        return (true, [])
    }

    /// Moves the walk to the next deal (this preview becomes it), or closes it after the last.
    private mutating func step(_ state: inout AppState) -> (keepOpen: Bool, effects: [Effect]) {
        guard let next = next() else {
            state.show("Template done for all \(total) deals", .success)
            return (false, [])
        }
        self = next
        return (true, [])
    }

    /// Asks for the value of `{name}`; the preview below the prompt re-renders with it.
    static func askValue(for name: String, _ state: inout AppState) {
        state.overlays.append(.prompt(PromptOverlay(title: "Fill {\(name)}", label: name,
                                                    hint: "Used in this message only; the template is unchanged.") { text, state in
            let value = text.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return .invalid("Type a value, or Esc to leave it empty.") }
            guard let index = state.overlays.lastIndex(where: { if case .custom(let model) = $0 { model is TemplatePreview } else { false } }),
                  case .custom(let model) = state.overlays[index], var preview = model as? TemplatePreview else { return .close([]) }
            preview.filled[name] = value
            state.overlays[index] = .custom(preview)
            return .close([])
        }))
    }

    /// Placeholders are still empty: say which, and copy only on an explicit "Copy anyway".
    private func confirmIncomplete(_ message: RenderedMessage, _ state: inout AppState) {
        let names = Self.gaps(message).map { "{\($0)}" }.joined(separator: ", ")
        let preview = self
        state.overlays.append(.confirm(ConfirmDialog(
            title: "Placeholders without a value",
            message: "\(names) would be sent as written, in braces.",
            buttons: ["Fill", "Copy anyway", "Back"], cancelIndex: 2
        ) { choice, state in
            switch choice {
            case 0:
                Self.askValue(for: Self.gaps(message)[0], &state)
                return []
            case 1:
                guard case .custom(let model)? = state.overlays.last, var shown = model as? TemplatePreview else {
                    return OutreachFlow.copy(message, preview, &state)
                }
                state.overlays.removeLast()
                guard shown.isWalk else { return OutreachFlow.copy(message, preview, &state) }
                let effects = OutreachFlow.copyAndLog(message, preview, &state)
                if shown.step(&state).keepOpen { state.overlays.append(.custom(shown)) }
                return effects
            default:
                return []
            }
        }))
    }

    public func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard let message = message(state), let deal = state.workspace.deal(dealID),
              let template = state.workspace.templates[templateID] else { return }
        let width = min(area.width, 78)
        let textWidth = max(1, width - 4)
        var intro: [(String, Style)] = [(recipient(deal, template, state), theme.muted)]
        let gaps = Self.gaps(message)
        if !message.missing.isEmpty {
            intro.append(("⚠ No value for " + message.missing.map { "{\($0)}" }.joined(separator: ", ") + " (f fills)", theme.warning))
        }
        if !message.unknown.isEmpty {
            intro.append(("⚠ Unknown placeholder " + message.unknown.map { "{\($0)}" }.joined(separator: ", ")
                          + ": not filled from any record", theme.warning))
        }
        if gaps.isEmpty { intro.append(("✓ Every placeholder is filled", theme.success)) }
        var lines: [String] = []
        if let subject = message.subject { lines += TextViewer.wrap("Subject: " + subject, width: textWidth) + [""] }
        lines += TextViewer.wrap(message.body, width: textWidth)
        let introRows = intro.reduce(0) { $0 + TextViewer.wrap($1.0, width: textWidth).count }
        let position = isWalk ? " (\(total - queue.count) of \(total))" : ""
        let inner = Popup(title: "\(template.name) → \(state.workspace.influencerName(deal.influencerID))\(position)", theme: theme)
            .render(into: &buffer, area: area, width: width, height: min(area.height, introRows + lines.count + 3))
        let content = inner.inset(horizontal: 1, vertical: 0)
        guard !content.isEmpty else { return }
        var y = content.y
        for (text, style) in intro {
            for line in TextViewer.wrap(text, width: content.width) where y < content.maxY {
                buffer.write(line, x: content.x, y: y, maxWidth: content.width, style: style)
                y += 1
            }
        }
        y += 1
        let visible = max(0, content.maxY - y)
        let offset = min(scroll.offset, max(0, lines.count - visible))
        let tokens = gaps.map { "{\($0)}" }
        for line in lines.dropFirst(offset).prefix(visible) {
            var x = content.x
            for (piece, isGap) in Self.split(line, at: tokens) {
                x += buffer.write(piece, x: x, y: y, maxWidth: content.maxX - x,
                                  style: isGap ? theme.warning.adding([.reverse, .bold]) : theme.normal)
            }
            y += 1
        }
    }

    /// "To Līga Bērziņa · @liga.skin · speaks lv, en · 15:00 there (Europe/Riga)".
    private func recipient(_ deal: Deal, _ template: Template, _ state: AppState) -> String {
        guard let influencer = state.workspace.influencer(deal.influencerID) else { return "To: (missing creator)" }
        var parts = ["To \(influencer.displayName)"]
        if let main = influencer.mainAccount { parts.append("@\(main.handle)") }
        if !influencer.languages.isEmpty {
            let speaks = "speaks " + influencer.languages.joined(separator: ", ")
            parts.append(influencer.languages.contains(template.language) ? speaks : speaks + " (template is \(template.language))")
        }
        if let zoneName = influencer.timeZone, let zone = TimeZone(identifier: zoneName) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let time = calendar.dateComponents([.hour, .minute], from: state.now)
            parts.append(String(format: "%02d:%02d there (%@)", time.hour ?? 0, time.minute ?? 0, zoneName))
        }
        return parts.joined(separator: " · ")
    }

    /// `line` cut into pieces, marking the pieces that are one of `tokens`.
    static func split(_ line: String, at tokens: [String]) -> [(String, Bool)] {
        var pieces: [(String, Bool)] = []
        var rest = Substring(line)
        while !rest.isEmpty {
            let next = tokens.compactMap { token in rest.range(of: token).map { (token, $0) } }.min { $0.1.lowerBound < $1.1.lowerBound }
            guard let (token, range) = next else { break }
            if range.lowerBound > rest.startIndex { pieces.append((String(rest[..<range.lowerBound]), false)) }
            pieces.append((token, true))
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { pieces.append((String(rest), false)) }
        return pieces
    }
}
