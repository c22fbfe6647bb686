import Foundation
import Testing
import ReachCore
import TerminalUI
@testable import ReachApp

/// Outreach templates: managing them, filling one for a deal, warning about empty placeholders, copying and logging.
@Suite("Templates")
struct TemplateTests {
    /// Līga's deal page with the first-outreach template previewed.
    func preview(width: Int = 80, height: Int = 24) -> AppState {
        var state = DealFx.state(width: width, height: height)
        DealDetailPane.open(Fx.dealLiga, &state)
        DealFx.type("t<Enter>", &state)
        return state
    }

    func topPreview(_ state: AppState) -> TemplatePreview? {
        guard case .custom(let model)? = state.overlays.last else { return nil }
        return model as? TemplatePreview
    }

    @Test("snapshots: the list and the preview at 80x24 and 120x40")
    func snapshots() {
        var state = DealFx.state()
        DealDetailPane.open(Fx.dealLiga, &state)
        DealFx.type("t", &state)
        expectSnapshot(Fx.render(state), "templates-80x24")
        expectSnapshot(Fx.render(preview()), "template-preview-80x24")
        expectSnapshot(Fx.render(preview(width: 120, height: 40)), "template-preview-120x40")
    }

    @Test("the preview fills what the records know and lists and highlights the placeholder that is missing")
    func missingHighlighted() throws {
        let state = preview()
        let message = try #require(topPreview(state)?.message(state))
        #expect(message.missing == ["recent_post"] && message.unknown.isEmpty)
        #expect(message.subject == "Glow Lab × Līga")
        #expect(message.body.contains("offer EUR 1,000.00 for Serum launch"))
        let theme = Theme(mode: .ansi16)
        var buffer = Buffer(width: 80, height: 24)
        AppView.render(state, into: &buffer, theme: theme)
        let lines = buffer.lines()
        #expect(lines.contains { $0.contains("⚠ No value for {recent_post} (f fills)") })
        let row = try #require(lines.firstIndex { $0.contains("I loved {recent_post}") })
        let column = try #require(lines[row].range(of: "{recent_post}").map { lines[row].distance(from: lines[row].startIndex, to: $0.lowerBound) })
        #expect(buffer[x: column, y: row].style.attributes.contains(.reverse))
        #expect(!buffer[x: column - 2, y: row].style.attributes.contains(.reverse))
    }

    @Test("y on an incomplete message copies nothing until 'Copy anyway'")
    func incompleteNeedsConfirmation() {
        var state = preview()
        #expect(DealFx.type("y", &state).isEmpty)
        guard case .confirm(let dialog)? = state.overlays.last else { Issue.record("no warning"); return }
        #expect(dialog.title == "Placeholders without a value")
        #expect(dialog.message.contains("{recent_post}"))
        DealFx.type("b", &state)
        #expect(topPreview(state) != nil, "Back returns to the preview")
        DealFx.type("y", &state)
        let effects = DealFx.type("c", &state)
        guard case .copy(let text)? = effects.first else { Issue.record("no copy: \(effects)"); return }
        #expect(text.contains("I loved {recent_post}."))
        guard case .confirm(let log)? = state.overlays.last else { Issue.record("no log question"); return }
        #expect(log.message == "Log 'first outreach sent' on the timeline?")
        #expect(!state.overlays.contains { if case .custom = $0 { true } else { false } }, "the preview closed")
    }

    @Test("f fills the missing value; then y copies at once and Yes logs the outreach")
    func fillCopyAndLog() throws {
        var state = preview()
        DealFx.type("f", &state)
        guard case .prompt(let prompt)? = state.overlays.last else { Issue.record("no prompt"); return }
        #expect(prompt.title == "Fill {recent_post}")
        DealFx.type("your reel about SPF<Enter>", &state)
        #expect(topPreview(state)?.message(state)?.isComplete == true)
        #expect(Fx.render(state).contains { $0.contains("✓ Every placeholder is filled") })
        let effects = DealFx.type("y", &state)
        guard case .copy(let text)? = effects.first else { Issue.record("no copy: \(effects)"); return }
        #expect(text == "Subject: Glow Lab × Līga\n\nHi Līga,\n\nI loved your reel about SPF. We would like to offer EUR 1,000.00 for Serum launch.\nCode: GLOWLIGA")
        #expect(state.workspace.templates[DealFx.firstOutreach]?.body.contains("{recent_post}") == true, "the template is unchanged")
        let before = state.workspace.deal(Fx.dealLiga)?.activities.count ?? 0
        DealFx.type("y", &state)
        let deal = try #require(state.workspace.deal(Fx.dealLiga))
        #expect(deal.activities.count == before + 1)
        let logged = try #require(deal.activities.last)
        #expect(logged.summary == "First outreach sent (template “First outreach”)")
        #expect(logged.channel == .email && logged.direction == .outbound && logged.author == "tester")
        #expect(state.overlays.isEmpty, "Published is past Contacted: no move offered")
    }

    @Test("for a deal before Contacted, logging offers the move to Contacted; No logs nothing")
    func offersContacted() throws {
        var state = DealFx.state()
        var prospect = Deal(id: Fx.id(250), createdAt: Fx.days(-1), influencerID: Fx.ola, campaignID: Fx.japan)
        prospect.setFollowUp("Reach out", due: Fx.days(1))
        prospect.agreedFee = Money(major: 50_000, currency: .jpy)
        prospect.tracking.discountCode = "OLA5"
        state.workspace.put(.deal(prospect))
        DealDetailPane.open(prospect.id, &state)
        DealFx.type("t<Enter>fa trip to Oslo<Enter>y", &state)
        DealFx.type("n", &state)
        #expect(state.workspace.deal(prospect.id)?.activities.isEmpty == true)
        DealFx.type("t<Enter>fa trip to Oslo<Enter>yy", &state)
        guard case .confirm(let move)? = state.overlays.last else { Issue.record("no move offered"); return }
        #expect(move.message == "Move the deal from Prospect to Contacted?")
        DealFx.type("m", &state)
        let deal = try #require(state.workspace.deal(prospect.id))
        #expect(deal.stage == .contacted)
        #expect(deal.activities.map(\.summary) == ["First outreach sent (template “First outreach”)", "Stage: Prospect → Contacted"])
        DealFx.type("u", &state)
        #expect(state.workspace.deal(prospect.id)?.stage == .prospect, "u undoes the move, the log stays")
        #expect(state.workspace.deal(prospect.id)?.activities.count == 1)
    }

    @Test("a follow-up template counts the follow-up")
    func followUpCounts() throws {
        var state = DealFx.state()
        DealDetailPane.open(Fx.dealNino, &state)
        DealFx.type("t<Down><Enter>yy", &state)
        let deal = try #require(state.workspace.deal(Fx.dealNino))
        #expect(deal.followUpCount == 1)
        #expect(deal.activities.last?.summary == "Follow-up sent (template “Gentle nudge”) (#1)")
    }

    @Test("the palette opens the list; n creates a template, an unknown placeholder saves with a warning and shows in previews")
    func manage() throws {
        var state = DealFx.state()
        DealFx.type(":templates<Enter>", &state)
        guard case .custom(let model)? = state.overlays.last, model is TemplatesList else { Issue.record("no list"); return }
        DealFx.type("n", &state)
        guard case .form(let form)? = state.overlays.last else { Issue.record("no form"); return }
        #expect(form.editorFields == [TemplateForm.Key.body])
        DealFx.type("Colour poll<Down><Right><Down><Down><Down><C-u>Hi {first_name}, favourite {colour}?<Enter>", &state)
        let template = try #require(state.workspace.templates.values.first { $0.name == "Colour poll" })
        #expect(template.kind == .followUp)
        #expect(template.body == "Hi {first_name}, favourite {colour}?")
        #expect(state.status?.text.contains("Unknown placeholder {colour}") == true)
        guard case .custom(let list)? = state.overlays.last, list is TemplatesList else { Issue.record("the list closed"); return }
        DealFx.type("<Esc>", &state)
        DealDetailPane.open(Fx.dealNino, &state)
        DealFx.type("t<Down><Enter>", &state)
        let message = try #require(topPreview(state)?.message(state))
        #expect(message.unknown == ["colour"])
        #expect(Fx.render(state).contains { $0.contains("⚠ Unknown placeholder {colour}") })
    }

    @Test("Ctrl-O on Body edits it in $EDITOR and the text comes back into Body; elsewhere it names the fields it opens")
    func bodyInEditor() throws {
        var state = DealFx.state()
        DealFx.type(":templates<Enter>n<C-o>", &state)
        #expect(state.status?.text == "Only Body open in $EDITOR")
        let effects = DealFx.type("<Down><Down><Down><Down><C-o>", &state)
        guard case .editText(let request)? = effects.last else { Issue.record("no editor: \(effects)"); return }
        #expect(request.subject == "body")
        _ = request.finish("Hi {first_name},\nsee you\n", &state)
        guard case .form(let form)? = state.overlays.last else { Issue.record("the form closed"); return }
        #expect(form.form[TemplateForm.Key.body]?.value == "Hi {first_name},\nsee you")
    }

    @Test("e edits a template; d deletes it after asking")
    func editAndDelete() throws {
        var state = DealFx.state()
        DealFx.type(":templates<Enter>e<C-u>First contact<Enter>", &state)
        #expect(state.workspace.templates[DealFx.firstOutreach]?.name == "First contact")
        let effects = DealFx.type("jd<Enter>", &state)
        guard case .delete(.template(let deleted))? = effects.last else { Issue.record("no delete: \(effects)"); return }
        #expect(deleted.id == DealFx.followUp)
    }
}
