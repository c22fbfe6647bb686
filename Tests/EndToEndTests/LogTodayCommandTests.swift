import Foundation
import ReachCore
import ReachStore
import Testing

/// A small data folder written through the store for the `reach log` and `reach today` tests: creators whose emails
/// are the mail fixtures' senders, a creator with two open deals, one with only a closed deal, and two owners.
struct ContactFolder {
    static let now = Date()
    static let team = [TeamMember(login: "anna", name: "Anna Kowalska"), TeamMember(login: "marta", name: "Marta Kalniņa")]

    let data: DataFolder
    var path: String { data.url.path }
    /// Creator display name → id, campaign name → id, "<creator> · <campaign>" → deal id.
    private(set) var creators: [String: RecordID] = [:]
    private(set) var campaigns: [String: RecordID] = [:]
    private(set) var deals: [String: RecordID] = [:]

    static var endOfToday: Date { endOfDay(offset: 0) }

    /// 23:59 local time, `offset` days from today: what `reach` sets for "today" and "+Nd".
    static func endOfDay(offset: Int) -> Date {
        let calendar = Calendar.current
        let day = calendar.date(byAdding: .day, value: offset, to: calendar.startOfDay(for: now)) ?? now
        return calendar.date(byAdding: .minute, value: 23 * 60 + 59, to: day) ?? now
    }

    /// `withDeals: false` leaves creators and campaigns only (for "Nothing due.").
    init(withDeals: Bool = true) throws {
        data = try DataFolder()
        let store = try RecordStore(folder: data.url.path)
        try store.saveWorkspace(WorkspaceSettings(followUpAfterDays: 4, teamMembers: Self.team))
        var generator = SystemRandomNumberGenerator()
        func newID() -> RecordID { RecordID.generate(at: Self.now, using: &generator) }

        for name in ["Rétinol Nuit serum launch", "Winter glow", "Spring reels"] {
            let id = newID()
            campaigns[name] = id
            _ = try store.save(Campaign(id: id, createdAt: Self.now, name: name, brand: "Glow Lab",
                                        budget: Money(major: 10_000, currency: .eur)), expectedRevision: 0)
        }
        let people: [(String, ContactInfo, AgentContact?, String)] = [
            ("Līga Bērziņa", ContactInfo(email: "Liga@Studio.lv"), nil, "liga.glow"),
            ("Jānis Ozoliņš", ContactInfo(email: "janis@ozolins.lv"), nil, "janis.ozolins"),
            ("佐藤 美咲", ContactInfo(email: "misaki.sato@example.jp"), nil, "misaki.sato"),
            // Nino's address is only in her "other" line: secondary addresses are matched too.
            ("Nino Beridze", ContactInfo(email: "nino.b@gmail.example", other: "work: nino@example.ge"), nil, "nino.travels"),
            // Sophie is reached through her agent.
            ("Sophie Martin", ContactInfo(), AgentContact(name: "Beauté Agency", contact: ContactInfo(email: "sophie@beaute.example")),
             "sophie.beaute"),
            ("Ola Nordmann", ContactInfo(email: "ola@example.no"), nil, "ola.outdoors"),
            ("Emma Clarke", ContactInfo(email: "emma@example.co.uk"), nil, "emmaclarkeskin"),
        ]
        for (name, contact, agent, handle) in people {
            let id = newID()
            creators[name] = id
            _ = try store.save(Influencer(id: id, createdAt: Self.now, displayName: name, contact: contact, agent: agent,
                                          accounts: [PlatformAccount(platform: .instagram, handle: handle)]), expectedRevision: 0)
        }
        guard withDeals else { return }
        // (creator, campaign, stage, owner, next step, its day offset)
        let plan: [(String, String, StageKey, String, String?, Int)] = [
            ("Līga Bērziņa", "Rétinol Nuit serum launch", .negotiating, "Anna Kowalska", "Send counter-offer", -1),
            ("Līga Bērziņa", "Winter glow", .complete, "Anna Kowalska", nil, 0),
            ("Jānis Ozoliņš", "Spring reels", .contacted, "Marta Kalniņa", "Chase Jānis", 0),
            ("佐藤 美咲", "Spring reels", .contacted, "Marta Kalniņa", "Wait for rates", 5),
            ("Nino Beridze", "Winter glow", .contacted, "Anna Kowalska", "Wait for rates", 5),
            ("Sophie Martin", "Rétinol Nuit serum launch", .negotiating, "Anna Kowalska", "Wait for Sophie", 5),
            ("Ola Nordmann", "Rétinol Nuit serum launch", .contacted, "Anna Kowalska", "Wait for Ola", 5),
            ("Ola Nordmann", "Spring reels", .negotiating, "Marta Kalniņa", "Wait for Ola", 5),
            ("Emma Clarke", "Winter glow", .declined, "Anna Kowalska", nil, 0),
        ]
        for (creator, campaign, stage, owner, next, offset) in plan {
            let id = newID()
            deals["\(creator) · \(campaign)"] = id
            guard let creatorID = creators[creator], let campaignID = campaigns[campaign] else { continue }
            var deal = Deal(id: id, createdAt: Self.now, influencerID: creatorID, campaignID: campaignID, owner: owner, stage: stage)
            if let next { deal.setFollowUp(next, due: Self.endOfDay(offset: offset), whoseMove: offset > 0 ? .them : .us) }
            _ = try store.save(deal, expectedRevision: 0)
        }
    }

    func remove() { data.remove() }

    func deal(_ creator: String, _ campaign: String) throws -> RecordID {
        try #require(deals["\(creator) · \(campaign)"])
    }

    /// The deal's file on disk, as plain JSON.
    func dealFile(_ id: RecordID) throws -> [String: Any] {
        try #require(try data.records("deals").first { $0["id"] as? String == id.rawValue })
    }

    /// The deal file's activities.
    func activities(_ id: RecordID) throws -> [[String: Any]] {
        try dealFile(id)["activities"] as? [[String: Any]] ?? []
    }

    /// Every file of the deals folder, byte for byte: to prove a refused command wrote nothing.
    func dealBytes() throws -> [String: Data] {
        let directory = data.url.appendingPathComponent("deals")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    /// A directory where the folder index's file goes: every command then reads every record file (and says why in
    /// the log), as on a folder where the index cannot be written.
    func makeTheIndexUnusable() throws {
        try FileManager.default.createDirectory(at: data.url.appendingPathComponent("cache/index.sqlite"), withIntermediateDirectories: true)
    }

    /// `reach` on this folder as Anna (`REACH_USER=anna`) unless `environment` says otherwise.
    @discardableResult
    func reach(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Shell.Result {
        var env = ["REACH_USER": "anna"]
        env.merge(environment) { _, given in given }
        return try ReachBinary.run(arguments + ["--data-dir", path], environment: env, input: input)
    }

    /// `reach log --mail` with a fixture message (Tests/ReachStoreTests/Mail/Fixtures) on standard input.
    @discardableResult
    func logMail(_ fixture: String, _ extra: [String] = []) throws -> Shell.Result {
        try reach(["log", "--mail"] + extra, input: Self.fixture(fixture))
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ReachStoreTests/Mail/Fixtures/\(name)").path
    }

    static func isoDate(_ value: Any?) -> Date? {
        (value as? String).flatMap { ISO8601DateFormatter().date(from: $0) }
    }
}

/// `reach log` and `reach today` through the real binary: output, exit codes and the deal files they leave.
@Suite struct LogTodayCommandTests {
    static let serum = "Rétinol Nuit serum launch"

    // MARK: reach log

    /// From the folder index (which the command builds): it starts from the creators' summaries and reads in full only
    /// the creators its lookup could match; and from every file when the index cannot be used.
    @Test(arguments: [false, true])
    func logByIdHandleAndNameAppendsAnOutboundActivityByTheCurrentUser(withTheFolderIndex: Bool) throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        if !withTheFolderIndex { try folder.makeTheIndexUnusable() }
        let deal = try folder.deal("Līga Bērziņa", Self.serum)
        let liga = try #require(folder.creators["Līga Bērziņa"])
        for (query, summary) in [(liga.rawValue, "Sent the brief"), ("@liga.glow", "Sent the contract"), ("liga bērziņa", "Called")] {
            let result = try folder.reach(["log", query, summary])
            #expect(result.status == 0, "\(query): \(result.output)")
            #expect(result.output == "Logged outbound email on Līga Bērziņa · \(Self.serum); next step: Send counter-offer "
                    + "(our move, due \(Self.day(ContactFolder.endOfDay(offset: -1))), 1d overdue)\n", "\(query)")
            let last = try #require(try folder.activities(deal).last)
            #expect(last["summary"] as? String == summary)
            #expect(last["author"] as? String == "Anna Kowalska")
            #expect(last["direction"] as? String == "out")
            #expect(last["channel"] as? String == "email")
            #expect(last["note"] == nil && last["messageID"] == nil)
        }
        #expect(try folder.activities(deal).count == 3)
        #expect(try folder.dealFile(deal)["revision"] as? Int == 4)
        let log = try String(contentsOf: folder.data.url.appendingPathComponent("logs/reach.log"), encoding: .utf8)
        #expect(log.contains("started from the folder index") == withTheFolderIndex, "\(log)")
        let next = try #require(try folder.dealFile(deal)["nextAction"] as? [String: Any])
        #expect(next["summary"] as? String == "Send counter-offer", "an outbound contact keeps the next step")
    }

    @Test func severalOpenDealsAreListedAndDealPicksOne() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let serumDeal = try folder.deal("Ola Nordmann", Self.serum)
        let springDeal = try folder.deal("Ola Nordmann", "Spring reels")
        let before = try folder.dealBytes()
        let several = try folder.reach(["log", "@ola.outdoors", "Sent the brief"])
        #expect(several.status == 1)
        #expect(several.output.contains("Ola Nordmann has 2 open deals; pick one with --deal ID:"), "\(several.output)")
        #expect(several.output.contains("  \(serumDeal.rawValue)  \(Self.serum)  Contacted"))
        #expect(several.output.contains("  \(springDeal.rawValue)  Spring reels  Negotiating"))
        #expect(try folder.dealBytes() == before)

        let picked = try folder.reach(["log", "@ola.outdoors", "Sent the brief", "--deal", springDeal.rawValue.lowercased()])
        #expect(picked.status == 0, "\(picked.output)")
        #expect(picked.output.hasPrefix("Logged outbound email on Ola Nordmann · Spring reels;"))
        #expect(try folder.activities(springDeal).count == 1)
        #expect(try folder.activities(serumDeal).isEmpty)

        // A deal of somebody else: both are named.
        let ligaDeal = try folder.deal("Līga Bērziņa", Self.serum)
        let wrong = try folder.reach(["log", "@ola.outdoors", "x", "--deal", ligaDeal.rawValue])
        #expect(wrong.status == 1)
        #expect(wrong.output.contains("is Līga Bērziņa's, not Ola Nordmann's"), "\(wrong.output)")
    }

    @Test func noOpenDealListsTheClosedOnesAndDealCanStillPickOne() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let declined = try folder.deal("Emma Clarke", "Winter glow")
        let none = try folder.reach(["log", "Emma Clarke", "Asked again"])
        #expect(none.status == 1)
        #expect(none.output.contains("Emma Clarke has no open deal"), "\(none.output)")
        #expect(none.output.contains("  \(declined.rawValue)  Winter glow  Declined"))
        #expect(none.output.contains("--deal ID can still pick one"))
        #expect(try folder.activities(declined).isEmpty)
        #expect(try folder.reach(["log", "Emma Clarke", "Asked again", "--deal", declined.rawValue]).status == 0)
        #expect(try folder.activities(declined).count == 1)
        #expect(try folder.reach(["log", "Nobody At All", "x"]).status == 1)
    }

    @Test func inboundMakesTheNextStepOurMoveDueToday() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let deal = try folder.deal("Nino Beridze", "Winter glow")
        let result = try folder.reach(["log", "@nino.travels", "Sent her rates", "--in", "--channel", "dm"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "Logged inbound DM on Nino Beridze · Winter glow; next step: Wait for rates (our move, due today)\n")
        let file = try folder.dealFile(deal)
        let next = try #require(file["nextAction"] as? [String: Any])
        #expect(next["whoseMove"] as? String == "us")
        #expect(ContactFolder.isoDate(next["due"]) == ContactFolder.endOfToday)
        let last = try #require(try folder.activities(deal).last)
        #expect(last["direction"] as? String == "in" && last["channel"] as? String == "dm")
    }

    @Test func nextAndDueReplaceTheNextStep() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let deal = try folder.deal("Sophie Martin", Self.serum)
        let result = try folder.reach(["log", "Sophie", "Agreed on 3 reels", "--channel", "call", "--next", "Send the contract",
                                       "--due", "+3d"], environment: ["REACH_USER": "marta"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Logged outbound call on Sophie Martin"))
        #expect(result.output.contains("next step: Send the contract (their move, due \(Self.day(ContactFolder.endOfDay(offset: 3)))"))
        let next = try #require(try folder.dealFile(deal)["nextAction"] as? [String: Any])
        #expect(next["summary"] as? String == "Send the contract")
        #expect(next["whoseMove"] as? String == "them")
        #expect(ContactFolder.isoDate(next["due"]) == ContactFolder.endOfDay(offset: 3))
        #expect(try folder.activities(deal).last?["author"] as? String == "Marta Kalniņa")

        // No --due: an inbound contact's next step is due today; a note has no direction and uses the follow-up day.
        #expect(try folder.reach(["log", "Sophie", "Asked for a discount", "--in", "--next", "Answer about the discount"]).status == 0)
        let reply = try #require(try folder.dealFile(deal)["nextAction"] as? [String: Any])
        #expect(ContactFolder.isoDate(reply["due"]) == ContactFolder.endOfToday && reply["whoseMove"] as? String == "us")
        #expect(try folder.reach(["log", "Sophie", "Prefers calls", "--channel", "note", "--next", "Call Sophie"]).status == 0)
        let noted = try #require(try folder.dealFile(deal)["nextAction"] as? [String: Any])
        #expect(ContactFolder.isoDate(noted["due"]) == ContactFolder.endOfDay(offset: 4))
        #expect(try folder.activities(deal).last?["direction"] == nil)
    }

    @Test func badArgumentsAreUsageErrorsAndWriteNothing() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let before = try folder.dealBytes()
        let bad = try folder.reach(["log", "@liga.glow", "x", "--next", "y", "--due", "someday"])
        #expect(bad.status == 2)
        #expect(bad.output.contains("--due \"someday\" is not a date. Use YYYY-MM-DD, +3d, +2w, today, tomorrow or a weekday"))
        #expect(try folder.reach(["log", "@liga.glow", "x", "--due", "mon"]).status == 2)
        #expect(try folder.reach(["log", "@liga.glow", "x", "--in", "--out"]).status == 2)
        #expect(try folder.reach(["log", "@liga.glow", "x", "--channel", "system"]).status == 2)
        #expect(try folder.reach(["log", "@liga.glow"]).status == 2)
        #expect(try folder.reach(["log", "@liga.glow", "x", "--mail"]).status == 2)
        #expect(try folder.dealBytes() == before)
    }

    @Test func hostileNamesCannotPutEscapeSequencesOnTheTerminal() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let store = try RecordStore(folder: folder.path)
        let dealID = try folder.deal("Jānis Ozoliņš", "Spring reels")
        var deal = try #require(try store.load(Deal.self, id: dealID))
        deal.nextAction?.summary = "Chase \u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{1B}[2J"
        _ = try store.save(deal)
        let result = try folder.reach(["log", "@janis.ozolins", "Sent \u{1B}[31mred"])
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("\u{1B}") && !result.output.contains("\u{07}"))
        #expect(result.output.contains("next step: Chase ^[]52;c;cm0gLXJmIH4=^G^[[2J"))
        #expect(try folder.activities(dealID).last?["summary"] as? String == "Sent \u{1B}[31mred", "stored verbatim")
    }

    // MARK: reach log --mail

    @Test func mailFromACreatorIsLoggedInboundWithItsNewTextAsTheNote() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let deal = try folder.deal("Līga Bērziņa", Self.serum)
        let result = try folder.logMail("alternative.eml")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "Logged inbound email on Līga Bērziņa · \(Self.serum); next step: Send counter-offer (our move, due today)\n")
        let last = try #require(try folder.activities(deal).last)
        #expect(last["summary"] as? String == "Spring campaign – rates for reels")
        #expect(last["channel"] as? String == "email" && last["direction"] as? String == "in")
        #expect(last["author"] as? String == "Anna Kowalska")
        #expect(last["messageID"] as? String == "CAHx7Lq3v8y1pQ+ZrB0m2kT5nWfS9dJ4@mail.gmail.com")
        #expect(ContactFolder.isoDate(last["at"]) == ISO8601DateFormatter().date(from: "2026-12-03T08:00:12Z"))
        let note = try #require(last["note"] as? String)
        #expect(note.hasPrefix("Sveika, Anna!\n\nThanks for the brief for the spring campaign"))
        #expect(note.hasSuffix("Shall I send my media kit with last month's statistics?\n\nLīga"))
        #expect(!note.contains("<"), "the plain part, not the HTML one")
        let next = try #require(try folder.dealFile(deal)["nextAction"] as? [String: Any])
        #expect(next["whoseMove"] as? String == "us")
        #expect(ContactFolder.isoDate(next["due"]) == ContactFolder.endOfToday)
    }

    /// With the folder index, the creators the message's addresses could name are read in full; without a usable one,
    /// every creator is.
    @Test(arguments: [false, true])
    func encodedWordsInLatvianAndJapaneseMatchTheirCreators(withTheFolderIndex: Bool) throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        if !withTheFolderIndex { try folder.makeTheIndexUnusable() }
        let latvian = try folder.logMail("latvian-encoded.eml")
        #expect(latvian.status == 0, "\(latvian.output)")
        #expect(latvian.output.hasPrefix("Logged inbound email on Jānis Ozoliņš · Spring reels; next step: Chase Jānis (our move, due today)"))
        let janis = try #require(try folder.activities(try folder.deal("Jānis Ozoliņš", "Spring reels")).last)
        #expect(janis["summary"] as? String == "Par sadarbību — ļoti labprāt")
        #expect((janis["note"] as? String)?.hasPrefix("Labdien, Anna!\n\nPaldies par piedāvājumu.") == true)
        #expect((janis["note"] as? String)?.count ?? 0 <= 1_002)

        let japanese = try folder.logMail("japanese-iso2022.eml")
        #expect(japanese.status == 0, "\(japanese.output)")
        #expect(japanese.output.hasPrefix("Logged inbound email on 佐藤 美咲 · Spring reels; next step: Wait for rates (our move, due today)"))
        let misaki = try #require(try folder.activities(try folder.deal("佐藤 美咲", "Spring reels")).last)
        #expect(misaki["summary"] as? String == "コラボのご提案について")
        #expect(misaki["messageID"] as? String == "20261207093000.A1B2C3D4E5@example.jp")
        #expect((misaki["note"] as? String)?.hasPrefix("アンナ様\n\nいつもお世話になっております。佐藤美咲です。") == true)
    }

    /// With the folder index, the creators the message's addresses could name are read in full; without a usable one,
    /// every creator is.
    @Test(arguments: [false, true])
    func aForwardIsMatchedOnTheOriginalSender(withTheFolderIndex: Bool) throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        if !withTheFolderIndex { try folder.makeTheIndexUnusable() }
        let deal = try folder.deal("Nino Beridze", "Winter glow")
        let result = try folder.logMail("forwarded.eml")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("Logged inbound email on Nino Beridze · Winter glow; next step: Wait for rates (our move, due today)"))
        let last = try #require(try folder.activities(deal).last)
        #expect(last["summary"] as? String == "Rates for the winter campaign", "the original's subject, not Fwd:")
        #expect(last["direction"] as? String == "in")
        #expect(ContactFolder.isoDate(last["at"]) == ISO8601DateFormatter().date(from: "2026-12-01T07:41:00Z"))
        #expect((last["note"] as? String)?.hasPrefix("Hi Anna,") == true)
        #expect((last["note"] as? String)?.contains("FYI") == false)
        // The inline forward has no Message-ID of its own, so the forward's is kept: piping it again does nothing.
        #expect(last["messageID"] as? String == "CAJk2m9wZ4Q7x1vB8nP0sT3yR6uL5eH2@mail.gmail.com")
        #expect(try folder.logMail("forwarded.eml").output.hasPrefix("Already logged: Rates for the winter campaign"))

        // An attached original (message/rfc822) keeps its own Message-ID.
        #expect(try folder.logMail("forwarded-rfc822.eml").status == 0)
        #expect(try folder.activities(deal).last?["messageID"] as? String == "CAF9pQ2x7Rk1mZ3nV8bL0cW5yT4uE6sA@mail.gmail.com")
    }

    /// With the folder index, the creators the message's addresses could name are read in full; without a usable one,
    /// every creator is.
    @Test(arguments: [false, true])
    func aReplyLogsOnlyTheNewTextAndAnAgentsAddressMatchesTheirCreator(withTheFolderIndex: Bool) throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        if !withTheFolderIndex { try folder.makeTheIndexUnusable() }
        let result = try folder.logMail("reply-quoted.eml")
        #expect(result.status == 0, "\(result.output)")
        let last = try #require(try folder.activities(try folder.deal("Līga Bērziņa", Self.serum)).last)
        #expect(last["summary"] as? String == "Re: Shoot date for the spring reels")
        #expect(last["note"] as? String == """
            Hi Anna,

            The 14th works for me. I'll send the first draft of the reel by Friday and the stories the week after.
            """)

        let agent = try folder.logMail("html-only.eml")
        #expect(agent.status == 0, "\(agent.output)")
        #expect(agent.output.hasPrefix("Logged inbound email on Sophie Martin · \(Self.serum)"))
    }

    /// With the folder index, the creators the message's addresses could name are read in full; without a usable one,
    /// every creator is.
    @Test(arguments: [false, true])
    func mailFromTheUserToACreatorIsOutbound(withTheFolderIndex: Bool) throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        if !withTheFolderIndex { try folder.makeTheIndexUnusable() }
        let message = folder.data.url.appendingPathComponent("outbound.eml")
        try Data("""
            From: Anna Kowalska <anna@agency.example>\r
            To: =?utf-8?q?J=C4=81nis?= <JANIS@ozolins.lv>\r
            Subject: Brief for the spring reels\r
            Date: Fri, 4 Dec 2026 10:00:00 +0000\r
            Message-ID: <brief-1@agency.example>\r
            \r
            Hi Jānis, the brief is attached.\r

            """.utf8).write(to: message)
        let result = try folder.reach(["log", "--mail"], input: message.path)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("Logged outbound email on Jānis Ozoliņš · Spring reels; next step: Chase Jānis (our move, due today)"))
        let last = try #require(try folder.activities(try folder.deal("Jānis Ozoliņš", "Spring reels")).last)
        #expect(last["direction"] as? String == "out" && last["note"] as? String == "Hi Jānis, the brief is attached.")
    }

    @Test func anUnknownSenderWritesNothing() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let before = try folder.dealBytes()
        let result = try folder.logMail("unknown-sender.eml")
        #expect(result.status == 1)
        #expect(result.output.contains("The sender someone@nowhere.example is not the email of any creator or agent"), "\(result.output)")
        #expect(result.output.contains("nothing was logged"))
        #expect(try folder.dealBytes() == before)
    }

    @Test func theSameMessageIDIsRecordedOnce() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let deal = try folder.deal("Līga Bērziņa", Self.serum)
        #expect(try folder.logMail("alternative.eml").status == 0)
        let after = try folder.dealBytes()
        let again = try folder.logMail("alternative.eml")
        #expect(again.status == 0)
        #expect(again.output == "Already logged: Spring campaign – rates for reels (Message-ID CAHx7Lq3v8y1pQ+ZrB0m2kT5nWfS9dJ4@mail.gmail.com)\n")
        #expect(try folder.dealBytes() == after)
        #expect(try folder.activities(deal).filter { $0["messageID"] as? String == "CAHx7Lq3v8y1pQ+ZrB0m2kT5nWfS9dJ4@mail.gmail.com" }.count == 1)
    }

    @Test func notAMailEmptyInputAndAHugeMessageAreRefused() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let before = try folder.dealBytes()
        let empty = try folder.reach(["log", "--mail"])  // /dev/null
        #expect(empty.status == 1)
        #expect(empty.output.contains("standard input is empty"))
        let text = folder.data.url.appendingPathComponent("text.txt")
        try Data("just some text\nwithout headers\n".utf8).write(to: text)
        let notMail = try folder.reach(["log", "--mail"], input: text.path)
        #expect(notMail.status == 1)
        #expect(notMail.output.contains("not an email message"))
        let huge = folder.data.url.appendingPathComponent("huge.eml")
        try Data(("From: liga@studio.lv\nSubject: big\n\n" + String(repeating: "x", count: 10 * 1024 * 1024)).utf8).write(to: huge)
        let big = try folder.reach(["log", "--mail"], input: huge.path)
        #expect(big.status == 1)
        #expect(big.output.contains("larger than 10 MB"))
        #expect(try folder.dealBytes() == before)
    }

    @Test func severalOpenDealsForAMailAreListedAndDealPicksOne() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let message = folder.data.url.appendingPathComponent("ola.eml")
        let body = (1...15).map { "Line \($0)" }.joined(separator: "\n")
        try Data("From: Ola <ola@example.no>\nTo: anna@agency.example\nSubject: Rates\nMessage-ID: <ola-1@example.no>\n\n\(body)\n".utf8)
            .write(to: message)
        let several = try folder.reach(["log", "--mail"], input: message.path)
        #expect(several.status == 1)
        #expect(several.output.contains("Ola Nordmann has 2 open deals; pick one with --deal ID:"))
        let spring = try folder.deal("Ola Nordmann", "Spring reels")
        #expect(try folder.reach(["log", "--mail", "--deal", spring.rawValue], input: message.path).status == 0)
        #expect(try folder.activities(spring).last?["messageID"] as? String == "ola-1@example.no")
        #expect(try folder.activities(spring).last?["note"] as? String == (1...10).map { "Line \($0)" }.joined(separator: "\n") + " …",
                "the first ten lines of a long message")
    }

    // MARK: reach today

    @Test func todayInEveryFormatForTheCurrentUserAnOwnerOrEveryone() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        let date = Self.day(ContactFolder.now)

        let mine = try folder.reach(["today"])
        #expect(mine.status == 0, "\(mine.output)")
        #expect(mine.output.hasPrefix("Today · \(date) · Anna Kowalska · 1 to do · 1 overdue\n"), "\(mine.output)")
        #expect(mine.output.contains("Follow-ups (1)"))
        #expect(mine.output.contains("Līga Bērziņa · \(Self.serum) · Send counter-offer"))
        #expect(!mine.output.contains("Chase Jānis"))

        let marta = try folder.reach(["today", "--owner", "marta"])
        #expect(marta.output.hasPrefix("Today · \(date) · Marta Kalniņa · 1 to do\n"), "\(marta.output)")
        #expect(marta.output.contains("Jānis Ozoliņš · Spring reels · Chase Jānis"))
        #expect(!marta.output.contains("Send counter-offer"))
        #expect(try folder.reach(["today"], environment: ["REACH_USER": "", "USER": "marta"]).output == marta.output,
                "with no REACH_USER, the team member whose login is $USER")

        let everyone = try folder.reach(["today", "--all", "--format", "md"])
        #expect(everyone.status == 0)
        #expect(everyone.output.hasPrefix("# Today · \(date) · everyone · 2 to do · 1 overdue\n"), "\(everyone.output)")
        #expect(everyone.output.contains("## Follow-ups (2)"))
        #expect(everyone.output.contains("Send counter-offer") && everyone.output.contains("Chase Jānis"))

        let json = try folder.reach(["today", "--all", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["user"] as? String == "Anna Kowalska")
        #expect(object["showing"] as? String == "everyone")
        #expect(object["count"] as? Int == 2 && object["overdue"] as? Int == 1)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.map { $0["dealID"] as? String } == [try folder.deal("Līga Bērziņa", Self.serum).rawValue,
                                                          try folder.deal("Jānis Ozoliņš", "Spring reels").rawValue])
        #expect(items.map { $0["owner"] as? String } == ["Anna Kowalska", "Marta Kalniņa"])
        #expect(items.first?["overdue"] as? Bool == true)

        #expect(try folder.reach(["today", "--all", "--owner", "marta"]).status == 2)
    }

    @Test func todayWithNothingDueSaysSoAndExitsZero() throws {
        let folder = try ContactFolder(withDeals: false)
        defer { folder.remove() }
        for format in ["text", "md"] {
            let result = try folder.reach(["today", "--all", "--format", format])
            #expect(result.status == 0)
            #expect(result.output.contains("Nothing due."), "\(format): \(result.output)")
        }
        let json = try folder.reach(["today", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["count"] as? Int == 0)
    }

    @Test func todayIsPlainTextThroughAPipe() throws {
        let folder = try ContactFolder()
        defer { folder.remove() }
        // Through `| cat`, with NO_COLOR unset: colour is only for a terminal.
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        environment["REACH_USER"] = "anna"
        let home = try ScratchHome()
        defer { home.remove() }
        environment.merge(home.environment) { _, scratch in scratch }
        let result = try Shell.run("/bin/sh", ["-c", "\"$0\" today --all --data-dir \"$1\" | cat", try ReachBinary.path(), folder.path],
                                   environment: environment)
        #expect(result.status == 0)
        #expect(result.output.contains("Send counter-offer"))
        #expect(!result.output.contains("\u{1B}"), "\(result.output)")
    }

    /// YYYY-MM-DD in the local time zone, as `reach` prints days.
    static func day(_ date: Date) -> String {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
