import Foundation
import ReachApp
import ReachCore
import ReachDemo
import ReachStore
import TerminalUI

/// Domain computations at 100k influencers: search as you type, roster filter and sort (the sort is the app's
/// `RosterOrder`, the only one), a campaign dashboard.
enum CoreCases {
    static let all = [search, roster, dashboard]

    /// The 100k records in memory, generated rather than read back: the values are the same as in the
    /// cached folder (same generator and seed), and the store's cost is measured by the store cases.
    static func hundredThousand() -> DemoWorkspace { Dataset.generate(count: 100_000) }

    /// Index build, then per keystroke: the query for 1..8-character prefixes of real names, and the same
    /// followed by re-rendering the 200×60 roster frame with the hits (what the user waits for).
    static let search = BenchCase(name: "core.search-100k", datasets: []) { options in
        let data = hundredThousand()
        let roster = data.influencers
        let build = Measure.repeating(options.iterations(5), warmup: 0) { blackHole(SearchIndex(roster)) }
        let index = SearchIndex(roster)
        var rng = SplitMix64(seed: 3)
        let names = (0..<options.iterations(40)).map { _ in roster[rng.below(roster.count)].realName ?? "" }
        let queries = names.flatMap { name in (1...8).map { String(name.prefix($0)) } }
        // Typed one character at a time, so each query narrows the one before (as the Roster does); the first
        // character of each name scans the whole index.
        var cursor = 0
        var hitCount = 0
        var previousResults: SearchResults?
        let query = Measure.repeating(queries.count) {
            previousResults = index.search(queries[cursor % queries.count], refining: previousResults)
            hitCount += previousResults?.ranked.count ?? 0
            cursor += 1
        }
        let screen = RosterScreen()
        var previous = Buffer(width: screen.width, height: screen.height)
        cursor = 0
        previousResults = nil
        let keystroke = Measure.repeating(queries.count) {
            let text = queries[cursor % queries.count]
            let results = index.search(text, refining: previousResults)
            previousResults = results
            // The index was built from `roster` in order, so its positions are the roster's (as the app's table reads them).
            let rows = results.ranked
            var state = SelectionState(selected: 0)
            let buffer = screen.render(roster: roster, rows: rows, state: &state, query: text)
            blackHole(buffer.changes(from: previous))
            previous = buffer
            cursor += 1
        }
        return [
            BenchResult(name: "core.search index build 100k", samples: build, target: .p99(below: 1_000)),
            BenchResult(name: "core.search query 100k", samples: query, note: "prefixes 1–8 of \(names.count) real names; \(hitCount / Swift.max(1, query.count)) hits avg"),
            BenchResult(name: "core.search keystroke→frame 100k", samples: keystroke, target: .p99(below: 16), note: "query + 200×60 frame + diff"),
        ]
    }

    /// The Roster's work at 100k, split as the app does it: filter (platform + tiers, archived hidden) over the
    /// compact `RosterFacts` it keeps per creator (and, for comparison, straight from the records); a full sort
    /// with the app's `RosterOrder`, done once when the sort column changes; and re-placing one edited creator
    /// in the sorted roster by binary search, done on every save.
    static let roster = BenchCase(name: "core.roster-100k", datasets: []) { options in
        let data = hundredThousand()
        let roster = data.influencers
        let facts = roster.map(RosterFacts.init)
        let filter = RosterFilter(platforms: [.instagram], tiers: [.micro, .macro])
        var keptCount = 0
        let filtered = Measure.repeating(options.iterations(30)) { keptCount = filter.compiled().positions(in: facts).count }
        let fromRecords = Measure.repeating(options.iterations(10)) { blackHole(filter.indices(in: roster)) }

        let state = AppState(
            workspace: Workspace(influencers: roster, campaigns: data.campaigns, deals: data.deals, templates: data.templates,
                                 settings: AppSettings(workspace: data.settings)),
            now: Dataset.now, timeZone: TimeZone(identifier: "UTC") ?? .current, hiddenPanesLater: true)
        let byFollowers = RosterOrder(column: .followers, ascending: false)
        // Name A→Z is the workspace's kept name order (nothing to sort); Z→A and the handle (a distinct text per
        // creator) are the costly ones.
        let byName = RosterOrder(column: .name, ascending: false)
        let byHandle = RosterOrder(column: .handle, ascending: true)
        let byContact = RosterOrder(column: .lastContact, ascending: false)
        let byDeals = RosterOrder(column: .deals, ascending: false)
        let sortFollowers = Measure.repeating(options.iterations(10), warmup: 1) { blackHole(byFollowers.sorted(state)) }
        let sortName = Measure.repeating(options.iterations(10), warmup: 1) { blackHole(byName.sorted(state)) }
        let sortHandle = Measure.repeating(options.iterations(10), warmup: 1) { blackHole(byHandle.sorted(state)) }
        let sortContact = Measure.repeating(options.iterations(10), warmup: 1) { blackHole(byContact.sorted(state)) }
        let sortDeals = Measure.repeating(options.iterations(10), warmup: 1) { blackHole(byDeals.sorted(state)) }
        let sortedIDs = byFollowers.sorted(state)
        var rng = SplitMix64(seed: 7)
        let replace = Measure.repeating(options.iterations(200)) {
            blackHole(byFollowers.insertionIndex(of: roster[rng.below(roster.count)].id, in: sortedIDs, state))
        }
        // A rename moves the creator in the workspace's name order (and its search keys): what a save of the
        // creator form costs the model before the roster re-places the row.
        var workspace = state.workspace
        let rename = Measure.repeating(options.iterations(200)) {
            var creator = roster[rng.below(roster.count)]
            creator.displayName = roster[rng.below(roster.count)].displayName + " B" // somewhere else in name order
            workspace.put(.influencer(creator))
        }
        return [
            BenchResult(name: "core.roster filter 100k → rows", samples: filtered, target: .p99(below: 16),
                        note: "\(keptCount) kept; over RosterFacts"),
            BenchResult(name: "core.roster filter from records", samples: fromRecords, note: "facts made per creator"),
            BenchResult(name: "core.roster sort followers 100k", samples: sortFollowers, target: .p99(below: 16),
                        note: "the app's RosterOrder; once per sort-column change"),
            BenchResult(name: "core.roster sort name Z→A 100k", samples: sortName, target: .p99(below: 16),
                        note: "the app's RosterOrder; A→Z is the kept name order"),
            BenchResult(name: "core.roster sort handle 100k", samples: sortHandle, target: .p99(below: 16),
                        note: "the app's RosterOrder; a radix sort of the handles' kept 16-byte keys"),
            BenchResult(name: "core.roster sort last contact 100k", samples: sortContact, target: .p99(below: 16),
                        note: "the app's RosterOrder; kept in each creator's facts from their deal rows"),
            BenchResult(name: "core.roster sort open deals 100k", samples: sortDeals, target: .p99(below: 16),
                        note: "the app's RosterOrder; kept in each creator's facts from their deal rows"),
            BenchResult(name: "core.roster re-place one edited creator 100k", samples: replace, target: .p99(below: 16),
                        note: "RosterOrder.insertionIndex (binary search), by followers"),
            BenchResult(name: "core.roster rename one creator in the workspace 100k", samples: rename, target: .p99(below: 16),
                        note: "Workspace.put: moved in the name order, search keys updated"),
        ]
    }

    /// `CampaignReport.make` + `Budget.summary` for the campaign with the most deals, over every deal in the folder.
    static let dashboard = BenchCase(name: "core.dashboard-100k", datasets: []) { options in
        let data = hundredThousand()
        let byCampaign = Dictionary(grouping: data.deals, by: \.campaignID)
        guard let largest = data.campaigns.max(by: { (byCampaign[$0.id]?.count ?? 0) < (byCampaign[$1.id]?.count ?? 0) }) else {
            throw BenchError(description: "the generated folder has no campaigns")
        }
        let followers = Dictionary(data.influencers.compactMap { creator in creator.followers.map { (creator.id, $0) } },
                                   uniquingKeysWith: { first, _ in first })
        let rates = data.settings.currencyRates
        let samples = Measure.repeating(options.iterations(30)) {
            blackHole(CampaignReport.make(campaign: largest, deals: data.deals, followers: followers, rates: rates, now: Dataset.now))
            blackHole(Budget.summary(for: largest, deals: data.deals, rates: rates))
        }
        return [BenchResult(name: "core.dashboard largest campaign", samples: samples, target: .p99(below: 50),
                            note: "\(byCampaign[largest.id]?.count ?? 0) of \(data.deals.count) deals")]
    }
}
