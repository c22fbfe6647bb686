import ReachCore
import ReachStore
import TerminalUI

/// Performs effects against the store, the terminal and the editor, and reports each outcome as actions.
struct EffectPerformer {
    let store: RecordStore
    let terminal: any Terminal
    let editor: any TextEditing
    /// The background git sync, when the folder is synced.
    var sync: BackgroundSync? = nil
    /// Saves and deletes (which the runner may also perform on its write queue).
    var writes: RecordWrites { RecordWrites(store: store) }

    func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .save, .delete: return writes.perform(effect)
        case .restore(let kind, let id): return [restore(kind, id)]
        case .updateSettings(let change): return [updateSettings(change)]
        case .saveSettings(let settings, let expected): return [saveSettings(settings, expected)]
        case .copy(let text): return [.copied(text, ok: terminal.copyToClipboard(text))]
        case .copyCampaignReport(let report):
            let text = report.markdown(trashedDeals: store.loadTrash(Deal.self).records)
            return [.copied(text, ok: terminal.copyToClipboard(text))]
        case .editText(let request):
            switch editor.edit(request.text, on: terminal) {
            case .success(let text): return [.editorFinished(request, text: text, message: nil)]
            case .failure(let failure): return [.editorFinished(request, text: nil, message: failure.description)]
            }
        case .sync:
            sync?.start(.sync)
            return []
        case .readSyncStatus:
            sync?.start(.status)
            return []
        case .loadConflicts: return [loadConflicts()]
        case .resolveClash(let clash, let subject): return resolve(clash, subject)
        case .takeTheirs(let clash, let kind, let id): return takeTheirs(clash, kind, id)
        case .quit: return []
        }
    }

    private func loadConflicts() -> Action {
        do {
            return .conflictsLoaded(try store.conflicts.all())
        } catch {
            return .conflictsNotLoaded("\(error)")
        }
    }

    private func resolve(_ clash: Clash, _ subject: ConflictSubject) -> [Action] {
        do {
            try store.conflicts.resolve(clash.id, of: subject)
            return [loadConflicts()]
        } catch {
            return [.conflictsNotLoaded("\(error)")]
        }
    }

    /// Theirs of a sync clash saved (or deleted) like any edit; the clash is settled only once that worked.
    private func takeTheirs(_ clash: Clash, _ kind: RecordKind, _ id: RecordID) -> [Action] {
        enum Theirs { case save(AnyRecord), delete(AnyRecord), byHand }
        func typed<R: Record>(_ type: R.Type, _ wrap: (R) -> AnyRecord) throws -> Theirs {
            switch try store.recordTakingTheirs(R.self, id: id, clash: clash) {
            case .save(let record): return .save(wrap(record))
            case .deleteRecord: return try store.load(R.self, id: id).map { .delete(wrap($0)) } ?? .byHand
            case .byHand: return .byHand
            }
        }
        let theirs: Theirs
        do {
            switch kind {
            case .influencer: theirs = try typed(Influencer.self, AnyRecord.influencer)
            case .campaign: theirs = try typed(Campaign.self, AnyRecord.campaign)
            case .deal: theirs = try typed(Deal.self, AnyRecord.deal)
            case .template: theirs = try typed(Template.self, AnyRecord.template)
            }
        } catch {
            return [.conflictsNotLoaded("\(error)")]
        }
        let subject = ConflictSubject.record(kind, id)
        switch theirs {
        case .save(let record):
            let saved = writes.save(record, record.revision)
            guard case .saved = saved else { return [saved] }
            return [saved] + resolve(clash, subject)
        case .delete(let record):
            let deleted = writes.delete(record)
            guard case .deleted? = deleted.first else { return deleted }
            return deleted + resolve(clash, subject)
        case .byHand:
            return [.clashByHand(clash, path: store.layout.recordFile(kind, id))]
        }
    }

    /// Applies `change` to the settings on disk and saves them at the revision read; another session's save in
    /// between means reading and applying again, so a change (a saved filter) never undoes theirs.
    private func updateSettings(_ change: @Sendable (inout AppSettings) -> Void) -> Action {
        do {
            // Bounded: a folder where someone saves settings between every read and write is busy, not lost.
            for _ in 0..<5 {
                let current = try store.loadWorkspaceVersion(AppSettings.self)
                var settings = current.settings ?? AppSettings()
                change(&settings)
                if case .saved(let revision) = try store.saveWorkspace(settings, expectedRevision: current.revision) {
                    return .settingsSaved(settings, revision: revision)
                }
            }
            return .settingsSaveFailed("other sessions kept changing reach.json; try again.")
        } catch {
            return .settingsSaveFailed("\(error)")
        }
    }

    private func saveSettings(_ settings: AppSettings, _ expected: Int) -> Action {
        let pending = PendingSettings(settings: settings, expectedRevision: expected)
        do {
            switch try store.saveWorkspace(settings, expectedRevision: expected) {
            case .saved(let revision): return .settingsSaved(settings, revision: revision)
            case .conflict(let theirs, let revision): return .settingsConflict(mine: settings, theirs: theirs, theirsRevision: revision)
            }
        } catch StoreError.lockTimeout {
            return .settingsNotSaved(pending, message: nil)
        } catch {
            return .settingsNotSaved(pending, message: "\(error)")
        }
    }

    /// `reach.json` as another session left it, when it changed since this session read or wrote it.
    func settingsChange() -> Action? {
        store.workspaceChange(AppSettings.self).flatMap { version in
            version.settings.map { Action.settingsChangedOutside($0, revision: version.revision) }
        }
    }

    private func restore(_ kind: RecordKind, _ id: RecordID) -> Action {
        do {
            switch kind {
            case .influencer: return .restored(.influencer(try store.restore(Influencer.self, id: id)))
            case .campaign: return .restored(.campaign(try store.restore(Campaign.self, id: id)))
            case .deal: return .restored(.deal(try store.restore(Deal.self, id: id)))
            case .template: return .restored(.template(try store.restore(Template.self, id: id)))
            }
        } catch {
            return .restoreFailed("\(error)")
        }
    }

    /// What other sessions changed since the last scan: in the whole folder, or in the files a watcher named.
    static func scanChanges(_ store: RecordStore, only request: FolderChanges = .everything) -> ExternalChanges {
        var changes = ExternalChanges()
        func collect<R: Record>(_ type: R.Type, _ wrap: (R) -> AnyRecord) {
            let set: ChangeSet<R>
            switch request {
            case .everything: set = store.scanChanges(type)
            case .files(let files):
                guard let names = files[R.kind] else { return }
                set = store.scanChanges(type, files: names)
            }
            changes.upserted += (set.added + set.changed).map(wrap)
            changes.removed += set.removed.map { (R.kind, $0) }
            changes.problems += set.problems
        }
        collect(Influencer.self, AnyRecord.influencer)
        collect(Campaign.self, AnyRecord.campaign)
        collect(Deal.self, AnyRecord.deal)
        collect(Template.self, AnyRecord.template)
        return changes
    }
}
