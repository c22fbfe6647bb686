import Foundation
import ReachCore
import TerminalUI

/// The creator's edits beyond the main form: vetting (verdict, score, checklist), every platform account with
/// dated figures, the audience, the rate card, phone and agent contacts, and the team's rating. Each reads the creator fresh from the state when submitted and saves
/// through `Edits.commit`, so `u` undoes it and a concurrent edit raises the conflict dialog.
enum CreatorEditors {
    /// A `RecordForm` about one creator, refused with messages under the fields when `validate()` finds errors.
    private static func form(_ title: String, _ id: RecordID, fields: [FormField], editorFields: Set<String> = [],
                             label: String, _ state: inout AppState,
                             apply: @escaping @Sendable (FormState, FormValues, inout Influencer, AppState) -> FormOverlay.Outcome?) {
        RecordForm.open(title, id, fields: fields, editorFields: editorFields, label: { creator, _ in "\(label) \(creator.displayName)" },
                        &state, check: { creator, form in FormIssues.stay(creator.validate(), fields: fieldForIssue, form: form) },
                        apply: apply)
    }

    /// Which field shows a `validate()` issue, by field path prefix (the agent's email is checked there).
    private static let fieldForIssue: [(prefix: String, key: String)] = [
        ("accounts", AccountKey.handle), ("rateCard", RateKey.price), ("agent.contact.email", ContactKey.agentEmail),
    ]

    // MARK: Vetting

    /// The keys of each editor's fields, shared by the form and the code reading it back, so a label can be
    /// reworded without breaking either.
    enum VettingKey {
        static let verdict = "vetting.verdict"
        static let score = "vetting.score"
        static let notes = "vetting.notes"
        /// One checklist line per check, keyed by the check's stored name.
        static func check(_ check: VettingCheck) -> String { "vetting.check.\(check.rawValue)" }
    }

    /// `v`: the verdict, a 0–100 score, each checklist line and notes; stamped with who vetted and when.
    static func vetting(_ id: RecordID, _ state: inout AppState) {
        guard let vetting = state.workspace.influencer(id)?.vetting else { return }
        let results = CheckResult.allCases.map(\.displayName)
        let fields = [
            FormField("Verdict", key: VettingKey.verdict, kind: .choice(VettingVerdict.allCases.map(\.displayName)),
                      value: vetting.verdict.displayName),
            FormField("Score (0–100)", key: VettingKey.score, kind: .number, value: vetting.score.map(String.init) ?? "") { text in
                Int(text).map { (0...100).contains($0) } == false ? "A score from 0 to 100." : nil
            },
        ] + VettingCheck.allCases.map { check in
            FormField(check.shortName, key: VettingKey.check(check), kind: .choice(results), value: vetting.result(for: check).displayName)
        } + [FormField("Notes", key: VettingKey.notes, value: vetting.notes ?? "")]
        form("Vetting", id, fields: fields, editorFields: [VettingKey.notes], label: "vet", &state) { _, values, creator, state in
            creator.vetting.verdict = values.choice(VettingKey.verdict, VettingVerdict.allCases, name: \.displayName) ?? creator.vetting.verdict
            creator.vetting.score = values.int(VettingKey.score)
            for check in VettingCheck.allCases {
                creator.vetting.set(check, values.choice(VettingKey.check(check), CheckResult.allCases, name: \.displayName) ?? .unknown)
            }
            creator.vetting.notes = values.text(VettingKey.notes)
            creator.vetting.vettedAt = state.now
            creator.vetting.vettedBy = state.author
            return nil
        }
    }

    // MARK: Platform accounts

    enum AccountKey {
        static let platform = "account.platform"
        static let handle = "account.handle"
        static let followers = "account.followers"
        static let avgViews = "account.avgViews"
        static let engagement = "account.engagementRate"
        static let postsPerWeek = "account.postsPerWeek"
        static let main = "account.isMain"
        static let remove = "account.remove"
    }

    /// A picker over some of the creator's entries and a last "Add …" line; `open` gets the chosen entry's id,
    /// nil for a new one.
    private static func pickOrAdd(_ title: String, _ items: [PickerItem], add: String, _ state: inout AppState,
                                  open: @escaping @Sendable (String?, inout AppState) -> Void) {
        let addID = "add"
        state.overlays.append(.custom(Picker(title: title, items: items + [PickerItem(id: addID, title: add)], state: state) { item, state in
            open(item.id == addID ? nil : item.id, &state)
            return []
        }))
    }

    /// `A`: the creator's accounts, to update one (figures, handle, main, remove) or add another.
    static func accounts(_ id: RecordID, _ state: inout AppState) {
        guard let creator = state.workspace.influencer(id) else { return }
        let items = creator.accounts.map { account in
            PickerItem(id: account.id.uuidString, title: "\(account.platform.displayName) @\(account.handle)",
                       detail: describe(account, now: state.now, timeZone: state.timeZone))
        }
        pickOrAdd("Accounts of \(creator.displayName)", items, add: "Add an account…", &state) { chosen, state in
            accountForm(id, account: chosen.flatMap(UUID.init(uuidString:)), &state)
        }
    }

    /// "main · 12.5k followers, 3 weeks ago".
    private static func describe(_ account: PlatformAccount, now: Date, timeZone: TimeZone) -> String {
        var parts: [String] = account.isMain ? ["main"] : []
        if let followers = account.latestFollowers {
            parts.append("\(Humanize.count(followers.value)) followers, \(Humanize.ago(followers.asOf, now: now, timeZone: timeZone))")
        }
        return parts.joined(separator: " · ")
    }

    /// The form for one account (nil: a new one). Figures typed differently from the latest ones are recorded as a
    /// new manual snapshot dated today; figures left as they were keep their own date, so nothing looks fresher than it is.
    private static func accountForm(_ id: RecordID, account accountID: UUID?, _ state: inout AppState) {
        guard let creator = state.workspace.influencer(id) else { return }
        let account = accountID.flatMap { accountID in creator.accounts.first { $0.id == accountID } }
        let platforms = account.map { Platform.known.contains($0.platform) ? Platform.known : Platform.known + [$0.platform] } ?? Platform.known
        let isFirst = creator.accounts.isEmpty
        var fields = [
            FormField("Platform", key: AccountKey.platform, kind: .choice(platforms.map(\.displayName)),
                      value: (account?.platform ?? .instagram).displayName),
            FormField("Handle or URL", key: AccountKey.handle, value: account.map { "@" + $0.handle } ?? "", isRequired: true),
            FormField("Followers", key: AccountKey.followers, kind: .number, value: account?.latestFollowers.map { "\($0.value)" } ?? ""),
            FormField("Average views", key: AccountKey.avgViews, kind: .number, value: account?.latestAvgViews.map { "\($0.value)" } ?? ""),
            FormField("Engagement rate %", key: AccountKey.engagement, value: account?.latestEngagementRate.map { plain($0.value) } ?? "") { text in
                FormValues.number(text).map { (0...100).contains($0) } == false ? "A percentage from 0 to 100, e.g. 3.5." : nil
            },
            FormField("Posts per week", key: AccountKey.postsPerWeek, value: account?.latestPostsPerWeek.map { plain($0.value) } ?? "") { text in
                FormValues.number(text).map { $0 >= 0 } == false ? "A number of posts, e.g. 2 or 0.5." : nil
            },
            FormField("Main account", key: AccountKey.main, kind: .toggle, value: account?.isMain ?? isFirst ? "true" : "false"),
        ]
        if account != nil { fields.append(FormField("Remove this account", key: AccountKey.remove, kind: .toggle)) }
        let title = account.map { "\($0.platform.displayName) @\($0.handle)" } ?? "Add account"
        form(title, id, fields: fields, label: account == nil ? "add account to" : "edit account of", &state) { _, values, creator, state in
            if values.isOn(AccountKey.remove) {
                creator.accounts.removeAll { $0.id == accountID }
                if !creator.accounts.isEmpty, !creator.accounts.contains(where: \.isMain) { creator.accounts[0].isMain = true }
                return nil
            }
            let typed = values.text(AccountKey.handle) ?? ""
            let chosen = values.choice(AccountKey.platform, platforms, name: \.displayName) ?? .instagram
            var edited = creator.accounts.first { $0.id == accountID }
                ?? PlatformAccount(platform: chosen, handle: "")
            edited.platform = Handle.platform(fromURL: typed) ?? chosen
            edited.handle = Handle.normalise(typed)
            if typed.contains("/") { edited.url = typed }
            if let snapshot = newFigures(values, comparedWith: edited, now: state.now) { edited.record(snapshot) }
            if let index = creator.accounts.firstIndex(where: { $0.id == edited.id }) {
                creator.accounts[index] = edited
            } else {
                creator.accounts.append(edited)
            }
            let makeMain = values.isOn(AccountKey.main)
            for index in creator.accounts.indices where makeMain {
                creator.accounts[index].isMain = creator.accounts[index].id == edited.id
            }
            if !creator.accounts.contains(where: \.isMain) { creator.accounts[0].isMain = true }
            return nil
        }
    }

    /// A figure as typed back exactly (`3.2`, `2`), so leaving it untouched never counts as a change.
    private static func plain(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A snapshot of the figures typed differently from the account's latest ones, nil when none changed.
    private static func newFigures(_ values: FormValues, comparedWith account: PlatformAccount, now: Date) -> MetricSnapshot? {
        var snapshot = MetricSnapshot(asOf: now, source: .manual)
        var changed = false
        if let followers = values.int(AccountKey.followers), followers != account.latestFollowers?.value {
            snapshot.followers = followers
            changed = true
        }
        if let views = values.int(AccountKey.avgViews), views != account.latestAvgViews?.value {
            snapshot.avgViews = views
            changed = true
        }
        if let rate = values.double(AccountKey.engagement), rate != account.latestEngagementRate?.value {
            snapshot.engagementRate = rate
            changed = true
        }
        if let posts = values.double(AccountKey.postsPerWeek), posts != account.latestPostsPerWeek?.value {
            snapshot.postsPerWeek = posts
            changed = true
        }
        return changed ? snapshot : nil
    }

    // MARK: Rate card

    enum RateKey {
        static let platform = "rate.platform"
        static let contentType = "rate.contentType"
        static let price = "rate.price"
        static let note = "rate.note"
        static let remove = "rate.remove"
    }

    /// `$`: the rate card's prices per platform and content type, to change or remove one or add another.
    /// Any change dates the card as quoted today.
    static func rateCard(_ id: RecordID, _ state: inout AppState) {
        guard let creator = state.workspace.influencer(id) else { return }
        let items = creator.rateCard.entries.enumerated().map { index, entry in
            PickerItem(id: "\(index)", title: "\(entry.platform.displayName) \(entry.contentType.displayName)",
                       detail: entry.price.formatted)
        }
        pickOrAdd("Rate card of \(creator.displayName)", items, add: "Add a rate…", &state) { chosen, state in
            rateForm(id, entry: chosen.flatMap { Int($0) }, &state)
        }
    }

    private static func rateForm(_ id: RecordID, entry index: Int?, _ state: inout AppState) {
        guard let creator = state.workspace.influencer(id) else { return }
        let entry = index.flatMap { creator.rateCard.entries.indices.contains($0) ? creator.rateCard.entries[$0] : nil }
        let currency = entry?.price.currency ?? creator.rateCard.entries.first?.price.currency
            ?? state.workspace.settings.workspace.reportingCurrency
        let platform = entry?.platform ?? creator.mainAccount?.platform ?? .instagram
        let platforms = Platform.known.contains(platform) ? Platform.known : Platform.known + [platform]
        let types = entry.map { ContentType.known.contains($0.contentType) ? ContentType.known : ContentType.known + [$0.contentType] }
            ?? ContentType.known
        var fields = [
            FormField("Platform", key: RateKey.platform, kind: .choice(platforms.map(\.displayName)), value: platform.displayName),
            FormField("Content type", key: RateKey.contentType, kind: .choice(types.map(\.displayName)),
                      value: (entry?.contentType ?? .feedPost).displayName),
            .money("Price", key: RateKey.price, value: entry?.price, defaultCurrency: currency, required: true),
            FormField("Note", key: RateKey.note, value: entry?.note ?? ""),
        ]
        if entry != nil { fields.append(FormField("Remove this rate", key: RateKey.remove, kind: .toggle)) }
        let title = entry.map { "\($0.platform.displayName) \($0.contentType.displayName)" } ?? "Add rate"
        form(title, id, fields: fields, label: "rate card of", &state) { _, values, creator, state in
            if values.isOn(RateKey.remove), let index, creator.rateCard.entries.indices.contains(index) {
                creator.rateCard.entries.remove(at: index)
            } else {
                guard let price = values.money(RateKey.price, defaultCurrency: currency) else { return nil }
                let new = RateCardEntry(platform: values.choice(RateKey.platform, platforms, name: \.displayName) ?? platform,
                                        contentType: values.choice(RateKey.contentType, types, name: \.displayName) ?? .feedPost,
                                        price: price, note: values.text(RateKey.note))
                if let index, creator.rateCard.entries.indices.contains(index) {
                    creator.rateCard.entries[index] = new
                } else {
                    creator.rateCard.entries.append(new)
                }
            }
            creator.rateCard.quotedAt = state.now
            return nil
        }
    }

    // MARK: Contacts and agent

    enum ContactKey {
        static let phone = "contacts.phone"
        static let other = "contacts.other"
        static let agent = "contacts.agent"
        static let agency = "contacts.agency"
        static let agentEmail = "contacts.agentEmail"
        static let agentPhone = "contacts.agentPhone"
        static let agentNote = "contacts.agentNote"
    }

    /// `c`: the creator's phone and other contact, and their agent or manager, kept apart from the creator's own
    /// details (the email is on the main form). An empty agent name removes the agent.
    static func contacts(_ id: RecordID, _ state: inout AppState) {
        guard let creator = state.workspace.influencer(id) else { return }
        let agent = creator.agent
        form("Contacts", id, fields: [
            FormField("Phone", key: ContactKey.phone, value: creator.contact.phone ?? ""),
            FormField("Other contact", key: ContactKey.other, value: creator.contact.other ?? ""),
            FormField("Agent or manager", key: ContactKey.agent, value: agent?.name ?? ""),
            FormField("Agency", key: ContactKey.agency, value: agent?.agency ?? ""),
            FormField("Agent email", key: ContactKey.agentEmail, value: agent?.contact.email ?? ""),
            FormField("Agent phone", key: ContactKey.agentPhone, value: agent?.contact.phone ?? ""),
            FormField("Agent note", key: ContactKey.agentNote, value: agent?.note ?? ""),
        ], label: "edit contacts of", &state) { _, values, creator, _ in
            creator.contact.phone = values.text(ContactKey.phone)
            creator.contact.other = values.text(ContactKey.other)
            guard let name = values.text(ContactKey.agent) else {
                creator.agent = nil
                return nil
            }
            creator.agent = AgentContact(name: name, agency: values.text(ContactKey.agency),
                                         contact: ContactInfo(email: values.text(ContactKey.agentEmail),
                                                              phone: values.text(ContactKey.agentPhone)),
                                         note: values.text(ContactKey.agentNote))
            return nil
        }
    }

    // MARK: Rating

    private static let stars = ["—", "★", "★★", "★★★", "★★★★", "★★★★★"]
    private static let again = ["—", "Yes", "No"]

    enum RatingKey {
        static let stars = "rating.stars"
        static let again = "rating.wouldWorkAgain"
        static let note = "rating.note"
    }

    /// `r`: the team's verdict on working with the creator again: 1–5 stars, would work again, a note.
    static func rating(_ id: RecordID, _ state: inout AppState) {
        guard let creator = state.workspace.influencer(id) else { return }
        let rating = creator.rating ?? CreatorRating()
        form("Rating", id, fields: [
            FormField("Stars", key: RatingKey.stars, kind: .choice(stars), value: stars[min(max(rating.stars ?? 0, 0), 5)]),
            FormField("Would work again", key: RatingKey.again, kind: .choice(again),
                      value: rating.wouldWorkAgain.map { $0 ? again[1] : again[2] } ?? again[0]),
            FormField("Note", key: RatingKey.note, value: rating.note ?? ""),
        ], label: "rate", &state) { _, values, creator, _ in
            let count = stars.firstIndex(of: values.values[RatingKey.stars] ?? "") ?? 0
            let workAgain: Bool? = switch values.values[RatingKey.again] {
            case again[1]: true
            case again[2]: false
            default: nil
            }
            let new = CreatorRating(stars: count == 0 ? nil : count, wouldWorkAgain: workAgain, note: values.text(RatingKey.note))
            creator.rating = new == CreatorRating() ? nil : new
            return nil
        }
    }

    // MARK: Audience

    enum AudienceKey {
        static let countries = "audience.countries"
        static let ages = "audience.ageBands"
        static let female = "audience.female"
        static let male = "audience.male"
        static let other = "audience.otherGender"
        static let interests = "audience.interests"
        static let targetMarket = "audience.targetMarket"
    }

    /// "GB 80, US 8.5" (or "EE 10,5; LV 62") as shares; nil when a pair is not a label `key` accepts and a
    /// percent from 0 to 100, or when they add up past 100. A comma between two digits is a decimal comma.
    static func shares(_ text: String, key: (String) -> Bool) -> [AudienceShare]? {
        let characters = Array(text)
        var parts: [String] = [""]
        for (index, character) in characters.enumerated() {
            let decimalComma = character == "," && index > 0 && index + 1 < characters.count
                && characters[index - 1].isNumber && characters[index + 1].isNumber
            if character == ";" || (character == "," && !decimalComma) { parts.append("") } else { parts[parts.count - 1].append(character) }
        }
        var out: [AudienceShare] = []
        for part in parts.map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let words = part.split(separator: " ")
            guard words.count == 2, key(String(words[0])), let percent = FormValues.number(String(words[1])),
                  (0...100).contains(percent) else { return nil }
            out.append(AudienceShare(String(words[0]), percent))
        }
        return out.map(\.percent).reduce(0, +) <= 100.5 ? out : nil
    }

    private static func isCountry(_ key: String) -> Bool { key.count == 2 && key.allSatisfy(\.isLetter) }
    private static func isAgeBand(_ key: String) -> Bool { key.contains(where: \.isNumber) }

    private static func percentField(_ label: String, key: String, _ value: Double?) -> FormField {
        FormField(label, key: key, value: value.map(plain) ?? "") { text in
            FormValues.number(text).map { (0...100).contains($0) } == false ? "A percentage from 0 to 100." : nil
        }
    }

    /// `w`: who follows the creator: top countries, age bands, gender split, interests and the share in the
    /// target market; dated today as a manual figure.
    static func audience(_ id: RecordID, _ state: inout AppState) {
        guard let creator = state.workspace.influencer(id) else { return }
        let audience = creator.audience ?? ReachCore.Audience()
        func list(_ shares: [AudienceShare]) -> String { shares.map { "\($0.key) \(plain($0.percent))" }.joined(separator: ", ") }
        form("Audience", id, fields: [
            FormField("Countries %", key: AudienceKey.countries, value: list(audience.topCountries)) { text in
                shares(text, key: isCountry) == nil ? "Country codes with percents adding up to at most 100, e.g. GB 80, US 8." : nil
            },
            FormField("Age bands %", key: AudienceKey.ages, value: list(audience.ageBands)) { text in
                shares(text, key: isAgeBand) == nil ? "Age bands with percents adding up to at most 100, e.g. 18-24 37, 25-34 24." : nil
            },
            percentField("Female %", key: AudienceKey.female, audience.gender?.female),
            percentField("Male %", key: AudienceKey.male, audience.gender?.male),
            percentField("Other gender %", key: AudienceKey.other, audience.gender?.other),
            FormField("Interests", key: AudienceKey.interests, value: audience.interests.joined(separator: ", ")),
            percentField("In target market %", key: AudienceKey.targetMarket, audience.targetMarketShare),
        ], label: "edit audience of", &state) { _, values, creator, state in
            var new = ReachCore.Audience(
                topCountries: shares(values.text(AudienceKey.countries) ?? "", key: isCountry)?
                    .map { AudienceShare($0.key.uppercased(), $0.percent) } ?? [],
                ageBands: shares(values.text(AudienceKey.ages) ?? "", key: isAgeBand) ?? [],
                interests: values.list(AudienceKey.interests),
                targetMarketShare: values.double(AudienceKey.targetMarket))
            let gender = GenderSplit(female: values.double(AudienceKey.female), male: values.double(AudienceKey.male),
                                     other: values.double(AudienceKey.other))
            new.gender = gender == GenderSplit() ? nil : gender
            if new == ReachCore.Audience() {
                creator.audience = nil
            } else {
                new.asOf = state.now
                new.source = .manual
                creator.audience = new
            }
            return nil
        }
    }
}
