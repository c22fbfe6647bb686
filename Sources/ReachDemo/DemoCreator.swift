import Foundation
import ReachCore

/// How trustworthy a demo creator's figures are: fresh, older than the stale limit, or only estimated.
enum DemoMetricQuality: Sendable {
    case fresh, stale, estimate
}

/// The hand-written (or generated) facts about one demo creator; `DemoCreatorFactory` fills in the numbers.
struct DemoCreatorSpec: Sendable {
    var displayName: String
    var realName: String?
    var firstName: String?
    /// ISO 3166 alpha-2.
    var country: String
    var city: String
    var languages: [String]
    var timeZone: String
    var niches: [Niche]
    var tags: [String] = []
    /// Platform, handle, followers; the first is the main account.
    var accounts: [(Platform, String, Int)]
    var relationship: RelationshipStatus = .prospect
    var doNotContactReason: String?
    var agent: AgentContact?
    var notes: String?
    var metrics: DemoMetricQuality = .fresh
    var rating: CreatorRating?
    /// Vetting found a problem (e.g. bought followers): verdict rejected with the reason on the failed check.
    var vettingFailure: (VettingCheck, String)?

    var mainHandle: String { Handle.normalise(accounts.first?.1 ?? displayName) }
}

/// Turns specs into complete `Influencer` records: contact, dated metric snapshots, audience, vetting and rate card.
enum DemoCreatorFactory {
    static let owners = ["Marta Kalniņa", "Tom Becker", "Aiko Mori", "Sam Okafor", "Chen Lu"]

    private static let euCountries: Set<String> = ["LV", "FR", "DE", "ES", "IT", "NL", "SE", "DK", "IE", "CZ", "PL", "PT", "FI", "EE", "LT", "AT", "BE"]

    static func make(_ spec: DemoCreatorSpec, now: Date, rng: inout DemoRandom) -> Influencer {
        let createdAt = now.addingTimeInterval(-Double(rng.int(40...420)) * 86_400 - Double(rng.int(0...86_000)))
        let accounts = spec.accounts.enumerated().map { index, account in
            makeAccount(account.0, handle: account.1, followers: account.2, isMain: index == 0, quality: spec.metrics, now: now, rng: &rng)
        }
        let followers = spec.accounts.first?.2 ?? 0
        let tier = TierThresholds.standard.tier(forFollowers: followers)
        var influencer = Influencer(
            id: rng.recordID(at: createdAt), createdAt: createdAt,
            displayName: spec.displayName, realName: spec.realName, firstName: spec.firstName,
            contact: contact(spec, rng: &rng), agent: spec.agent,
            country: spec.country, city: spec.city, languages: spec.languages, timeZone: spec.timeZone,
            tags: spec.tags, niches: spec.niches, notes: spec.notes,
            relationship: spec.relationship, doNotContact: spec.doNotContactReason != nil, doNotContactReason: spec.doNotContactReason,
            accounts: accounts, audience: audience(spec, tier: tier, now: now, rng: &rng),
            vetting: vetting(spec, tier: tier, now: now, rng: &rng),
            rateCard: rateCard(spec, now: now, rng: &rng), rating: spec.rating,
            consent: euCountries.contains(spec.country) || spec.country == "NO" || spec.country == "GB"
                ? DataConsent(source: rng.pick(["public profile", "inbound form", "agency list", "referral"]),
                              consentAt: createdAt, lawfulBasis: "legitimate interest",
                              note: "Business contact data only; erase on request (GDPR Art. 17).")
                : DataConsent(source: rng.pick(["public profile", "agency list", "referral"])))
        influencer.updatedAt = min(now, createdAt.addingTimeInterval(Double(rng.int(1...30)) * 86_400))
        return influencer
    }

    // MARK: Parts

    private static func contact(_ spec: DemoCreatorSpec, rng: inout DemoRandom) -> ContactInfo {
        let local = TextFolding.fold(spec.mainHandle).filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }
        let domain: String
        var other: String?
        switch spec.country {
        case "JP": domain = rng.pick(["gmail.com", "yahoo.co.jp", "icloud.com"]); other = "LINE: \(local)"
        case "CN": domain = rng.pick(["qq.com", "163.com", "outlook.com"]); other = "WeChat: \(local)_wx"
        case "UZ": domain = rng.pick(["gmail.com", "mail.ru"]); other = "Telegram: @\(local)"
        case "GE": domain = "gmail.com"; other = "WhatsApp"
        case "LV": domain = rng.pick(["inbox.lv", "gmail.com"]); other = rng.chance(0.5) ? "Telegram: @\(local)" : nil
        default: domain = rng.pick(["gmail.com", "outlook.com", "icloud.com", "proton.me"])
        }
        let prefixes: [String: String] = ["LV": "+371", "NO": "+47", "FR": "+33", "DE": "+49", "ES": "+34", "GB": "+44", "US": "+1",
                                          "JP": "+81", "CN": "+86", "UZ": "+998", "GE": "+995", "IE": "+353", "NL": "+31", "IT": "+39"]
        let phone = rng.chance(0.6) ? prefixes[spec.country].map { "\($0) \(rng.int(200...999)) \(rng.int(100...999)) \(rng.int(100...999))" } : nil
        return ContactInfo(email: "\(local.isEmpty ? "creator" : local)@\(domain)", phone: phone, other: other)
    }

    static func makeAccount(_ platform: Platform, handle: String, followers: Int, isMain: Bool, quality: DemoMetricQuality,
                            now: Date, rng: inout DemoRandom) -> PlatformAccount {
        let tier = TierThresholds.standard.tier(forFollowers: followers)
        let erRange: ClosedRange<Double>
        switch tier {
        case .nano: erRange = 4.0...9.5
        case .micro: erRange = 2.4...6.5
        case .macro: erRange = 1.2...3.6
        case .mega: erRange = 0.5...2.0
        }
        let er = (rng.double(erRange) * (platform == .linkedin ? 0.6 : platform == .tiktok ? 1.4 : 1) * 100).rounded() / 100
        let latestAge: Double
        let source: MetricSource
        switch quality {
        case .fresh: latestAge = Double(rng.int(1...24)); source = rng.chance(0.3) ? .imported : .manual
        case .stale: latestAge = Double(rng.int(38...140)); source = .manual
        case .estimate: latestAge = Double(rng.int(3...50)); source = .estimate
        }
        let videoFirst: Set<Platform> = [.youtube, .tiktok, .douyin, .twitch, .podcast]
        var snapshots: [MetricSnapshot] = []
        let history = rng.int(1...3)
        for step in 0..<history {
            // Older snapshots show a smaller, growing account.
            let age = latestAge + Double(step) * Double(rng.int(45...120))
            let count = Int(Double(followers) * pow(rng.double(0.86...0.97), Double(step)))
            snapshots.append(MetricSnapshot(
                asOf: now.addingTimeInterval(-age * 86_400), source: step == 0 ? source : .manual,
                followers: count,
                avgViews: videoFirst.contains(platform) || rng.chance(0.4) ? Int(Double(count) * rng.double(0.05...0.45)) : nil,
                engagementRate: min(99, max(0.1, ((er + rng.double(-0.4...0.4) * Double(step)) * 100).rounded() / 100)),
                postsPerWeek: (rng.double(0.5...7) * 2).rounded() / 2,
                note: step == 0 && source == .estimate ? "Estimated from public profile; ask for insights screenshots" : nil))
        }
        return PlatformAccount(id: rng.uuid(), platform: platform, handle: handle, url: profileURL(platform, handle: Handle.normalise(handle)),
                               isMain: isMain, snapshots: snapshots.reversed())
    }

    static func profileURL(_ platform: Platform, handle h: String) -> String? {
        switch platform {
        case .instagram: return "https://www.instagram.com/\(h)/"
        case .tiktok: return "https://www.tiktok.com/@\(h)"
        case .youtube: return "https://www.youtube.com/@\(h)"
        case .facebook: return "https://www.facebook.com/\(h)"
        case .x: return "https://x.com/\(h)"
        case .linkedin: return "https://www.linkedin.com/in/\(h)"
        case .twitch: return "https://www.twitch.tv/\(h)"
        case .pinterest: return "https://www.pinterest.com/\(h)/"
        case .snapchat: return "https://www.snapchat.com/add/\(h)"
        case .douyin: return "https://www.douyin.com/user/\(h)"
        case .weibo: return "https://weibo.com/\(h)"
        case .xiaohongshu: return "https://www.xiaohongshu.com/user/profile/\(h)"
        case .blog: return "https://\(h).blog"
        case .podcast: return "https://podcasts.apple.com/podcast/\(h)"
        case .newsletter: return "https://\(h).substack.com"
        default: return nil  // WeChat official accounts have no public profile URL
        }
    }

    private static func audience(_ spec: DemoCreatorSpec, tier: Tier, now: Date, rng: inout DemoRandom) -> Audience? {
        if spec.relationship == .prospect && rng.chance(0.3) { return nil }  // not asked for insights yet
        let home = tier == .nano ? rng.double(60...85) : rng.double(35...72)
        let neighbours: [String: [String]] = [
            "LV": ["LT", "EE", "GB", "DE"], "NO": ["SE", "DK", "GB", "US"], "FR": ["BE", "CH", "CA", "MA"], "DE": ["AT", "CH", "NL"],
            "ES": ["MX", "AR", "US", "CO"], "GB": ["US", "IE", "AU"], "US": ["CA", "GB", "AU"], "JP": ["TW", "US", "KR"],
            "CN": ["TW", "HK", "SG", "MY"], "UZ": ["KZ", "RU", "TJ", "KG"], "GE": ["RU", "UA", "AM", "TR"], "IE": ["GB", "US"],
        ]
        var rest = 100 - home
        var countries = [AudienceShare(spec.country, (home * 10).rounded() / 10)]
        for other in (neighbours[spec.country] ?? ["US", "GB", "DE"]).prefix(3) {
            let share = (rest * rng.double(0.25...0.55) * 10).rounded() / 10
            countries.append(AudienceShare(other, share))
            rest -= share
        }
        let young = spec.niches.contains("gaming") || spec.tags.contains("gen z")
        let business = spec.niches.contains("business & finance") || spec.niches.contains("tech")
        let bands: [(String, ClosedRange<Double>)] = young
            ? [("13-17", 18...30), ("18-24", 35...50), ("25-34", 12...25), ("35-44", 2...8)]
            : business ? [("18-24", 5...12), ("25-34", 35...45), ("35-44", 25...35), ("45-54", 8...15)]
            : [("18-24", 15...30), ("25-34", 30...42), ("35-44", 15...25), ("45+", 5...12)]
        var ageBands = bands.map { AudienceShare($0.0, (rng.double($0.1) * 10).rounded() / 10) }
        let total = ageBands.map(\.percent).reduce(0, +)
        if total > 100 { ageBands = ageBands.map { AudienceShare($0.key, (($0.percent / total * 100 * 10).rounded(.down)) / 10) } }
        let femaleLeaning = spec.niches.contains { ["skincare", "fashion & beauty", "parenting"].contains($0.rawValue) }
        let female = femaleLeaning ? rng.double(70...92) : business ? rng.double(30...48) : rng.double(40...62)
        let other = rng.double(0.5...2.5)
        return Audience(
            topCountries: countries, ageBands: ageBands,
            gender: GenderSplit(female: (female * 10).rounded() / 10, male: ((100 - female - other) * 10).rounded() / 10,
                                other: (other * 10).rounded() / 10),
            interests: spec.niches.map(\.rawValue) + spec.tags.prefix(2),
            targetMarketShare: (home * 10).rounded() / 10,
            asOf: now.addingTimeInterval(-Double(rng.int(5...90)) * 86_400),
            source: rng.pick([.manual, .imported, .estimate]))
    }

    private static func vetting(_ spec: DemoCreatorSpec, tier: Tier, now: Date, rng: inout DemoRandom) -> Vetting {
        var vetting = Vetting()
        if let (check, reason) = spec.vettingFailure {
            for c in VettingCheck.allCases { vetting.set(c, c == check ? .fail : .pass) }
            vetting.set(check, .fail, note: reason)
            vetting.verdict = .rejected
            vetting.score = rng.int(18...42)
            vetting.notes = reason
        } else if spec.relationship == .prospect {
            // Part-way through: some checks done, the rest unknown.
            for c in VettingCheck.allCases.prefix(rng.int(0...5)) { vetting.set(c, .pass) }
            vetting.verdict = .pending
            return vetting
        } else {
            let doubtful = rng.chance(0.25) ? rng.pick([VettingCheck.disclosureHabits, .postingRegularity, .competitorConflicts]) : nil
            for c in VettingCheck.allCases { vetting.set(c, c == doubtful ? .fail : .pass) }
            if let doubtful {
                let notes: [VettingCheck: String] = [
                    .disclosureHabits: "Two older posts without #ad; brief must insist on disclosure.",
                    .postingRegularity: "Gaps of 3–4 weeks between posts this spring.",
                    .competitorConflicts: "Promoted a competitor 5 months ago; exclusivity clause needed.",
                ]
                vetting.set(doubtful, .fail, note: notes[doubtful])
                vetting.verdict = .approvedWithReservations
                vetting.score = rng.int(58...74)
                vetting.notes = notes[doubtful]
            } else {
                vetting.verdict = .approved
                vetting.score = rng.int(72...96)
                vetting.notes = rng.pick(["Audience matches; comments are genuine and on topic.", "Consistent style, strong saves on tutorials.",
                                          "Clean brand-safety check; good disclosure habits.", "Engaged community, replies to most comments."])
            }
            vetting.set(.audienceFit, .pass, note: "\(spec.country) audience share checked in insights")
        }
        vetting.vettedAt = now.addingTimeInterval(-Double(rng.int(10...200)) * 86_400)
        vetting.vettedBy = rng.pick(owners)
        return vetting
    }

    private static func rateCard(_ spec: DemoCreatorSpec, now: Date, rng: inout DemoRandom) -> RateCard {
        if spec.relationship == .prospect && rng.chance(0.5) { return RateCard() }  // rates not asked yet
        let currency = DemoMoney.currency(forCountry: spec.country)
        var entries: [RateCardEntry] = []
        for (platform, _, followers) in spec.accounts.prefix(3) {
            // Rough market: USD 500–2,000 per 100k followers for a feed post.
            let base = max(40, Double(followers) / 100_000 * rng.double(600...1_800))
            for (type, factor) in contentTypes(for: platform) {
                entries.append(RateCardEntry(platform: platform, contentType: type, price: DemoMoney.around(usd: base * factor, in: currency)))
            }
        }
        return RateCard(entries: entries, quotedAt: now.addingTimeInterval(-Double(rng.int(7...180)) * 86_400))
    }

    /// What a creator sells on a platform, with a price factor relative to a feed post.
    static func contentTypes(for platform: Platform) -> [(ContentType, Double)] {
        switch platform {
        case .instagram: return [(.feedPost, 1), (.reel, 1.3), (.story, 0.4), (.carousel, 1.1)]
        case .tiktok, .douyin: return [(.video, 1.2), (.liveStream, 1.8)]
        case .youtube: return [(.video, 2.5), (.reel, 0.8)]
        case .twitch: return [(.liveStream, 1.6)]
        case .linkedin, .facebook, .x, .weibo: return [(.feedPost, 0.9)]
        case .xiaohongshu, .pinterest: return [(.feedPost, 1), (.carousel, 1.2)]
        case .wechat: return [(.blogArticle, 1.5)]
        case .blog: return [(.blogArticle, 1.4)]
        case .podcast: return [(.podcastMention, 1.2)]
        case .newsletter: return [(.newsletterMention, 1)]
        case .snapchat: return [(.story, 0.6)]
        default: return [(.feedPost, 1)]
        }
    }
}
