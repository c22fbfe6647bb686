import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// The campaign brief: drawn on the campaign page, edited with `B` through `RecordForm`, saved to the campaign file.
@Suite("Campaign brief")
struct BriefTests {
    /// Serum launch with a Latvian and Japanese brief (and an escape sequence someone pasted into it).
    static var briefed: Campaign {
        var serum = DealFx.campaigns[0]
        serum.brief = CampaignBrief(
            keyMessage: "Redzami rezultāti 14 dienās: ādai, kas grib mieru. \u{1b}]0;pwned\u{7}\n\n夜のスキンケアに。",
            dos: ["Rādi ādas tekstūru dienasgaismā, bez filtriem un bez retušas", "Atzīmē @glowlab"], donts: ["Medicīniski apgalvojumi"],
            brandVoice: "Silts, godīgs", callToAction: "Izmanto savu kodu pie kases", link: "https://glowlab.example/serum",
            deliverablesSummary: "1 reel + 3 stories", timeline: "Melnraksti līdz 1. jūlijam", disclosureRule: "#reklāma pirmajā rindā")
        serum.targetAudience = TargetAudience(countries: ["LV", "EE"], languages: ["lv"], ageRange: "25-44", interests: ["skincare"])
        return serum
    }

    /// The Campaigns tab on Serum launch's page, with its brief filled.
    func page(width: Int, height: Int) -> AppState {
        let workspace = Workspace(influencers: Fx.influencers, campaigns: [Self.briefed, DealFx.campaigns[1]], deals: DealFx.deals,
                                  templates: DealFx.templates, settings: DealFx.settings)
        var state = AppState(workspace: workspace, now: Fx.now, timeZone: Fx.utc, size: Size(width: width, height: height), author: "tester")
        DealFx.type("4", &state)
        CampaignsPane.select(Fx.serum, &state)
        DealFx.type("<Enter>", &state)
        return state
    }

    @Test("the brief is on the campaign page: below the figures at 80x24 (b jumps there and back), beside them at 120x40")
    func snapshots() {
        var narrow = page(width: 80, height: 24)
        #expect(!Fx.render(narrow).joined().contains("Key message"), "the figures come first")
        DealFx.type("b", &narrow)
        let lines = Fx.render(narrow)
        expectSnapshot(lines, "campaign-brief-80x24")
        #expect(lines.contains { $0.hasPrefix("Brief  B edits") })
        #expect(!lines.joined().contains("\u{1b}") && lines.joined().contains("^[]0;pwned^G"), "control characters are shown, not sent")
        DealFx.type("b", &narrow)
        #expect(narrow.campaigns.dashboardScroll.offset == 0, "b again goes back to the top")

        let wide = page(width: 120, height: 40)
        let wideLines = Fx.render(wide)
        expectSnapshot(wideLines, "campaign-brief-120x40")
        #expect(wideLines[1].hasPrefix("Serum launch · Glow Lab") && wideLines[1].contains(String(repeating: " ", count: 10) + "Brief  B edits"), "beside the figures")
        #expect(!CampaignsPane.keymap(wide).flatMap(\.bindings).contains { $0.sequences == [[.char("b")]] },
                "no jump key where the brief is already in view")
    }

    @Test("the brief form fits 80x24 and scrolls to the audience at the end")
    func formAt80x24() {
        var state = page(width: 80, height: 24)
        DealFx.type("B", &state)
        expectSnapshot(Fx.render(state), "brief-form-80x24")
        DealFx.type(String(repeating: "<Tab>", count: 17), &state)
        let end = Fx.render(state)
        #expect(end.contains { $0.contains("›Interests") && $0.contains("skincare") })
        #expect(end.contains { $0.contains("Countries") && $0.contains("LV, EE") })
    }

    @Test("B is in the help from the keymap; with no brief the page says how to write one")
    func helpAndEmpty() {
        var state = DealFx.state()
        DealFx.type("4", &state)
        CampaignsPane.select(Fx.serum, &state)
        DealFx.type("?", &state)
        #expect(Fx.render(state).contains { $0.contains("B") && $0.contains("Edit brief and target audience") })
        DealFx.type("<Esc><Enter>G", &state)
        #expect(Fx.render(state).joined(separator: "\n").contains("No brief yet: B writes it"))
    }

    /// A campaign file as a dictionary.
    func campaignFile(_ h: Harness, _ id: RecordID) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: h.store.layout.recordFile(.campaign, id)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("B edits every brief field and the audience: bad input stays under its field, the save reaches the file, u undoes it")
    func editThroughTheForm() throws {
        let h = try Harness(editor: ScriptedEditor { _ in "Fly north this winter.\n\nNo filters.\n" })
        h.type("4j")
        #expect(h.state.campaigns.selectedID == Fx.serum)
        // Key message in $EDITOR; call to action; a link without its scheme; do's and don'ts; then, 9 fields on,
        // countries, languages and an age range the wrong way round.
        h.type("B<C-o><Tab>Book with your code<Tab>glowlab.example/serum<Tab>show texture; tag us<Tab>medical claims")
        h.type(String(repeating: "<Tab>", count: 9) + "lv, ee<Tab>lv, en<Tab>44-25<Enter>")
        guard case .form(let refused)? = h.state.overlays.last else { Issue.record("bad input closed the form"); return }
        #expect(refused.form[BriefForm.Key.link]?.error?.hasPrefix("Link: a web address") == true)
        #expect(refused.form[BriefForm.Key.ages]?.error?.hasPrefix("Age range:") == true)
        #expect(refused.form[BriefForm.Key.keyMessage]?.value == "Fly north this winter.\n\nNo filters.", "what was typed stays")
        #expect(refused.form[BriefForm.Key.dos]?.value == "show texture; tag us")
        #expect(h.screen.contains("⚠ Age range: two ages such as 18-34, or 18+."))
        #expect(try campaignFile(h, Fx.serum)["revision"] as? Int == 1, "nothing saved yet")
        #expect(refused.form.fields[refused.form.focus].key == BriefForm.Key.link, "the first field to fix has the cursor")

        h.type("<C-u>https://glowlab.example/serum" + String(repeating: "<Down>", count: 13) + "<C-u>25-44<Enter>")
        #expect(h.state.overlays.isEmpty)
        let file = try campaignFile(h, Fx.serum)
        let brief = try #require(file["brief"] as? [String: Any])
        #expect(brief["keyMessage"] as? String == "Fly north this winter.\n\nNo filters.")
        #expect(brief["callToAction"] as? String == "Book with your code")
        #expect(brief["link"] as? String == "https://glowlab.example/serum")
        #expect(brief["dos"] as? [String] == ["show texture", "tag us"])
        #expect(brief["donts"] as? [String] == ["medical claims"])
        let audience = try #require(file["targetAudience"] as? [String: Any])
        #expect(audience["countries"] as? [String] == ["LV", "EE"], "country codes in capitals")
        #expect(audience["languages"] as? [String] == ["lv", "en"])
        #expect(audience["ageRange"] as? String == "25-44")
        #expect(file["revision"] as? Int == 2)

        // A fresh load of the folder sees the same brief; `reach brief` would print it.
        let reloaded = try #require(WorkspaceLoader.load(from: try h.otherStore()).workspace.campaigns[Fx.serum])
        #expect(reloaded.brief.timeline == nil && reloaded.brief.keyMessage == "Fly north this winter.\n\nNo filters.")
        #expect(try CampaignBriefDocument.make(campaign: "serum", campaigns: [reloaded]).markdown().contains("- show texture\n- tag us"))

        h.type("u")
        let undone = try #require(try h.otherStore().load(Campaign.self, id: Fx.serum))
        #expect(undone.brief.isEmpty && undone.targetAudience.isEmpty)
    }

    @Test("a do's list written one per line in $EDITOR is read as items")
    func itemsFromTheEditor() throws {
        let h = try Harness(editor: ScriptedEditor { _ in "show texture\ntag us\n\n" })
        h.type("4jB<Tab><Tab><Tab><C-o><Enter>")
        #expect(try h.otherStore().load(Campaign.self, id: Fx.serum)?.brief.dos == ["show texture", "tag us"])
    }
}
