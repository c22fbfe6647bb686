import Foundation
import ReachCore
import TerminalUI

/// `b`: what can be done to the marked rows at once. Each action asks once, naming the count, saves every
/// record on its own revision check (a conflict on one is shown for that one; the rest are saved) and goes
/// on the undo stack as one entry, so `u` restores the whole set.
enum BulkActions {
    /// One entry of a bulk menu: its title, and what it does to the marked ids.
    private typealias Entry = (title: String, run: @Sendable ([RecordID], inout AppState) -> [Effect])

    /// The menu for the marked deals (Today, Pipeline table).
    static func openForDeals(_ state: inout AppState) {
        menu("deals", \.deals, kind: .deal, [
            ("Set next step…", { ids, state in
                DealActions.nextStepForm(title: "Next step · \(ids.count) marked deals", current: nil,
                                         label: "set next step on \(ids.count) deals", dealIDs: ids, &state)
                return []
            }),
            ("Move to stage…", { ids, state in moveStage(ids, &state); return [] }),
            ("Assign owner…", { ids, state in OwnerActions.assign(ids, &state); return [] }),
            ("Fill a template for each…", { ids, state in OutreachFlow.pickTemplate(forEach: ids, &state); return [] }),
        ], &state)
    }

    /// The menu for the marked creators (Roster).
    static func openForCreators(_ state: inout AppState) {
        menu("creators", \.creators, kind: .influencer, [
            ("Add to a campaign as Prospect deals…", { ids, state in addToCampaign(ids, &state); return [] }),
            ("Tag…", { ids, state in tag(ids, adding: true, &state); return [] }),
            ("Untag…", { ids, state in tag(ids, adding: false, &state); return [] }),
        ], &state)
    }

    /// The marked records of `kind` that still exist, in id order (a stable order for the template walk), and a
    /// picker of `entries` plus Archive and Clear marks for them.
    private static func menu(_ noun: String, _ marks: WritableKeyPath<Marks, Set<RecordID>> & Sendable, kind: RecordKind,
                             _ entries: [Entry], _ state: inout AppState) {
        let ids = state.marks[keyPath: marks].filter { state.workspace.contains(kind, $0) }.sorted()
        guard !ids.isEmpty else {
            state.show("Nothing marked: Space marks a row, V a range, * every row shown.", .warning)
            return
        }
        let all: [Entry] = entries + [
            ("Archive", { @Sendable ids, state in
                confirm("Archive \(ids.count) \(noun)?", button: "Archive", &state) { state in
                    archive(ids.compactMap { state.workspace.record(kind, $0) }, &state)
                }
                return []
            }),
            ("Clear marks", { @Sendable _, state in state.marks[keyPath: marks] = []; return [] }),
        ]
        let items = all.enumerated().map { PickerItem(id: String($0.offset), title: $0.element.title) }
        state.overlays.append(.custom(Picker(title: "\(ids.count) marked \(noun)", items: items, state: state) { item, state in
            guard let index = Int(item.id), all.indices.contains(index) else { return [] }
            return all[index].run(ids, &state)
        }))
    }

    /// "Move 12 deals to Contracted?" with one button to go ahead.
    private static func confirm(_ question: String, button: String, _ state: inout AppState,
                                then: @escaping @Sendable (inout AppState) -> [Effect]) {
        state.overlays.append(.confirm(ConfirmDialog(title: "Bulk action", message: question, buttons: [button, "Cancel"],
                                                     cancelIndex: 1) { choice, state in
            choice == 0 ? then(&state) : []
        }))
    }

    private static func archive(_ records: [AnyRecord], _ state: inout AppState) -> [Effect] {
        let changed = records.filter { !$0.isArchived }.map { $0.archiving(true, now: state.now) }
        guard !changed.isEmpty else {
            state.show("Already archived")
            return []
        }
        let effects = Edits.commit(changed, label: "archive \(changed.count) records", &state)
        state.show("Archived \(changed.count); u undoes", .success)
        return effects
    }

    // MARK: Deals

    /// A stage for all; a side exit asks once for the reason they share. Deals a move is refused for are named.
    private static func moveStage(_ ids: [RecordID], _ state: inout AppState) {
        let pipeline = state.workspace.pipeline
        let items = pipeline.allStages.map { stage in
            PickerItem(id: stage.key.rawValue, title: stage.name, detail: stage.role == .sideExit ? "side exit, needs a reason" : nil)
        }
        state.overlays.append(.custom(Picker(title: "Move \(ids.count) deals to", items: items, state: state) { item, state in
            let stage = StageKey(rawValue: item.id)
            let name = state.workspace.pipeline.name(of: stage)
            guard state.workspace.pipeline.isSideExit(stage) else {
                confirm("Move \(ids.count) deals to \(name)?", button: "Move", &state) { state in
                    move(ids, to: stage, reason: nil, &state)
                }
                return []
            }
            state.overlays.append(.prompt(PromptOverlay(title: "\(name) · \(ids.count) deals", label: "Reason",
                                                        hint: "One reason for all of them (required)") { text, state in
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return .invalid("A reason is required.") }
                return .close(move(ids, to: stage, reason: text, &state))
            }))
            return []
        }))
    }

    private static func move(_ ids: [RecordID], to stage: StageKey, reason: String?, _ state: inout AppState) -> [Effect] {
        let pipeline = state.workspace.pipeline
        var moved: [AnyRecord] = []
        var refused: [String] = []
        for id in ids {
            guard var deal = state.workspace.deal(id), deal.stage != stage else { continue }
            do throws(StageMoveError) {
                try deal.move(to: stage, at: state.now, reason: reason, pipeline: pipeline, author: state.author)
                moved.append(.deal(deal))
            } catch {
                refused.append("\(state.workspace.title(of: .deal(deal))): \(error.description)")
            }
        }
        let effects = Edits.commit(moved, label: "move \(moved.count) deals to \(pipeline.name(of: stage))", &state)
        if refused.isEmpty {
            state.show("Moved \(moved.count) deals to \(pipeline.name(of: stage)); u undoes", .success)
        } else {
            state.overlays.append(.text(TextOverlay(title: "Moved \(moved.count) deals; \(refused.count) not moved",
                                                    text: refused.joined(separator: "\n"))))
        }
        return effects
    }

    // MARK: Creators

    /// One Prospect deal per marked creator in the chosen campaign, skipping creators already in it.
    private static func addToCampaign(_ ids: [RecordID], _ state: inout AppState) {
        let campaigns = DealForm.campaignOptions(including: nil, state)
        guard !campaigns.isEmpty else {
            state.show("Create a campaign first: press 4, then n.", .warning)
            return
        }
        let items = campaigns.map { PickerItem(id: $0.id.rawValue, title: $0.label) }
        state.overlays.append(.custom(Picker(title: "Add \(ids.count) creators to", items: items, state: state) { item, state in
            let campaignID = RecordID(rawValue: item.id)
            let already = Set(state.workspace.dealIDs(ofCampaign: campaignID).compactMap { state.workspace.dealRows[$0]?.influencerID })
            let new = ids.filter { !already.contains($0) }
            let skipped = ids.count - new.count
            let skippedText = skipped == 0 ? "" : " (\(skipped) already in it, skipped)"
            guard !new.isEmpty else {
                state.show("All \(ids.count) are already in that campaign.", .warning)
                return []
            }
            confirm("Add \(new.count) creators as Prospect deals to \(item.title)?\(skippedText)", button: "Add", &state) { state in
                createDeals(new, campaignID: campaignID, skipped: skipped, &state)
            }
            return []
        }))
    }

    private static func createDeals(_ creatorIDs: [RecordID], campaignID: RecordID, skipped: Int, _ state: inout AppState) -> [Effect] {
        let prospect = state.workspace.pipeline.stages.first
        let deals = creatorIDs.map { creatorID in
            var deal = Deal(id: RecordID.generate(at: state.now), createdAt: state.now, influencerID: creatorID,
                            campaignID: campaignID, owner: state.author, stage: prospect?.key ?? .prospect)
            deal.logActivity(at: state.now, channel: .system, summary: "Deal created in \(prospect?.name ?? "Prospect") (bulk add)",
                             author: state.author)
            return AnyRecord.deal(deal)
        }
        let effects = Edits.commit(deals, label: "add \(deals.count) deals", &state)
        state.show("Added \(deals.count) Prospect deals" + (skipped == 0 ? "" : "; \(skipped) already in the campaign, skipped"),
                   .success)
        return effects
    }

    private static func tag(_ ids: [RecordID], adding: Bool, _ state: inout AppState) {
        let verb = adding ? "Tag" : "Untag"
        state.overlays.append(.prompt(PromptOverlay(title: "\(verb) \(ids.count) creators", label: "Tag",
                                                    hint: adding ? "Added where missing" : "Removed where present") { text, state in
            let tag = text.trimmingCharacters(in: .whitespaces)
            guard !tag.isEmpty else { return .invalid("Type a tag.") }
            let changed = ids.compactMap { state.workspace.influencer($0) }.compactMap { creator -> AnyRecord? in
                var creator = creator
                let has = creator.tags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame }
                if adding, !has { creator.tags.append(tag) } else if !adding, has {
                    creator.tags.removeAll { $0.caseInsensitiveCompare(tag) == .orderedSame }
                } else { return nil }
                creator.updatedAt = state.now
                return .influencer(creator)
            }
            let effects = Edits.commit(changed, label: "\(verb.lowercased()) \(changed.count) creators \(tag)", &state)
            state.show("\(verb)ged \(changed.count) creators \(tag)" + (changed.count < ids.count ? " (\(ids.count - changed.count) unchanged)" : ""),
                       .success)
            return .close(effects)
        }))
    }
}
