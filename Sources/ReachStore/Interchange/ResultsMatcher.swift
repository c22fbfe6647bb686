import Foundation
import ReachCore

/// Finds the deal (and for a post, the deliverable) a results row is about, from the keys every deal offers:
/// its discount code, its tracking link (the deal's own, else the campaign's UTM template filled for the
/// creator), that link's utm_content and utm_campaign, and its deliverables' live post URLs.
struct ResultsMatcher {
    /// What a row matched: the deal, the deliverable for post insights, and the key the result is stored under.
    struct Match: Equatable {
        var dealID: RecordID
        var deliverableID: UUID?
        var key: String
    }

    private var codes: [String: RecordID] = [:]
    private var links: [String: Set<RecordID>] = [:]
    private var contents: [String: Set<RecordID>] = [:]
    private var campaigns: [String: Set<RecordID>] = [:]
    private var posts: [String: (RecordID, UUID)] = [:]

    init(deals: [Deal], campaigns campaignRecords: [RecordID: Campaign], influencers: [RecordID: Influencer]) {
        for deal in deals {
            if let code = deal.tracking.discountCode.map(Self.code), !code.isEmpty { codes[code] = deal.id }
            var link = deal.tracking.referralLink
            if link == nil, let campaign = campaignRecords[deal.campaignID], let creator = influencers[deal.influencerID] {
                link = campaign.referralLink(influencer: creator, deal: deal)
            }
            if let link {
                if let key = ResultLink.normalise(link, keepingUTM: true) { links[key, default: []].insert(deal.id) }
                if let content = ResultLink.utm("utm_content", in: link) { contents[content, default: []].insert(deal.id) }
                if let campaign = ResultLink.utm("utm_campaign", in: link) { campaigns[campaign, default: []].insert(deal.id) }
            }
            for item in deal.deliverables where !item.isDropped {
                if let url = item.liveURL.flatMap({ ResultLink.normalise($0) }) { posts[url] = (deal.id, item.id) }
            }
        }
    }

    /// A discount code as matched: trimmed, upper case.
    static func code(_ text: String) -> String { text.trimmingWhitespace().uppercased() }

    /// The match for a row's keys, tried in order code, link, UTM content, UTM campaign, post URL; a rejection
    /// reason when the row names something no deal has (or a UTM value several deals share).
    func match(code: String?, link: String?, utmContent: String?, utmCampaign: String?, postURL: String?) -> Result<Match, RowRejection> {
        if let code = code.map(Self.code), !code.isEmpty {
            guard let deal = codes[code] else { return .failure(RowRejection(reason: "no deal has the discount code \"\(code)\".")) }
            return .success(Match(dealID: deal, key: "code:" + code))
        }
        var content = utmContent.map(ResultLink.utmValue)
        var campaign = utmCampaign.map(ResultLink.utmValue)
        if let link, !link.trimmingWhitespace().isEmpty {
            guard let key = ResultLink.normalise(link, keepingUTM: true) else { return .failure(RowRejection(reason: "\"\(link)\" is not a link.")) }
            if let deals = links[key] {
                guard deals.count == 1, let deal = deals.first else {
                    return .failure(RowRejection(reason: "\(deals.count) deals have the tracking link \(key); import by code instead."))
                }
                return .success(Match(dealID: deal, key: "link:" + key))
            }
            content = content ?? ResultLink.utm("utm_content", in: link)
            campaign = campaign ?? ResultLink.utm("utm_campaign", in: link)
            if content == nil && campaign == nil { return .failure(RowRejection(reason: "no deal has the tracking link \(key).")) }
        }
        if let content, !content.isEmpty, let found = unique(contents[content], "utm_content", content) { return found }
        if let campaign, !campaign.isEmpty, let found = unique(campaigns[campaign], "utm_campaign", campaign) { return found }
        if let postURL, !postURL.trimmingWhitespace().isEmpty {
            guard let key = ResultLink.normalise(postURL) else { return .failure(RowRejection(reason: "\"\(postURL)\" is not a link.")) }
            guard let (deal, item) = posts[key] else { return .failure(RowRejection(reason: "no deliverable's live URL is \(key).")) }
            return .success(Match(dealID: deal, deliverableID: item, key: "post:" + key))
        }
        let named = [content.map { "utm_content \"\($0)\"" }, campaign.map { "utm_campaign \"\($0)\"" }].compactMap { $0 }
        if !named.isEmpty { return .failure(RowRejection(reason: "no deal's tracking link has " + named.joined(separator: " or ") + ".")) }
        return .failure(RowRejection(reason: "the row has no discount code, link, UTM value or post URL to match."))
    }

    /// The one deal a UTM value names; nil (try the next key) when none does, a rejection when several do.
    private func unique(_ deals: Set<RecordID>?, _ name: String, _ value: String) -> Result<Match, RowRejection>? {
        guard let deals, !deals.isEmpty else { return nil }
        guard deals.count == 1, let deal = deals.first else {
            return .failure(RowRejection(reason: "\(name) \"\(value)\" is in \(deals.count) deals' links; import by code or utm_content instead."))
        }
        return .success(Match(dealID: deal, key: "utm:\(name)=\(value)"))
    }
}
