import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// The Settings screen through the runner on a real data folder: each kind of setting is changed by keys and
/// checked in `reach.json` through a second store, with validation, undo, conflicts and pane refreshes.
@Suite("Settings")
struct SettingsTests {
    static let usd = ExchangeRate(from: .eur, to: .usd, rate: Decimal(string: "1.08") ?? 1, asOf: Fx.days(-10), source: "ECB")

    /// A folder whose `reach.json` holds one rate and two team members.
    static func harness(width: Int = 80, height: Int = 24) throws -> Harness {
        try Harness(width: width, height: height) { store in
            let team = [TeamMember(login: "tester", name: "Tess Ter"), TeamMember(login: "tom", name: "Tom Becker")]
            try store.saveWorkspace(AppSettings(workspace: WorkspaceSettings(currencyRates: CurrencyRates(rates: [usd]), teamMembers: team)))
        }
    }

    /// `reach.json` as a fresh session reads it.
    static func onDisk(_ h: Harness) throws -> WorkspaceSettings {
        try #require(try h.otherStore().loadWorkspace(AppSettings.self)).workspace
    }

    static func form(_ h: Harness) -> FormOverlay? {
        if case .form(let form)? = h.state.overlays.last { return form }
        return nil
    }

    @Test("`,` opens Settings; a rate is added, edited and removed, each saved with its quoted day; u brings it back")
    func currencyRates() throws {
        let h = try Self.harness()
        h.type(",")
        #expect(h.state.settingsScreen.isOpen && h.state.settingsScreen.section == .rates)
        h.type("nGBP<Tab><C-u>eur<Tab>1.17<Tab><Tab>manual<Enter>")
        #expect(h.state.overlays.isEmpty)
        var rates = try Self.onDisk(h).currencyRates.rates
        let gbp = try #require(rates.first { $0.from == .gbp })
        #expect(gbp.to == .eur && gbp.rate == Decimal(string: "1.17") && gbp.source == "manual")
        #expect(Humanize.day(gbp.asOf, timeZone: Fx.utc) == "2024-06-10")

        // Rows are by pair: EUR → USD, then GBP → EUR.
        h.type("j<Enter><Tab><Tab><C-u>1.1725<Tab><C-u>2024-06-07<Enter>")
        rates = try Self.onDisk(h).currencyRates.rates
        #expect(rates.count == 2)
        let edited = try #require(rates.first { $0.from == .gbp })
        #expect(edited.rate == Decimal(string: "1.1725") && Humanize.day(edited.asOf, timeZone: Fx.utc) == "2024-06-07")
        #expect(rates.first { $0.from == .eur } == Self.usd, "the other rate is untouched")

        h.type("d")
        guard case .confirm? = h.state.overlays.last else { Issue.record("removing asks first"); return }
        h.type("<Enter>")
        #expect(try Self.onDisk(h).currencyRates.rates == [Self.usd])
        h.type("u")
        #expect(try Self.onDisk(h).currencyRates.rates.contains { $0.from == .gbp && $0.rate == Decimal(string: "1.1725") })
    }

    @Test("a bad rate or currency code is refused under its field and the form keeps what was typed")
    func rateValidation() throws {
        let h = try Self.harness()
        h.type(",nUSD<Tab><Tab>abc<Enter>")
        var form = try #require(Self.form(h), "the form stays open")
        #expect(form.form["rate"]?.error == "Rate must be a positive number such as 1.0845; \"abc\" is not one.")
        #expect(form.form["rate"]?.value == "abc" && form.form["from"]?.value == "USD")
        h.type("<C-u>-2<Enter>")
        #expect(Self.form(h)?.form["rate"]?.error?.contains("positive number") == true)
        h.type("<C-u>0.92<S-Tab><C-u>XYZ<Enter>")
        form = try #require(Self.form(h))
        #expect(form.form["to"]?.error?.contains("Unknown currency code \"XYZ\"") == true)
        #expect(form.form["rate"]?.error == nil)
        h.type("<Esc>")
        #expect(try Self.onDisk(h).currencyRates.rates == [Self.usd], "nothing was saved")
    }

    @Test("stages: renamed and moved without orphaning a deal; duplicate names, closing stages and stages with deals refused")
    func stages() throws {
        let h = try Self.harness()
        h.type(",]")
        #expect(h.state.settingsScreen.section == .stages)
        h.type("j<Enter><C-u>Screening<Enter>J")
        var pipeline = try Self.onDisk(h).pipeline
        #expect(pipeline.stages.prefix(3).map(\.key) == [.prospect, .shortlisted, .vetting])
        #expect(pipeline.name(of: .vetting) == "Screening")

        // A name another stage has (in any case) is refused under the field, keeping the typed text.
        h.type("<Enter><C-u>prospect<Enter>")
        let form = try #require(Self.form(h))
        #expect(form.form["name"]?.error == "Another stage is already called \"prospect\": give each stage its own name.")
        #expect(form.form["name"]?.value == "prospect")
        h.type("<C-u><Enter>")
        #expect(Self.form(h)?.form["name"]?.error == "Required: enter a value.")
        h.type("<Esc>")

        // Negotiating holds Līga's deal; the side exit Lost is a fixed role.
        h.type("ggjjjjd")
        #expect(h.state.overlays.isEmpty && h.state.status?.text.contains("1 deal is in Negotiating") == true)
        h.type("Gd")
        #expect(h.state.overlays.isEmpty && h.state.status?.text.contains("can be renamed, not removed") == true)

        // A new open stage goes after the selected one; an empty one can be removed.
        h.type("ggnGifting sent<Tab>5<Enter>")
        pipeline = try Self.onDisk(h).pipeline
        #expect(pipeline.stages[1] == StageDefinition(key: "giftingSent", name: "Gifting sent", stallAfterDays: 5))
        h.type("jd<Enter>")
        pipeline = try Self.onDisk(h).pipeline
        #expect(!pipeline.contains("giftingSent"))
        for deal in h.state.workspace.allDeals { #expect(pipeline.contains(deal.stage), "deal \(deal.id) lost its stage") }
    }

    @Test("tiers and day defaults: descending tiers and negative days are named under their fields; a valid edit is saved")
    func defaults() throws {
        let h = try Self.harness()
        h.type(",]]")
        #expect(h.state.settingsScreen.section == .defaults)
        h.type("j<Enter>")
        var form = try #require(Self.form(h))
        #expect(form.form.fields[form.form.focus].key == "macro", "Enter opens the form on the selected setting")
        h.type("<C-u>500<Tab><Tab><C-u>-2<Enter>")
        form = try #require(Self.form(h))
        #expect(form.form["followUpAfterDays"]?.error == "Follow-up after (days) cannot be below 0 (-2).")
        h.type("<C-u>3<Enter>")
        form = try #require(Self.form(h))
        #expect(form.form["macro"]?.error == "Macro from (500) must be above micro from (1000): tiers ascend.")
        #expect(form.form["macro"]?.value == "500" && form.form["followUpAfterDays"]?.value == "3")
        h.type("<S-Tab><S-Tab><C-u>100000<Tab><C-u>2000000<Tab><Tab><C-u>abc<Enter>")
        #expect(Self.form(h)?.form["staleMetricDays"]?.error == "Stale after (days) must be a whole number, e.g. 14; \"abc\" is not one.")
        h.type("<C-u>45<Tab><Tab><C-u>usd<Enter>")
        #expect(h.state.overlays.isEmpty)
        let saved = try Self.onDisk(h)
        #expect(saved.tierThresholds == TierThresholds(micro: 1_000, macro: 100_000, mega: 2_000_000))
        #expect(saved.followUpAfterDays == 3 && saved.staleMetricDays == 45 && saved.reportingCurrency == .usd)
        h.type("u")
        #expect(try Self.onDisk(h).tierThresholds == .standard, "u puts the previous settings back on disk too")
    }

    @Test("team members are added, renamed and removed")
    func team() throws {
        let h = try Self.harness()
        h.type(",[")
        #expect(h.state.settingsScreen.section == .team)
        h.type("nmarta<Tab>Marta Kalniņa<Enter>")
        #expect(try Self.onDisk(h).teamMembers.last == TeamMember(login: "marta", name: "Marta Kalniņa"))
        h.type("ntom<Tab>Another Tom<Enter>")
        #expect(Self.form(h)?.form["login"]?.error == "Login tom is already a team member.")
        h.type("<Esc>j<Enter><Tab><C-u>Tom B.<Enter>")
        #expect(try Self.onDisk(h).teamMembers.map(\.name) == ["Tess Ter", "Tom B.", "Marta Kalniņa"])
        h.type("d<Enter>")
        #expect(try Self.onDisk(h).teamMembers.map(\.login) == ["tester", "marta"])
    }

    @Test("another session's settings saved meanwhile raise the conflict dialog instead of being overwritten")
    func conflict() throws {
        let h = try Self.harness()
        h.type(",]]<Enter>")
        let other = try h.otherStore()
        var theirs = try other.loadWorkspaceVersion(AppSettings.self)
        theirs.settings?.workspace.staleMetricDays = 60
        _ = try other.saveWorkspace(try #require(theirs.settings), expectedRevision: theirs.revision)

        h.type("<C-u>2000<Enter>")
        guard case .conflict(let dialog)? = h.state.overlays.last, case .settings = dialog.versions else {
            Issue.record("no conflict dialog for the settings")
            return
        }
        #expect(try Self.onDisk(h).staleMetricDays == 60 && Self.onDisk(h).tierThresholds == .standard, "theirs is not overwritten")
        #expect(h.state.unsavedCount == 1)
        #expect(h.screen.contains("Someone else saved the settings (reach.json)"))
        h.type("m")
        let kept = try Self.onDisk(h)
        #expect(kept.tierThresholds.micro == 2_000 && kept.staleMetricDays == 30, "keep mine saves my version over theirs")
        #expect(h.state.unsavedCount == 0)
        h.type("u")
        #expect(try Self.onDisk(h).staleMetricDays == 60, "u brings theirs back")
    }

    @Test("a stage renamed here, or tiers changed in another session, show on the Pipeline and the Roster at once")
    func panesRefresh() throws {
        let h = try Self.harness(width: 120, height: 40)
        h.type("3")
        #expect(h.state.pipeline.columns.contains { $0.title == "Negotiating" })
        h.type(",]jjjj<Enter><C-u>Haggling<Enter><Esc>")
        #expect(h.state.pipeline.columns.contains { $0.title == "Haggling" })
        #expect(h.screen.contains("Haggling"))

        h.type("2")
        #expect(h.type("").contains { $0.contains("Nino Beridze") && $0.contains("Mega") })
        let other = try h.otherStore()
        var theirs = try other.loadWorkspaceVersion(AppSettings.self)
        theirs.settings?.workspace.tierThresholds.mega = 2_000_000
        _ = try other.saveWorkspace(try #require(theirs.settings), expectedRevision: theirs.revision)
        let screen = h.type("")
        #expect(h.state.workspace.settings.workspace.tierThresholds.mega == 2_000_000)
        #expect(screen.contains { $0.contains("Nino Beridze") && $0.contains("Macro") })
        #expect(screen.last?.contains("Settings changed outside this session") == true)
    }

    @Test("the Settings screen at 80×24 and 120×40")
    func snapshots() throws {
        let small = try Self.harness()
        small.type(",nGBP<Tab><C-u>EUR<Tab>1.17<Tab><Tab>BoE \u{1b}[31mred<Enter>")
        expectSnapshot(small.type("<Esc>,"), "settings-rates-80x24")
        let large = try Self.harness(width: 120, height: 40)
        expectSnapshot(large.type(",]"), "settings-stages-120x40")
    }
}
