import Foundation
import ReachCore
import TerminalUI

/// A column of the roster table: its header, width, text for a creator, and sort order.
public enum RosterColumn: Int, CaseIterable, Sendable {
    case name, handle, followers, tier, engagementRate, niche, country, language, lastContact, deals

    public var title: String {
        switch self {
        case .name: "Name"
        case .handle: "Handle"
        case .followers: "Followers"
        case .tier: "Tier"
        case .engagementRate: "ER"
        case .niche: "Niche"
        case .country: "Ctry"
        case .language: "Lang"
        case .lastContact: "Contact"
        case .deals: "Deals"
        }
    }

    var width: Constraint {
        switch self {
        case .name: .fill(1)
        // Wide enough for the title plus the " ▲" sort indicator.
        case .handle: .fixed(20)
        case .followers: .fixed(11)
        case .tier: .fixed(6)
        case .engagementRate: .fixed(5)
        case .niche: .fixed(14)
        case .country: .fixed(6)
        case .language: .fixed(6)
        case .lastContact: .fixed(10)
        case .deals: .fixed(7)
        }
    }

    /// The direction a column starts in: text A→Z, figures biggest (or newest) first.
    var startsAscending: Bool {
        switch self {
        case .name, .handle, .niche, .country, .language: true
        case .followers, .tier, .engagementRate, .lastContact, .deals: false
        }
    }

    var alignment: Alignment {
        switch self {
        case .followers, .engagementRate, .deals: .trailing
        default: .leading
        }
    }

    /// Columns dropped first when the table is narrow (last in this list goes first).
    static let priority: [RosterColumn] = [.name, .handle, .followers, .tier, .engagementRate, .deals, .lastContact,
                                           .country, .niche, .language]

    /// The columns that fit in `width`, in table order; the name column keeps at least 18 cells.
    static func visible(in width: Int) -> [RosterColumn] {
        var chosen: [RosterColumn] = []
        var used = 18
        for column in priority {
            if column == .name { chosen.append(column); continue }
            guard case .fixed(let w) = column.width, used + w + 1 <= width else { continue }
            used += w + 1
            chosen.append(column)
        }
        return chosen.sorted { $0.rawValue < $1.rawValue }
    }

    /// The cell text for `influencer`.
    func text(_ influencer: Influencer, _ state: AppState) -> String {
        let workspace = state.workspace
        switch self {
        case .name:
            return state.conflictMark(.influencer, influencer.id) + (influencer.isDoNotContact ? "⊘ " : "") + influencer.displayName
        case .handle:
            guard let main = influencer.mainAccount else { return "" }
            return "\(Self.shortName(main.platform)) @\(main.handle)"
        case .followers:
            guard let f = influencer.mainAccount?.latestFollowers else { return "" }
            let stale = f.isStale(now: state.now, staleAfterDays: workspace.settings.workspace.staleMetricDays)
            return Humanize.count(f.value) + (f.source == .estimate ? "~" : "") + (stale ? "!" : "")
        case .tier:
            return influencer.tier(thresholds: workspace.settings.workspace.tierThresholds)?.displayName ?? ""
        case .engagementRate:
            return influencer.engagementRate.map { String(format: "%.1f", $0) } ?? ""
        case .niche:
            return influencer.niches.map(\.rawValue).joined(separator: ", ")
        case .country:
            return influencer.country ?? ""
        case .language:
            return influencer.languages.joined(separator: ",")
        case .lastContact:
            return workspace.lastContact(withInfluencer: influencer.id).map { Humanize.ago($0, now: state.now, timeZone: state.timeZone) } ?? ""
        case .deals:
            let count = workspace.activeDealCount(ofInfluencer: influencer.id)
            return count == 0 ? "" : "\(count)"
        }
    }

    /// Two or three letters for a platform, so the handle keeps the room in a narrow column.
    static func shortName(_ platform: Platform) -> String {
        let short: [Platform: String] = [
            .instagram: "IG", .tiktok: "TT", .youtube: "YT", .facebook: "FB", .x: "X", .linkedin: "LI", .twitch: "TW",
            .pinterest: "PIN", .snapchat: "SC", .wechat: "WC", .douyin: "DY", .weibo: "WB", .xiaohongshu: "XHS",
            .blog: "Blog", .podcast: "Pod", .newsletter: "News",
        ]
        return short[platform] ?? platform.displayName
    }

    /// The value this column sorts by, from the creator's roster facts; nil sorts last whatever the direction. The
    /// facts come by pointer, as in `CompiledRosterFilter`: copying them out of an array retains their arrays and
    /// strings, which was two thirds of sorting 100k creators.
    func sortValue(_ id: RecordID, _ facts: UnsafePointer<RosterFacts>, _ state: AppState) -> RosterOrder.Value? {
        let workspace = state.workspace
        switch self {
        case .name: return .text(workspace.sortName(id))
        case .handle: return facts.pointee.handle.map(RosterOrder.Value.text)
        case .followers: return facts.pointee.followers.map { .number(Double($0)) }
        case .tier:
            return facts.pointee.followers.map { workspace.settings.workspace.tierThresholds.tier(forFollowers: $0) }
                .flatMap { Tier.allCases.firstIndex(of: $0) }.map { .number(Double($0)) }
        case .engagementRate: return facts.pointee.engagementRate.map(RosterOrder.Value.number)
        case .niche: return facts.pointee.niches.first.map { .text($0.rawValue) }
        case .country: return facts.pointee.country.map(RosterOrder.Value.text)
        case .language: return facts.pointee.language.map(RosterOrder.Value.text)
        case .lastContact: return facts.pointee.lastContact.map { .number($0.timeIntervalSince1970) }
        case .deals: return .number(Double(facts.pointee.openDeals))
        }
    }
}
