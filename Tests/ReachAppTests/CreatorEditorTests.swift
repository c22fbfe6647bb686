import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// Vetting, platform accounts and rate card edited from the Roster with the keyboard, checked in the files.
@Suite("Creator editors")
struct CreatorEditorTests {
    private func saved(_ h: Harness, _ id: RecordID) throws -> Influencer {
        try #require(try h.otherStore().load(Influencer.self, id: id))
    }

    @Test("v records a verdict, score, checklist and notes, stamped with who and when")
    func vetting() throws {
        let h = try Harness(width: 160, height: 50)
        h.type("2/liga<Enter>v")
        // Verdict Pending → Approved; score; first check → Pass, second → Fail; the last field is Notes.
        h.type("<Right><Tab>85<Tab><Right><Tab><Right><Right><Tab><Tab><Tab><Tab><Tab><Tab><Tab>Strong audience in LV<Enter>")
        #expect(h.state.overlays.isEmpty)
        let vetting = try saved(h, Fx.liga).vetting
        #expect(vetting.verdict == .approved)
        #expect(vetting.score == 85)
        #expect(vetting.result(for: .audienceFit) == .pass)
        #expect(vetting.result(for: .engagementHealthy) == .fail)
        #expect(vetting.result(for: .contentQuality) == .unknown)
        #expect(vetting.notes == "Strong audience in LV")
        #expect(vetting.vettedBy == "tester")
        #expect(vetting.vettedAt == Fx.now)
        #expect(h.screen.contains("Vetting: Approved · score 85/100"))
    }

    @Test("a score outside 0–100 keeps the vetting form open")
    func vettingScoreRange() throws {
        let h = try Harness()
        h.type("2/liga<Enter>v<Tab>140<Enter>")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("form closed"); return }
        #expect(form.form.fields[1].error == "A score from 0 to 100.")
        #expect(try saved(h, Fx.liga).vetting.score == nil)
    }

    @Test("A adds a second account from its profile URL with dated manual figures; the main account stays main")
    func addAccount() throws {
        let h = try Harness()
        h.type("2/liga<Enter>A")
        h.type("add<Enter>")
        h.type("<Tab>https://www.tiktok.com/@Liga.TT<Tab>52000<Tab><Tab>4.5<Enter>")
        #expect(h.state.overlays.isEmpty)
        let accounts = try saved(h, Fx.liga).accounts
        #expect(accounts.count == 2)
        let tiktok = try #require(accounts.first { $0.platform == .tiktok })
        #expect(tiktok.handle == "liga.tt")
        #expect(tiktok.url == "https://www.tiktok.com/@Liga.TT")
        #expect(!tiktok.isMain)
        #expect(tiktok.snapshots.count == 1)
        #expect(tiktok.snapshots.first.map { ($0.followers, $0.engagementRate, $0.source, $0.asOf) } ?? (nil, nil, .estimate, .distantPast)
                == (52_000, 4.5, .manual, Fx.now))
        #expect(accounts.first { $0.platform == .instagram }?.isMain == true)
    }

    @Test("updating one figure records only that figure: the untouched ER keeps its old date")
    func updateFigures() throws {
        let h = try Harness()
        h.type("2/liga<Enter>A")
        h.type("instagram<Enter>")
        h.type("<Tab><Tab><C-u>45000<Enter>")
        let instagram = try #require(try saved(h, Fx.liga).accounts.first)
        #expect(instagram.snapshots.count == 2)
        let latest = try #require(instagram.snapshots.last)
        #expect(latest.followers == 45_000 && latest.engagementRate == nil && latest.asOf == Fx.now)
        #expect(instagram.latestEngagementRate?.value == 3.5)
        #expect(instagram.latestEngagementRate?.asOf == Fx.days(-10))
        // Opening and saving without a change records nothing.
        h.type("A")
        h.type("instagram<Enter><Enter>")
        #expect(try saved(h, Fx.liga).accounts.first?.snapshots.count == 2)
    }

    @Test("making another account main, removing one, and u bringing it back")
    func mainRemoveUndo() throws {
        let h = try Harness()
        h.type("2/liga<Enter>A")
        h.type("add<Enter><Tab>https://www.youtube.com/@ligaskin<Tab><Tab><Tab><Tab><Tab><Space><Enter>")
        var accounts = try saved(h, Fx.liga).accounts
        #expect(accounts.first { $0.platform == .youtube }?.isMain == true)
        #expect(accounts.first { $0.platform == .instagram }?.isMain == false)
        h.type("A")
        h.type("youtube<Enter><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Space><Enter>")
        accounts = try saved(h, Fx.liga).accounts
        #expect(accounts.map(\.platform) == [.instagram])
        #expect(accounts.first?.isMain == true)
        h.type("u")
        #expect(try saved(h, Fx.liga).accounts.count == 2)
    }

    @Test("$ adds a rate in the workspace currency, edits it, and dates the card as quoted today")
    func rateCard() throws {
        let h = try Harness()
        h.type("2/liga<Enter>$")
        h.type("<Enter><Tab><Right><Tab>1200<Tab>two rounds of edits<Enter>")
        var card = try saved(h, Fx.liga).rateCard
        #expect(card.entries.count == 1)
        let entry = try #require(card.entries.first)
        #expect(entry.platform == .instagram)
        #expect(entry.contentType != .feedPost)
        #expect(entry.price == Money(major: 1_200, currency: h.state.workspace.settings.workspace.reportingCurrency))
        #expect(entry.note == "two rounds of edits")
        #expect(card.quotedAt == Fx.now)
        h.type("$")
        h.type("<Enter><Tab><Tab><C-u>1500<Enter>")
        card = try saved(h, Fx.liga).rateCard
        #expect(card.entries.map(\.price.minorUnits) == [150_000])
        h.type("$")
        h.type("<Enter><Tab><Tab><Tab><Tab><Space><Enter>")
        #expect(try saved(h, Fx.liga).rateCard.entries.isEmpty)
    }
}

/// `z` archives and restores creators and campaigns: kept on disk and in reports, out of the way on screen.
@Suite("Archiving")
struct ArchivingTests {
    @Test("z archives a creator: the file says so, the roster hides them, u brings them back")
    func archiveCreator() throws {
        let h = try Harness()
        h.type("2")
        #expect(h.state.roster.rows.count == 5)
        h.type("/liga<Enter>z")
        #expect(try h.otherStore().load(Influencer.self, id: Fx.liga)?.archived == true)
        #expect(h.screen.contains("archived: hidden from the roster (F → Show archived"))
        h.type("x")
        #expect(h.state.roster.rows.count == 4)
        #expect(!h.screen.contains("@liga.skin"))
        // A search does not list her either, with the filter empty as it is.
        h.type("/liga")
        #expect(h.state.roster.rows.count == 0)
        h.type("<Esc>u")
        #expect(try h.otherStore().load(Influencer.self, id: Fx.liga)?.archived == false)
        #expect(h.state.roster.rows.count == 5)
    }

    @Test("z archives a campaign: listed last and marked, z again restores it")
    func archiveCampaign() throws {
        let h = try Harness()
        h.type("4")
        let first = try #require(h.state.campaigns.selectedID)
        h.type("z")
        #expect(try h.otherStore().load(Campaign.self, id: first)?.archived == true)
        #expect(h.screen.contains("(archived)"))
        let order = h.state.campaigns.rows
        #expect(order.last == first)
        h.type("G")
        #expect(h.state.campaigns.selectedID == first)
        h.type("z")
        #expect(try h.otherStore().load(Campaign.self, id: first)?.archived == false)
    }
}

/// The creator's phone, agent and the team's rating, edited with `c` and `r`.
@Suite("Contacts and rating")
struct ContactsAndRatingTests {
    @Test("c records phone and agent apart from the creator; a bad agent email stays on its field; an empty name removes the agent")
    func contacts() throws {
        let h = try Harness(width: 160, height: 50)
        h.type("2/liga<Enter>c")
        h.type("+371 2000 0000<Tab><Tab>Anna Agent<Tab>Talent Riga<Tab>not-an-email<Enter>")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("the form closed on a bad email"); return }
        #expect(form.form[CreatorEditors.ContactKey.agentEmail]?.error?.contains("not a valid email address") == true)
        h.type("<C-u>anna@talent.lv<Enter>")
        #expect(h.state.overlays.isEmpty)
        var saved = try #require(try h.otherStore().load(Influencer.self, id: Fx.liga))
        #expect(saved.contact.phone == "+371 2000 0000")
        #expect(saved.contact.email == "liga@example.lv")
        #expect(saved.agent == AgentContact(name: "Anna Agent", agency: "Talent Riga", contact: ContactInfo(email: "anna@talent.lv")))
        #expect(h.screen.contains("Agent: Anna Agent (Talent Riga) · anna@talent.lv"))
        h.type("c<Tab><Tab><C-u><Enter>")
        saved = try #require(try h.otherStore().load(Influencer.self, id: Fx.liga))
        #expect(saved.agent == nil)
        #expect(saved.contact.phone == "+371 2000 0000")
    }

    @Test("r rates a creator; clearing every field removes the rating")
    func rating() throws {
        let h = try Harness(width: 160, height: 50)
        h.type("2/liga<Enter>r<Right><Right><Right><Right><Tab><Right><Tab>fast, on brief<Enter>")
        var saved = try #require(try h.otherStore().load(Influencer.self, id: Fx.liga))
        #expect(saved.rating == CreatorRating(stars: 4, wouldWorkAgain: true, note: "fast, on brief"))
        #expect(h.screen.contains("Rating: ★★★★ · would work again · fast, on brief"))
        h.type("r<Left><Left><Left><Left><Tab><Left><Tab><C-u><Enter>")
        saved = try #require(try h.otherStore().load(Influencer.self, id: Fx.liga))
        #expect(saved.rating == nil)
    }
}

/// `C`: the GDPR consent record, on the detail and in the creator's file.
@Suite("Consent")
struct ConsentEditorTests {
    func creatorFile(_ h: Harness, _ id: RecordID) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: h.store.layout.recordFile(.influencer, id)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("C records source, lawful basis, date and note; a date in the future stays in the form; the detail shows it; u undoes it")
    func consent() throws {
        let h = try Harness(width: 160, height: 50)
        #expect(h.type("2/liga<Enter>").joined().contains("GDPR: no consent recorded (C records it)"))
        h.type("Cinbound form<Tab><Right><Right><Tab>2099-01-01<Enter>")
        guard case .form(let refused)? = h.state.overlays.last else { Issue.record("a future date was accepted"); return }
        #expect(refused.form[ConsentEditor.Key.date]?.error == "Consent date: it is in the future; enter the day they consented.")
        #expect(refused.form[ConsentEditor.Key.source]?.value == "inbound form", "what was typed stays")
        #expect(try creatorFile(h, Fx.liga)["consent"] == nil)

        h.type("<C-u>2024-05-02<Tab>asked in a DM<Enter>")
        #expect(h.state.overlays.isEmpty)
        let consent = try #require(try creatorFile(h, Fx.liga)["consent"] as? [String: Any])
        #expect(consent["source"] as? String == "inbound form")
        #expect(consent["lawfulBasis"] as? String == "legitimate interest")
        #expect(consent["consentAt"] as? String == "2024-05-02T23:59:00Z")
        #expect(consent["note"] as? String == "asked in a DM")
        let reloaded = try #require(WorkspaceLoader.load(from: try h.otherStore()).workspace.influencer(Fx.liga))
        #expect(reloaded.consent?.lawfulBasis == "legitimate interest")
        #expect(RosterDetailView.lines(reloaded, h.state).map(\.text)
            .contains("GDPR: consent 2024-05-02 · legitimate interest · source inbound form · asked in a DM"))
        #expect(h.screen.contains("GDPR: consent 2024-05-02 · legitimate interest · source"), "on screen, wrapped to the pane")

        // Saving again untouched keeps the stored moment of the date.
        h.type("C<Enter>")
        #expect(try creatorFile(h, Fx.liga)["consent"].flatMap { ($0 as? [String: Any])?["consentAt"] as? String } == "2024-05-02T23:59:00Z")
        h.type("uu")
        #expect(try creatorFile(h, Fx.liga)["consent"] == nil)
        #expect(h.screen.contains("GDPR: no consent recorded"))
    }

    @Test("a lawful basis written elsewhere stays choosable; choosing — and clearing the rest removes the record")
    func keepsForeignBasisAndClears() throws {
        let h = try Harness(width: 160, height: 50) { store in
            var ola = try #require(try store.load(Influencer.self, id: Fx.ola))
            ola.consent = DataConsent(source: "agency list", lawfulBasis: "Art. 6(1)(f)")
            _ = try store.save(ola)
        }
        h.type("2/ola<Enter>C")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("no consent form"); return }
        #expect(form.form[ConsentEditor.Key.basis]?.value == "Art. 6(1)(f)")
        #expect(h.screen.contains("GDPR: no consent date · Art. 6(1)(f) · source agency list"))
        h.type("<C-u><Tab><Right><Enter>")
        #expect(try creatorFile(h, Fx.ola)["consent"] == nil)
    }
}

/// `w`: who follows a creator, typed as "label percent" pairs.
@Suite("Audience")
struct AudienceEditorTests {
    @Test("w records countries, ages, gender, interests and the target-market share, dated today as manual")
    func audience() throws {
        let h = try Harness(width: 160, height: 50)
        h.type("2/liga<Enter>w")
        h.type("lv 62, EE 10,5<Tab>18-24 40, 25-34 35<Tab>71<Tab>27<Tab><Tab>skincare, slow living<Tab>62<Enter>")
        #expect(h.state.overlays.isEmpty)
        let audience = try #require(try h.otherStore().load(Influencer.self, id: Fx.liga)?.audience)
        #expect(audience.topCountries == [AudienceShare("LV", 62), AudienceShare("EE", 10.5)])
        #expect(audience.ageBands == [AudienceShare("18-24", 40), AudienceShare("25-34", 35)])
        #expect(audience.gender == GenderSplit(female: 71, male: 27))
        #expect(audience.interests == ["skincare", "slow living"])
        #expect(audience.targetMarketShare == 62)
        #expect(audience.asOf == Fx.now && audience.source == .manual)
        #expect(h.screen.contains("Countries: LV 62%, EE 11%"))
    }

    @Test("shares that are not label-percent pairs, or add up past 100, keep the form open on that field")
    func badShares() throws {
        let h = try Harness()
        h.type("2/liga<Enter>w")
        h.type("Latvia<Enter>")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("form closed"); return }
        #expect(form.form.fields[0].error?.contains("e.g. GB 80, US 8") == true)
        #expect(CreatorEditors.shares("GB 80, US 30", key: { $0.count == 2 }) == nil)
        #expect(CreatorEditors.shares("GB 80, US 20", key: { $0.count == 2 })?.count == 2)
        #expect(CreatorEditors.shares("", key: { _ in true }) == [])
        #expect(CreatorEditors.shares("EE 10,5; LV 62", key: { $0.count == 2 }) == [AudienceShare("EE", 10.5), AudienceShare("LV", 62)])
        #expect(try h.otherStore().load(Influencer.self, id: Fx.liga)?.audience == nil)
    }
}
