import ReachCore

extension Workspace {
    /// How a record is named in messages: a creator's name, a campaign's name, "creator · campaign" for a deal.
    public func title(of record: AnyRecord) -> String {
        switch record {
        case .influencer(let r): r.displayName
        case .campaign(let r): r.name
        case .deal(let r): "\(influencerName(r.influencerID)) · \(campaignName(r.campaignID))"
        case .template(let r): r.name
        }
    }
}
