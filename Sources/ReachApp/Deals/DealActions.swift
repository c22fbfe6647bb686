import Foundation
import ReachCore
import TerminalUI

/// What can be done to a deal from any screen (Today, the deal view, the pipeline): log, follow up, move stage.
public enum DealActions {
    private static let channelKey = "log.channel", directionKey = "log.direction", summaryKey = "log.summary", thenKey = "log.then"
    private static let outcomeKey = "close.outcome", reasonKey = "close.reason"

    /// What the log dialog's "Then" field offers for the next step.
    private enum Then: String, CaseIterable {
        case keep, done, replace
    }

    /// `a`: logs a contact and settles the next step in the same dialog: the current next step is shown filled in,
    /// and keep, done and replace are one keystroke each (`Alt-k` `Alt-d` `Alt-r`, or the first letter in "Then").
    /// Editing the next-step fields means replace; a reply from them makes it our move, due today.
    public static func logActivity(_ dealID: RecordID, _ state: inout AppState) {
        guard let deal = state.workspace.deal(dealID) else { return }
        let channels = ActivityChannel.allCases.filter { $0 != .system }
        let shown = FormState(fields: [
            FormField("Channel", key: channelKey, kind: .choice(channels.map(\.rawValue)), value: ActivityChannel.email.rawValue),
            FormField("Direction", key: directionKey, kind: .choice(["out", "in", "—"]), value: "out"),
            FormField("Summary", key: summaryKey, isRequired: true),
            FormField("Then", key: thenKey, kind: .choice(Then.allCases.map(\.rawValue)), value: Then.keep.rawValue),
        ] + NextStepFields.fields(deal.nextAction, state, required: false), focus: 2)
        @Sendable func choose(_ then: Then) -> @Sendable (inout FormState) -> Void {
            { form in
                form[thenKey]?.choiceIndex = Then.allCases.firstIndex(of: then) ?? 0
                if then == .replace { form.focus(on: NextStepFields.summaryKey) }
            }
        }
        let shortcuts = [
            FormShortcut(.alt("k"), "keep next step", apply: choose(.keep)),
            FormShortcut(.alt("d"), "done", apply: choose(.done)),
            FormShortcut(.alt("r"), "replace", apply: choose(.replace)),
        ]
        let title = "Log activity · \(state.workspace.title(of: .deal(deal)))"
        state.overlays.append(.form(FormOverlay(title: title, form: shown, shortcuts: shortcuts) { form, state in
            var form = form
            guard form.validate() else { return .stay(form, message: nil) }
            guard var deal = state.workspace.deal(dealID) else { return .close([]) }
            let values = form.values
            let direction = ActivityDirection(rawValue: values[directionKey] ?? "")
            let then = Then(rawValue: values[thenKey] ?? "") ?? .keep
            let change: NextStepChange
            if then == .done {
                change = .done
            } else if then == .replace || NextStepFields.edited(form, shown: shown) {
                guard let draft = NextStepFields.draft(form, shown: shown, state, unsetIfUnchanged: true) else {
                    form.focus(on: NextStepFields.summaryKey)
                    return .stay(form, message: "Say what the next step is, or choose done (Alt-d).")
                }
                change = .replace(draft)
            } else {
                change = .keep
            }
            let activity = Activity(at: state.now, channel: ActivityChannel(rawValue: values[channelKey] ?? "") ?? .note,
                                    direction: direction, summary: values[summaryKey] ?? "", author: state.author)
            deal.logContact(activity, then: change, days: NextStepFields.days(state))
            return .close(Edits.commit(.deal(deal), label: "log activity", &state))
        }))
    }

    /// `N`: the next step of one deal (what, due, whose move); `Alt-d` marks it done with nothing after it.
    public static func editNextStep(_ dealID: RecordID, _ state: inout AppState) {
        guard let deal = state.workspace.deal(dealID) else { return }
        nextStepForm(title: "Next step · \(state.workspace.title(of: .deal(deal)))", current: deal.nextAction,
                     label: "set next step", dealIDs: [dealID], &state)
    }

    /// The next-step form for one deal or a marked set; saving sets the same next step on each.
    static func nextStepForm(title: String, current: NextAction?, label: String, dealIDs: [RecordID], _ state: inout AppState) {
        let shown = FormState(fields: NextStepFields.fields(current, state, required: true))
        let done = FormShortcut(.alt("d"), "done, no next step") { form in
            form[NextStepFields.summaryKey]?.input.setText("")
            form[NextStepFields.dueKey]?.input.setText("")
        }
        state.overlays.append(.form(FormOverlay(title: title, form: shown, shortcuts: [done]) { form, state in
            let values = FormValues(form, now: state.now, timeZone: state.timeZone)
            let clearing = values.text(NextStepFields.summaryKey) == nil && values.text(NextStepFields.dueKey) == nil
            var form = form
            guard clearing || form.validate() else { return .stay(form, message: nil) }
            let draft = NextStepFields.draft(form, shown: shown, state, unsetIfUnchanged: false)
            let days = NextStepFields.days(state)
            let deals = dealIDs.compactMap { state.workspace.deal($0) }.map { deal in
                var deal = deal
                if let draft { deal.setNextStep(draft, days: days) } else { deal.clearNextAction() }
                return AnyRecord.deal(deal)
            }
            let effects = Edits.commit(deals, label: clearing ? "next step done" : label, &state)
            if dealIDs.count > 1 { state.show("Next step set on \(deals.count) deals", .success) }
            return .close(effects)
        }))
    }

    /// `f`: asks for the next follow-up date (`2025-03-14`, `+3d`, `tomorrow`, `mon`).
    public static func setFollowUp(_ dealID: RecordID, _ state: inout AppState) {
        guard let deal = state.workspace.deal(dealID) else { return }
        let current = deal.nextAction.map { Humanize.day($0.due, timeZone: state.timeZone) } ?? ""
        let prompt = PromptOverlay(title: "Next follow-up · \(state.workspace.title(of: .deal(deal)))",
                                   label: "Date", hint: DateInput.help, text: current) { text, state in
            guard let due = DateInput.parse(text, now: state.now, timeZone: state.timeZone) else {
                return .invalid("\"\(text)\" is not a date. \(DateInput.help)")
            }
            guard var deal = state.workspace.deal(dealID) else { return .close([]) }
            let summary = deal.nextAction?.summary ?? "Follow up"
            deal.setFollowUp(summary, due: due, whoseMove: deal.nextAction?.whoseMove ?? .us)
            return .close(Edits.commit(.deal(deal), label: "set follow-up", &state))
        }
        state.overlays.append(.prompt(prompt))
    }

    /// `>`: moves the deal to the next stage of the pipeline.
    public static func advance(_ dealID: RecordID, _ state: inout AppState) -> [Effect] {
        stageMove(dealID, &state) { deal, state throws(StageMoveError) in
            try deal.advance(at: state.now, pipeline: state.workspace.pipeline, author: state.author)
        }
    }

    /// `<`: moves the deal back one stage (from a side exit, back to where it left the flow).
    public static func moveBack(_ dealID: RecordID, _ state: inout AppState) -> [Effect] {
        stageMove(dealID, &state) { deal, state throws(StageMoveError) in
            try deal.moveBack(at: state.now, pipeline: state.workspace.pipeline, author: state.author)
        }
    }

    /// Applies a stage move (which logs the history and the activity) and saves it; a refused move is shown, not saved.
    private static func stageMove(_ dealID: RecordID, _ state: inout AppState,
                                  _ move: (inout Deal, AppState) throws(StageMoveError) -> Void) -> [Effect] {
        guard var deal = state.workspace.deal(dealID) else { return [] }
        do throws(StageMoveError) {
            try move(&deal, state)
        } catch {
            state.show(error.description, .warning)
            return []
        }
        return Edits.commit(.deal(deal), label: "move to \(state.workspace.pipeline.name(of: deal.stage))", &state)
    }

    /// Moves the deal to any configured stage; a side exit first asks why (`Deal.move` refuses one without a reason).
    public static func move(_ dealID: RecordID, to stage: StageKey, _ state: inout AppState) -> [Effect] {
        let pipeline = state.workspace.pipeline
        guard let deal = state.workspace.deal(dealID), deal.stage != stage else { return [] }
        @Sendable func commit(reason: String?, _ state: inout AppState) -> [Effect] {
            stageMove(dealID, &state) { deal, state throws(StageMoveError) in
                try deal.move(to: stage, at: state.now, reason: reason, pipeline: state.workspace.pipeline, author: state.author)
            }
        }
        guard pipeline.isSideExit(stage) else { return commit(reason: nil, &state) }
        let prompt = PromptOverlay(title: "\(pipeline.name(of: stage)) · \(state.workspace.title(of: .deal(deal)))",
                                   label: "Reason", hint: "Why did the deal end? (required)") { text, state in
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return .invalid("A reason is required.") }
            return .close(commit(reason: text, &state))
        }
        state.overlays.append(.prompt(prompt))
        return []
    }

    /// "Change stage": a picker of every stage, the current one highlighted.
    public static func changeStage(_ dealID: RecordID, _ state: inout AppState) {
        guard let deal = state.workspace.deal(dealID) else { return }
        let pipeline = state.workspace.pipeline
        let items = pipeline.allStages.map { stage in
            PickerItem(id: stage.key.rawValue, title: stage.name,
                       detail: stage.key == deal.stage ? "current" : (stage.role == .sideExit ? "side exit, needs a reason" : nil))
        }
        let picker = Picker(title: "Move \(state.workspace.title(of: .deal(deal))) to", items: items,
                            selected: deal.stage.rawValue, state: state) { item, state in
            move(dealID, to: StageKey(rawValue: item.id), &state)
        }
        state.overlays.append(.custom(picker))
    }

    /// The deal the user is looking at: the open deal page, else the selected deal of Pipeline or Today.
    public static func currentDealID(_ state: AppState) -> RecordID? {
        if let open = state.dealDetail?.dealID { return open }
        switch state.tab {
        case .pipeline: return state.pipeline.selectedDealID
        case .today: return state.today.selectedDealID
        case .roster, .campaigns: return nil
        }
    }

    /// `x`: ends the deal through a side exit (Declined, Rejected, Lost); a reason is required.
    public static func close(_ dealID: RecordID, _ state: inout AppState) {
        guard let deal = state.workspace.deal(dealID) else { return }
        let exits = state.workspace.pipeline.sideExits
        guard !exits.isEmpty else { return }
        let form = FormState(fields: [
            FormField("Outcome", key: outcomeKey, kind: .choice(exits.map(\.name)), value: exits[0].name),
            FormField("Reason", key: reasonKey, isRequired: true),
        ], focus: 1)
        let title = "Close deal · \(state.workspace.title(of: .deal(deal)))"
        state.overlays.append(.form(FormOverlay(title: title, form: form) { form, state in
            var form = form
            guard form.validate() else { return .stay(form, message: nil) }
            guard var deal = state.workspace.deal(dealID) else { return .close([]) }
            let pipeline = state.workspace.pipeline
            let exit = pipeline.sideExits.first { $0.name == form.values[outcomeKey] } ?? exits[0]
            do throws(StageMoveError) {
                try deal.move(to: exit.key, at: state.now, reason: form.values[reasonKey], pipeline: pipeline, author: state.author)
            } catch {
                return .stay(form, message: error.description)
            }
            return .close(Edits.commit(.deal(deal), label: "close deal", &state))
        }))
    }

    /// The deal keys shared by every screen that has a current deal; `dealID` finds it in the state.
    public static func section(_ dealID: @escaping @Sendable (AppState) -> RecordID?) -> KeySection {
        KeySection("Deal", [
            KeyBinding(chars: "a", help: "Log activity", hint: true) { state in
                if let id = dealID(state) { logActivity(id, &state) }
                return []
            },
            KeyBinding(chars: "N", help: "Next step (what, due, whose move)", hint: true) { state in
                if let id = dealID(state) { editNextStep(id, &state) }
                return []
            },
            KeyBinding(chars: "f", help: "Set follow-up date") { state in
                if let id = dealID(state) { setFollowUp(id, &state) }
                return []
            },
            KeyBinding(chars: "O", help: "Assign owner…") { state in
                if let id = dealID(state) { OwnerActions.assign([id], &state) }
                return []
            },
            KeyBinding(chars: ">", help: "Next stage", hint: true) { state in
                dealID(state).map { advance($0, &state) } ?? []
            },
            KeyBinding(chars: "<", help: "Previous stage") { state in
                dealID(state).map { moveBack($0, &state) } ?? []
            },
            KeyBinding(chars: "x", "X", help: "Close deal (declined, rejected, lost)") { state in
                if let id = dealID(state) { close(id, &state) }
                return []
            },
            SyncClashes.binding(.deal, dealID),
        ])
    }
}
