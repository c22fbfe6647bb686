import Foundation
import ReachCore
import TerminalUI

/// Sending a templated message from a deal: pick a template, preview it filled in, copy it (OSC 52), then log it
/// on the deal's timeline and, for a deal not yet contacted, offer the move to Contacted.
public enum OutreachFlow {
    /// `t` on a deal.
    public static func pickTemplate(for dealID: RecordID, _ state: inout AppState) {
        guard state.workspace.deal(dealID) != nil else { return }
        TemplatesList.open(.pick(dealID: dealID), &state)
    }

    /// Copies the message and asks whether to log it.
    static func copy(_ message: RenderedMessage, _ preview: TemplatePreview, _ state: inout AppState) -> [Effect] {
        guard let template = state.workspace.templates[preview.templateID] else { return [] }
        let summary = sentSummary(template)
        let dealID = preview.dealID
        state.overlays.append(.confirm(ConfirmDialog(title: "Message copied", message: "Log '\(summary.lowercased())' on the timeline?",
                                                     buttons: ["Yes", "No"], cancelIndex: 1) { choice, state in
            guard choice == 0 else { return [] }
            return log(summary, template: template, dealID: dealID, &state)
        }))
        return [.copy(TemplatePreview.clipboardText(message))]
    }

    /// `t` for each marked deal: the template is chosen once, then filled in, copied and logged deal by deal.
    static func pickTemplate(forEach dealIDs: [RecordID], _ state: inout AppState) {
        guard !dealIDs.isEmpty else { return }
        TemplatesList.open(.pickForEach(dealIDs: dealIDs), &state)
    }

    /// Copies the message and logs it on the deal at once: the bulk walk has no time for a question per deal.
    static func copyAndLog(_ message: RenderedMessage, _ preview: TemplatePreview, _ state: inout AppState) -> [Effect] {
        guard let template = state.workspace.templates[preview.templateID] else { return [] }
        let text = "\(sentSummary(template)) (template “\(template.name)”)"
        guard var deal = state.workspace.deal(preview.dealID) else { return [] }
        record(text, template: template, on: &deal, state)
        return [.copy(TemplatePreview.clipboardText(message))] + Edits.commit(.deal(deal), label: "log \(text)", &state)
    }

    /// "First outreach sent", "Follow-up sent", "Brief sent"…
    static func sentSummary(_ template: Template) -> String {
        switch template.kind {
        case .firstOutreach: "First outreach sent"
        case .followUp: "Follow-up sent"
        default: template.kind.label.prefix(1).uppercased() + template.kind.label.dropFirst() + " sent"
        }
    }

    private static func log(_ summary: String, template: Template, dealID: RecordID, _ state: inout AppState) -> [Effect] {
        guard var deal = state.workspace.deal(dealID) else { return [] }
        record("\(summary) (template “\(template.name)”)", template: template, on: &deal, state)
        let effects = Edits.commit(.deal(deal), label: "log \(summary.lowercased())", &state)
        let pipeline = state.workspace.pipeline
        if let here = pipeline.index(of: deal.stage), let contacted = pipeline.index(of: .contacted), here < contacted {
            state.overlays.append(.confirm(ConfirmDialog(title: "Contacted?",
                                                         message: "Move the deal from \(pipeline.name(of: deal.stage)) to \(pipeline.name(of: .contacted))?",
                                                         buttons: ["Move", "Keep stage"], cancelIndex: 1) { choice, state in
                choice == 0 ? DealActions.move(dealID, to: .contacted, &state) : []
            }))
        }
        return effects
    }

    /// Puts a sent message on the deal's timeline (a follow-up also counts as one).
    private static func record(_ text: String, template: Template, on deal: inout Deal, _ state: AppState) {
        if template.kind == .followUp {
            deal.recordFollowUpSent(at: state.now, channel: .email, summary: text)
        } else {
            deal.logActivity(at: state.now, channel: .email, direction: .outbound, summary: text, author: state.author)
        }
    }

    /// Palette entries: manage templates.
    static func commands() -> [PaletteCommand] {
        [PaletteCommand("Templates: outreach messages (new, edit, delete)") { state in
            TemplatesList.open(.manage, &state)
            return []
        }]
    }
}
