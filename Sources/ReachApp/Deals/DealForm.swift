import Foundation
import ReachCore
import TerminalUI

/// Creating a deal: pick the creator (fuzzy search over the whole roster), then campaign, stage, fee and next action.
public enum DealForm {
    /// Field keys, shared by the form and the code reading it back, so a label can be reworded without breaking either.
    /// The next step's fields are `NextStepFields`', as in the next-step form.
    enum Key {
        static let campaign = "deal.campaign"
        static let stage = "deal.stage"
        static let source = "deal.source"
        static let fee = "deal.fee"
    }

    static let fieldForIssue: [(prefix: String, key: String)] = [
        ("agreedFee", Key.fee), ("stage", Key.stage), ("nextAction", NextStepFields.summaryKey),
    ]

    /// How many creators the picker lists before anything is typed (a larger roster waits for a search).
    static let browseLimit = 500

    /// `n`: asks for the creator, then opens the form; with `influencerID` (from the roster) it goes straight to the form.
    public static func openNew(influencerID: RecordID? = nil, campaignID: RecordID? = nil, _ state: inout AppState) {
        guard !campaignOptions(including: campaignID, state).isEmpty else {
            state.show("Create a campaign first: press 4, then n.", .warning)
            return
        }
        if let influencerID, state.workspace.influencer(influencerID) != nil {
            openForm(influencerID: influencerID, campaignID: campaignID, &state)
            return
        }
        let total = state.workspace.creatorCount
        let picker = Picker(title: "New deal · choose the creator",
                            emptyText: total == 0 ? "The roster is empty: add creators in the Roster (2) first."
                                : "Type a name, handle, tag or city (\(total) creators).",
                            state: state, source: creatorItems) { item, state in
            openForm(influencerID: RecordID(rawValue: item.id), campaignID: campaignID, &state)
            return []
        }
        state.overlays.append(.custom(picker))
    }

    /// Creators matching `query` via the roster's search index; a small roster is listed by name before typing.
    @Sendable static func creatorItems(_ query: String, _ state: AppState) -> [PickerItem] {
        let workspace = state.workspace
        let ids: [RecordID]
        if query.trimmingCharacters(in: .whitespaces).isEmpty {
            guard workspace.creatorCount <= browseLimit else { return [] }
            ids = workspace.creatorsByName.ids
        } else {
            ids = workspace.searchIndex.search(query, limit: 50).map(\.id)
        }
        return ids.compactMap { id in
            guard let influencer = workspace.influencer(id) else { return nil }
            var detail: [String] = []
            if let main = influencer.mainAccount { detail.append("@\(main.handle) · \(main.platform.displayName)") }
            if let country = influencer.country { detail.append(country) }
            if influencer.isDoNotContact { detail.append("do not contact") }
            return PickerItem(id: id.rawValue, title: influencer.displayName, detail: detail.joined(separator: " · "))
        }
    }

    /// Campaigns a new deal can join: not archived, not done or cancelled (plus `including`), by name.
    static func campaignOptions(including id: RecordID?, _ state: AppState) -> [(id: RecordID, label: String)] {
        let open = state.workspace.campaigns.values.filter { campaign in
            campaign.id == id || (!campaign.archived && campaign.status != .done && campaign.status != .cancelled)
        }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        var seen: [String: Int] = [:]
        return open.map { campaign in
            var label = "\(campaign.name) · \(campaign.brand)"
            seen[label, default: 0] += 1
            if let count = seen[label], count > 1 { label += " (\(count))" }
            return (campaign.id, label)
        }
    }

    static func openForm(influencerID: RecordID, campaignID: RecordID?, _ state: inout AppState) {
        guard let influencer = state.workspace.influencer(influencerID) else { return }
        let campaigns = campaignOptions(including: campaignID, state)
        let pipeline = state.workspace.pipeline
        let preselected = campaigns.first { $0.id == campaignID } ?? campaigns.first
        let currency = preselected.flatMap { state.workspace.campaigns[$0.id]?.reportingCurrency }
            ?? state.workspace.settings.workspace.reportingCurrency
        var form = FormState(fields: [
            FormField("Campaign", key: Key.campaign, kind: .choice(campaigns.map(\.label)), value: preselected?.label ?? ""),
            FormField("Stage", key: Key.stage, kind: .choice(pipeline.stages.map(\.name)), value: pipeline.stages.first?.name ?? ""),
            FormField("Source", key: Key.source, kind: .choice(["—"] + DealSource.labels), value: "—"),
            .money("Agreed fee", key: Key.fee, value: nil, defaultCurrency: currency),
        ] + NextStepFields.fields(nil, state, required: false))
        // A new deal's first step is nearly always reaching out; clearing it (and the day) leaves the deal without one.
        form[NextStepFields.summaryKey]?.input.setText("Reach out")
        var overlay = FormOverlay(title: "New deal · \(influencer.displayName)", form: form) { form, state in
            submit(form, influencerID: influencerID, campaigns: campaigns, &state)
        }
        if influencer.isDoNotContact {
            overlay.message = "\(influencer.displayName) is marked do not contact"
                + (influencer.doNotContactReason.map { ": \($0)" } ?? ".")
        }
        state.overlays.append(.form(overlay))
    }

    static func submit(_ form: FormState, influencerID: RecordID, campaigns: [(id: RecordID, label: String)],
                       _ state: inout AppState) -> FormOverlay.Outcome {
        var form = form
        guard form.validate() else { return .stay(form, message: nil) }
        let values = FormValues(form, now: state.now, timeZone: state.timeZone)
        guard let campaignID = campaigns.first(where: { $0.label == values.values[Key.campaign] })?.id,
              let campaign = state.workspace.campaigns[campaignID] else {
            return .stay(form, message: "That campaign no longer exists; choose another.")
        }
        let pipeline = state.workspace.pipeline
        let stage = pipeline.stages.first { $0.name == values.values[Key.stage] } ?? pipeline.stages[0]
        var deal = Deal(id: RecordID.generate(at: state.now), createdAt: state.now, influencerID: influencerID,
                        campaignID: campaignID, owner: state.author, stage: stage.key,
                        source: DealSource.from(label: values.values[Key.source]),
                        agreedFee: values.money(Key.fee, defaultCurrency: campaign.reportingCurrency))
        deal.logActivity(at: state.now, channel: .system, summary: "Deal created in \(stage.name)", author: state.author)
        // Read as the next-step form reads it (nothing is left unset, so `shown` does not matter): an empty day is
        // the usual follow-up day.
        if let draft = NextStepFields.draft(form, shown: form, state, unsetIfUnchanged: false, untitled: "Follow up") {
            deal.setNextStep(draft, days: NextStepFields.days(state))
        }
        let issues = deal.validate(pipeline: pipeline)
        if let stay = FormIssues.stay(issues, fields: fieldForIssue, form: form) { return stay }
        let effects = Edits.commit(.deal(deal), label: "add deal \(state.workspace.title(of: .deal(deal)))", &state)
        PipelinePane.select(deal.id, &state)
        if state.tab != .pipeline || state.dealDetail != nil { DealDetailPane.open(deal.id, &state) }
        if let warning = issues.first(where: { $0.severity == .warning }) {
            state.show("Deal added; \(warning.message)", .warning)
        }
        return .close(effects)
    }
}
