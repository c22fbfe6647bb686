import Foundation
import ReachCore

/// A complete, consistent data set (records plus settings) for trying Reach, screenshots, tests and benchmarks.
public struct DemoWorkspace: Hashable, Sendable {
    public var influencers: [Influencer]
    public var campaigns: [Campaign]
    public var deals: [Deal]
    public var templates: [Template]
    public var settings: WorkspaceSettings

    public init(influencers: [Influencer], campaigns: [Campaign], deals: [Deal], templates: [Template], settings: WorkspaceSettings) {
        self.influencers = influencers
        self.campaigns = campaigns
        self.deals = deals
        self.templates = templates
        self.settings = settings
    }

    /// Every validation issue in the set, per record, including workspace-wide checks (duplicate codes, dangling references).
    public func validationIssues() -> [String: [ValidationIssue]] {
        var out: [String: [ValidationIssue]] = [:]
        func add(_ key: String, _ issues: [ValidationIssue]) { if !issues.isEmpty { out[key, default: []] += issues } }
        for i in influencers { add("influencers/\(i.id)", i.validate()) }
        for c in campaigns { add("campaigns/\(c.id)", c.validate()) }
        for d in deals { add("deals/\(d.id)", d.validate(pipeline: settings.pipeline)) }
        for t in templates { add("templates/\(t.id)", t.validate()) }
        add("reach.json", settings.validate())
        for (id, issues) in WorkspaceValidation.duplicateDiscountCodes(in: deals) { add("deals/\(id)", issues) }
        let dangling = WorkspaceValidation.danglingReferences(
            deals: deals, influencerIDs: Set(influencers.map(\.id)), campaignIDs: Set(campaigns.map(\.id)))
        for (id, issues) in dangling { add("deals/\(id)", issues) }
        return out
    }
}
