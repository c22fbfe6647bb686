import Foundation
import ReachCore
import TerminalUI

/// `B` on a campaign: every field of the brief creators get and the audience the campaign targets, in one form
/// saved through `RecordForm` (undoable, revision-checked). Long texts open in `$EDITOR` with Ctrl-O.
enum BriefForm {
    /// Field keys, shared by the form and the code reading it back, so a label can be reworded without breaking either.
    enum Key {
        static let keyMessage = "brief.keyMessage"
        static let cta = "brief.callToAction"
        static let link = "brief.link"
        static let dos = "brief.dos"
        static let donts = "brief.donts"
        static let voice = "brief.brandVoice"
        static let deliverables = "brief.deliverablesSummary"
        static let timeline = "brief.timeline"
        static let approval = "brief.approvalProcess"
        static let disclosure = "brief.disclosureRule"
        static let codePolicy = "brief.discountCodePolicy"
        static let paymentTerms = "brief.paymentTerms"
        static let reporting = "brief.reportingRequired"
        static let countries = "audience.countries"
        static let languages = "audience.languages"
        static let ages = "audience.ageRange"
        static let gender = "audience.gender"
        static let interests = "audience.interests"
    }

    /// The texts that may run to paragraphs; the rest are one line.
    static let longTexts: Set<String> = [Key.keyMessage, Key.cta, Key.dos, Key.donts, Key.voice, Key.deliverables, Key.timeline,
                                         Key.approval, Key.disclosure, Key.codePolicy, Key.paymentTerms, Key.reporting]

    /// Do's and don'ts are typed "a; b" in the field, or one per line in `$EDITOR`.
    static let itemSeparators: Set<Character> = [";", "\n"]

    static func open(_ id: RecordID, _ state: inout AppState) {
        guard let campaign = state.workspace.campaigns[id] else { return }
        let brief = campaign.brief, audience = campaign.targetAudience
        let fields = [
            FormField("Key message", key: Key.keyMessage, value: brief.keyMessage ?? ""),
            FormField("Call to action", key: Key.cta, value: brief.callToAction ?? ""),
            FormField("Link", key: Key.link, value: brief.link ?? "") { text in
                isWebAddress(text) ? nil : "Link: a web address starting with https://, e.g. https://brand.example/product."
            },
            FormField("Do's (;)", key: Key.dos, value: brief.dos.joined(separator: "; ")),
            FormField("Don'ts (;)", key: Key.donts, value: brief.donts.joined(separator: "; ")),
            FormField("Brand voice", key: Key.voice, value: brief.brandVoice ?? ""),
            FormField("Deliverables", key: Key.deliverables, value: brief.deliverablesSummary ?? ""),
            FormField("Timeline", key: Key.timeline, value: brief.timeline ?? ""),
            FormField("Approval", key: Key.approval, value: brief.approvalProcess ?? ""),
            FormField("Disclosure", key: Key.disclosure, value: brief.disclosureRule ?? ""),
            FormField("Discount codes", key: Key.codePolicy, value: brief.discountCodePolicy ?? ""),
            FormField("Payment terms", key: Key.paymentTerms, value: brief.paymentTerms ?? ""),
            FormField("Reporting", key: Key.reporting, value: brief.reportingRequired ?? ""),
            FormField("Countries", key: Key.countries, value: audience.countries.joined(separator: ", ")),
            FormField("Languages", key: Key.languages, value: audience.languages.joined(separator: ", ")),
            FormField("Age range", key: Key.ages, value: audience.ageRange ?? "") { text in
                isAgeRange(text) ? nil : "Age range: two ages such as 18-34, or 18+."
            },
            FormField("Gender", key: Key.gender, value: audience.gender ?? ""),
            FormField("Interests", key: Key.interests, value: audience.interests.joined(separator: ", ")),
        ]
        RecordForm.open("Brief", id, fields: fields, editorFields: longTexts, label: { (campaign: Campaign, _) in "edit brief of \(campaign.name)" },
                        &state) { _, values, campaign, _ in
            campaign.brief = CampaignBrief(
                keyMessage: values.text(Key.keyMessage), dos: values.list(Key.dos, separators: itemSeparators),
                donts: values.list(Key.donts, separators: itemSeparators), brandVoice: values.text(Key.voice),
                callToAction: values.text(Key.cta), link: values.text(Key.link), discountCodePolicy: values.text(Key.codePolicy),
                deliverablesSummary: values.text(Key.deliverables), timeline: values.text(Key.timeline),
                approvalProcess: values.text(Key.approval), disclosureRule: values.text(Key.disclosure),
                paymentTerms: values.text(Key.paymentTerms), reportingRequired: values.text(Key.reporting))
            // Country codes in capitals, as the rest of Reach stores them; region names as typed.
            let countries = values.list(Key.countries).map { $0.count == 2 && $0.allSatisfy(\.isASCII) ? $0.uppercased() : $0 }
            campaign.targetAudience = TargetAudience(countries: countries, languages: values.list(Key.languages),
                                                     ageRange: values.text(Key.ages), gender: values.text(Key.gender),
                                                     interests: values.list(Key.interests))
            return nil
        }
    }

    /// Empty, or an http(s) address with a host and no spaces.
    static func isWebAddress(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return true }
        guard !trimmed.contains(" "), let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              ["http", "https"].contains(scheme), let host = url.host, host.contains(".") else { return false }
        return true
    }

    /// Empty, "18-34" (a hyphen or an en dash, youngest first) or "18+", ages up to 120.
    static func isAgeRange(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return true }
        func age(_ part: Substring) -> Int? { Int(part.trimmingCharacters(in: .whitespaces)).flatMap { (0...120).contains($0) ? $0 : nil } }
        if trimmed.hasSuffix("+") { return age(trimmed.dropLast()) != nil }
        let ends = trimmed.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard ends.count == 2, let low = age(ends[0]), let high = age(ends[1]) else { return false }
        return low <= high
    }
}
