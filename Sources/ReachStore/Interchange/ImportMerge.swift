import Foundation
import ReachCore

/// An existing creator with imported data folded in, and a plain account of what changed and what was kept.
struct MergeOutcome: Sendable {
    var record: Influencer
    /// What the import added: filled fields, new accounts, tags, metric snapshots.
    var changes: [String]
    /// Where the file disagreed with non-empty data and the existing value was kept.
    var kept: [String]
}

/// Merges imported data into a creator without ever overwriting what someone typed: empty fields are
/// filled, accounts/tags/snapshots are added, differences are reported as "kept". Built on
/// `Influencer.merged(with:at:)`, with the extra care an import needs to be repeatable.
enum ImportMerge {
    /// Key paths are not `Sendable`, so this is computed rather than stored.
    private static var textFields: [(String, WritableKeyPath<Influencer, String?>)] {
        [("real name", \.realName), ("first name", \.firstName), ("email", \.contact.email), ("phone", \.contact.phone),
         ("other contact", \.contact.other), ("country", \.country), ("city", \.city), ("time zone", \.timeZone),
         ("do-not-contact reason", \.doNotContactReason)]
    }

    static func merge(_ incoming: Influencer, into existing: Influencer, at now: Date) -> MergeOutcome {
        var base = existing
        for (_, path) in textFields where base[keyPath: path].map(isBlank) ?? false { base[keyPath: path] = nil }
        if base.notes.map(isBlank) ?? false { base.notes = nil }
        var other = incoming
        // Where the creator came from is the existing record's story; the import file is not their source.
        other.consent = nil
        // Importing the same file twice must not append the same notes again.
        if let notes = other.notes?.trimmingWhitespace(), let mine = base.notes,
           notes.isEmpty || mine.contains(notes) {
            other.notes = nil
        }
        var kept: [String] = []
        for i in other.accounts.indices {
            guard let mine = base.accounts.first(where: { $0.platform == other.accounts[i].platform && $0.handle == other.accounts[i].handle })
            else { continue }
            // Same figures on the same day are the same reading, not a new snapshot.
            other.accounts[i].snapshots.removeAll { new in mine.snapshots.contains { sameReading($0, new) } }
            // Two rows of one import (same timestamp) disagreeing: the first row's figures stay, like every other field.
            other.accounts[i].snapshots.removeAll { new in
                guard let first = mine.snapshots.first(where: { $0.asOf == new.asOf && $0.source == .imported }) else { return false }
                kept.append("kept \(mine.platform.displayName) figures \(figures(first)) (file: \(figures(new)))")
                return true
            }
        }

        var merged = base.merged(with: other, at: now)
        if merged.doNotContactReason == nil { merged.doNotContactReason = other.doNotContactReason }
        if base.relationship == .prospect && other.relationship != .prospect { merged.relationship = other.relationship }
        merged.updatedAt = existing.updatedAt

        var changes: [String] = []
        for (label, path) in textFields {
            switch (base[keyPath: path], other[keyPath: path]) {
            case (nil, let new?) where !isBlank(new):
                changes.append("filled \(label)")
            case let (old?, new?) where !isBlank(new) && TextFolding.fold(old.trimmingSpaces()) != TextFolding.fold(new.trimmingSpaces()):
                kept.append("kept \(label) \"\(old)\" (file: \"\(new)\")")
            default:
                break
            }
        }
        let fallbackName = other.accounts.contains { "@" + $0.handle == other.displayName } || other.contact.email == other.displayName
        if !fallbackName, TextFolding.fold(base.displayName) != TextFolding.fold(other.displayName) {
            kept.append("kept name \"\(base.displayName)\" (file: \"\(other.displayName)\")")
        }
        for account in merged.accounts {
            guard let old = base.accounts.first(where: { $0.platform == account.platform && $0.handle == account.handle }) else {
                changes.append("added \(account.platform.displayName) @\(account.handle)")
                continue
            }
            for snapshot in account.snapshots where !old.snapshots.contains(snapshot) {
                changes.append("new \(account.platform.displayName) figures" + describe(snapshot))
            }
            if old.url == nil && account.url != nil { changes.append("filled \(account.platform.displayName) URL") }
        }
        for (label, added) in [("tags", merged.tags.filter { !base.tags.contains($0) }),
                               ("niches", merged.niches.filter { !base.niches.contains($0) }.map(\.rawValue)),
                               ("languages", merged.languages.filter { !base.languages.contains($0) })] where !added.isEmpty {
            changes.append("added \(label) " + added.joined(separator: ", "))
        }
        if merged.notes != base.notes { changes.append("added notes") }
        if merged.doNotContact && !base.doNotContact { changes.append("set do-not-contact") }
        if merged.relationship != base.relationship { changes.append("set relationship \(merged.relationship.displayName)") }
        for (label, changed) in [("agent", merged.agent != base.agent), ("audience", merged.audience != base.audience),
                                 ("vetting", merged.vetting != base.vetting), ("rate card", merged.rateCard != base.rateCard),
                                 ("rating", merged.rating != base.rating)] where changed {
            changes.append("filled \(label)")
        }
        return MergeOutcome(record: changes.isEmpty ? existing : merged, changes: changes, kept: kept)
    }

    private static func isBlank(_ text: String) -> Bool { text.trimmingWhitespace().isEmpty }

    private static func sameReading(_ a: MetricSnapshot, _ b: MetricSnapshot) -> Bool {
        a.followers == b.followers && a.avgViews == b.avgViews && a.engagementRate == b.engagementRate
            && a.postsPerWeek == b.postsPerWeek
            && Calendar.utc.isDate(a.asOf, inSameDayAs: b.asOf)
    }

    private static func describe(_ s: MetricSnapshot) -> String {
        let text = figures(s)
        return text.isEmpty ? "" : " (" + text + ")"
    }

    /// "12,500 followers, ER 3.2%, 4000 avg views".
    private static func figures(_ s: MetricSnapshot) -> String {
        var parts: [String] = []
        if let f = s.followers { parts.append("\(f.formatted(.number.locale(Locale(identifier: "en_US")))) followers") }
        if let er = s.engagementRate { parts.append("ER \(er)%") }
        if let v = s.avgViews { parts.append("\(v) avg views") }
        return parts.joined(separator: ", ")
    }
}

extension Calendar {
    /// Gregorian in UTC: "the same day" for dated figures means the same UTC date everywhere.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }()
}
