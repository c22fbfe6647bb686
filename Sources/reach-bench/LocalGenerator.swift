import Foundation
import ReachCore

/// A stand-in for `DemoData.make` until it lands in ReachCore: N influencers with two deals each,
/// realistic names in several scripts, accounts with metrics, and a few campaigns of very different sizes.
/// Deterministic for a given seed. Delete this file when DemoData is available.
enum LocalGenerator {
    /// One script's names, with romanised forms for handles, and where such creators live.
    private struct Locale {
        var first: [(String, String)]
        var last: [(String, String)]
        var familyNameFirst: Bool
        var country: String
        var cities: [String]
        var language: String
        var timeZone: String
        var currency: CurrencyCode
    }

    private static let locales: [Locale] = [
        Locale(first: [("Līga", "liga"), ("Jānis", "janis"), ("Ēriks", "eriks"), ("Ilze", "ilze"), ("Kārlis", "karlis"), ("Zane", "zane"), ("Māra", "mara"), ("Ģirts", "girts")],
               last: [("Bērziņa", "berzina"), ("Kalniņš", "kalnins"), ("Ozoliņa", "ozolina"), ("Liepiņš", "liepins"), ("Krūmiņa", "krumina"), ("Vītols", "vitols")],
               familyNameFirst: false, country: "LV", cities: ["Rīga", "Liepāja", "Cēsis"], language: "lv", timeZone: "Europe/Riga", currency: .eur),
        Locale(first: [("ნინო", "nino"), ("გიორგი", "giorgi"), ("თამარ", "tamar"), ("ლევან", "levan"), ("ანა", "ana"), ("დავით", "davit")],
               last: [("ბერიძე", "beridze"), ("მამალაძე", "mamaladze"), ("კაპანაძე", "kapanadze"), ("გელაშვილი", "gelashvili")],
               familyNameFirst: false, country: "GE", cities: ["Tbilisi", "Batumi"], language: "ka", timeZone: "Asia/Tbilisi", currency: .gel),
        Locale(first: [("さくら", "sakura"), ("はると", "haruto"), ("美咲", "misaki"), ("健太", "kenta"), ("陽菜", "hina"), ("蓮", "ren")],
               last: [("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"), ("伊藤", "ito")],
               familyNameFirst: true, country: "JP", cities: ["東京", "大阪", "Fukuoka"], language: "ja", timeZone: "Asia/Tokyo", currency: .jpy),
        Locale(first: [("娜", "na"), ("芳", "fang"), ("伟", "wei"), ("洋", "yang"), ("静", "jing"), ("磊", "lei")],
               last: [("李", "li"), ("王", "wang"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen")],
               familyNameFirst: true, country: "CN", cities: ["上海", "Chengdu", "深圳"], language: "zh", timeZone: "Asia/Shanghai", currency: .cny),
        Locale(first: [("Ingrid", "ingrid"), ("Ola", "ola"), ("Kari", "kari"), ("Søren", "soren"), ("Åse", "ase"), ("Bjørn", "bjorn")],
               last: [("Hansen", "hansen"), ("Johansen", "johansen"), ("Ødegård", "odegard"), ("Larsen", "larsen"), ("Berg", "berg")],
               familyNameFirst: false, country: "NO", cities: ["Oslo", "Bergen", "Tromsø"], language: "nb", timeZone: "Europe/Oslo", currency: .nok),
        Locale(first: [("Emma", "emma"), ("Liam", "liam"), ("Olivia", "olivia"), ("Noah", "noah"), ("Sofía", "sofia"), ("Mateo", "mateo"), ("Zoë", "zoe")],
               last: [("Smith", "smith"), ("García", "garcia"), ("Brown", "brown"), ("Müller", "muller"), ("López", "lopez"), ("O'Neill", "oneill")],
               familyNameFirst: false, country: "US", cities: ["Austin", "New York", "San José"], language: "en", timeZone: "America/Chicago", currency: .usd),
        Locale(first: [("Анна", "anna"), ("Дмитрий", "dmitriy"), ("Мария", "mariya"), ("Иван", "ivan"), ("Алия", "aliya")],
               last: [("Иванова", "ivanova"), ("Смирнов", "smirnov"), ("Кузнецова", "kuznetsova"), ("Ахметов", "akhmetov")],
               familyNameFirst: false, country: "KZ", cities: ["Almaty", "Astana"], language: "ru", timeZone: "Asia/Almaty", currency: .usd),
    ]

    private static let platforms: [Platform] = [.instagram, .instagram, .instagram, .tiktok, .tiktok, .youtube, .x, .twitch, .blog]
    private static let tags = ["vip", "eu", "q3-shortlist", "ugc", "gifted-2025", "fast-reply", "agency", "video-first", "returning"]
    private static let emoji = ["✨", "🌿", "🎮", "📸", "☕️", "🏔️"]
    private static let brands: [(String, String, CurrencyCode)] = [
        ("Spring Glow 2026", "Lumen Skincare", .eur), ("Trail Season", "Fjellsport", .eur), ("Launch: Serum X", "Lumen Skincare", .usd),
        ("Holiday Gifting", "Kafija & Co", .eur), ("Back to School", "Pixelwerk", .gbp), ("Summer Tour", "Nomad Bags", .usd),
        ("Always-on Ambassadors", "Lumen Skincare", .eur), ("Tokyo Pop-up", "Pixelwerk", .usd),
    ]
    /// Share of all deals each campaign gets: one dominant campaign, a long tail.
    private static let campaignWeights = [40, 15, 12, 10, 8, 7, 5, 3]

    static func make(count: Int, seed: UInt64, now: Date) -> LoadedData {
        var rng = SplitMix64(seed: seed)
        let day: TimeInterval = 86_400
        let settings = WorkspaceSettings(currencyRates: rates(asOf: now.addingTimeInterval(-10 * day)))
        var campaigns: [Campaign] = []
        for (index, (name, brand, currency)) in brands.enumerated() {
            let created = now.addingTimeInterval(-Double(200 - index * 20) * day)
            var campaign = Campaign(id: RecordID.generate(at: created, using: &rng), createdAt: created, name: name, brand: brand,
                                    owner: ["dace", "tom", "mika"][index % 3], status: index < 6 ? .active : .planning,
                                    startDate: created.addingTimeInterval(14 * day), endDate: created.addingTimeInterval(120 * day),
                                    goals: [.awareness, .sales], budget: Money(major: Int64(20_000 + index * 35_000), currency: currency))
            campaign.kpiTargets = KPITargets(reach: 5_000_000, views: 2_000_000, engagementRate: 3.5, clicks: 40_000,
                                             conversions: 2_000, cpm: Money(major: 12, currency: currency), roi: 150)
            campaign.utmTemplate = "https://example.com/p?utm_source={platform}&utm_campaign={campaign}&utm_content={handle}"
            campaigns.append(campaign)
        }
        var influencers: [Influencer] = []
        var deals: [Deal] = []
        influencers.reserveCapacity(count)
        deals.reserveCapacity(count * 2)
        for index in 0..<count {
            let influencer = makeInfluencer(index, now: now, rng: &rng)
            influencers.append(influencer)
            // Two deals each, in two different campaigns.
            let first = rng.weighted(campaignWeights)
            var second = first
            while second == first { second = rng.weighted(campaignWeights) }
            for campaignIndex in [first, second] {
                deals.append(makeDeal(influencer, campaigns[campaignIndex], now: now, rng: &rng))
            }
        }
        return LoadedData(influencers: influencers, campaigns: campaigns, deals: deals, settings: settings)
    }

    private static func makeInfluencer(_ index: Int, now: Date, rng: inout SplitMix64) -> Influencer {
        let locale = locales[rng.below(locales.count)]
        let first = locale.first[rng.below(locale.first.count)]
        let last = locale.last[rng.below(locale.last.count)]
        var name = locale.familyNameFirst ? last.0 + first.0 : first.0 + " " + last.0
        if rng.below(20) == 0 { name += " " + emoji[rng.below(emoji.count)] }
        let created = now.addingTimeInterval(-Double(rng.below(900) + 1) * 86_400)
        let handleBase = "\(first.1)\(["", ".", "_"][rng.below(3)])\(last.1)\(index % 1000)"
        var influencer = Influencer(
            id: RecordID.generate(at: created, using: &rng), createdAt: created, displayName: name,
            realName: locale.familyNameFirst ? last.0 + " " + first.0 : first.0 + " " + last.0,
            contact: ContactInfo(email: "\(first.1).\(last.1)\(index)@example.com"),
            country: locale.country, city: locale.cities[rng.below(locale.cities.count)],
            languages: [locale.language, "en"], timeZone: locale.timeZone,
            tags: (0..<rng.below(3)).map { _ in tags[rng.below(tags.count)] },
            niches: [Niche.suggested[rng.below(Niche.suggested.count)]],
            relationship: RelationshipStatus.allCases[rng.below(5)])
        if rng.below(10) == 0 { influencer.notes = "Prefers email; replies within two days. Met at the \(locale.cities[0]) meetup." }
        if rng.below(8) == 0 {
            influencer.agent = AgentContact(name: "Agent \(last.1.capitalized)", agency: "Talent House \(locale.country)",
                                            contact: ContactInfo(email: "bookings@talent-\(locale.country.lowercased()).example"))
        }
        let accountCount = 1 + rng.below(3)
        var seen = Set<Platform>()
        for position in 0..<accountCount {
            let platform = platforms[rng.below(platforms.count)]
            guard seen.insert(platform).inserted else { continue }
            // Log-uniform followers between ~500 and ~5M.
            let followers = Int(500 * pow(10, Double(rng.below(4_000)) / 1_000))
            var snapshots: [MetricSnapshot] = []
            for age in [rng.below(60) + 1, rng.below(400) + 61].prefix(1 + rng.below(2)) {
                snapshots.append(MetricSnapshot(asOf: now.addingTimeInterval(-Double(age) * 86_400),
                                                source: age > 60 ? .imported : .manual,
                                                followers: followers - age * 3, avgViews: followers / 4,
                                                engagementRate: Double(rng.below(800)) / 100 + 0.4))
            }
            var account = PlatformAccount(platform: platform, handle: handleBase, url: "https://\(platform.rawValue).example/\(handleBase)",
                                          isMain: position == 0, snapshots: snapshots)
            account.id = rng.uuid()
            influencer.accounts.append(account)
        }
        influencer.vetting.verdict = VettingVerdict.allCases[rng.below(VettingVerdict.allCases.count)]
        influencer.vetting.score = rng.below(2) == 0 ? nil : rng.below(101)
        influencer.archived = rng.below(50) == 0
        return influencer
    }

    private static func makeDeal(_ influencer: Influencer, _ campaign: Campaign, now: Date, rng: inout SplitMix64) -> Deal {
        let day: TimeInterval = 86_400
        let pipeline = StagePipeline.default
        let stages = pipeline.stages.map(\.key)
        let created = now.addingTimeInterval(-Double(rng.below(120) + 1) * day)
        var deal = Deal(id: RecordID.generate(at: created, using: &rng), createdAt: created, influencerID: influencer.id,
                        campaignID: campaign.id, owner: campaign.owner, source: DealSource.allCases[rng.below(DealSource.allCases.count)])
        let stageIndex = rng.below(stages.count + 1)
        var when = created
        if stageIndex == stages.count {
            when = when.addingTimeInterval(Double(rng.below(10)) * day)
            deal.stage = .declined
            deal.exitReason = "Rate too high for this campaign"
            deal.stageHistory.append(StageChange(from: .prospect, to: .declined, at: when, reason: deal.exitReason))
        } else {
            for key in stages[1...max(1, stageIndex)] where stageIndex > 0 {
                when = min(now, when.addingTimeInterval(Double(rng.below(6) + 1) * day))
                deal.stageHistory.append(StageChange(from: deal.stage, to: key, at: when))
                deal.stage = key
            }
        }
        // Fees mostly in the campaign currency, sometimes in the creator's own.
        let feeCurrency: CurrencyCode = rng.below(4) == 0 ? ([.nok, .jpy, .usd, .gbp, .eur] as [CurrencyCode])[rng.below(5)] : campaign.reportingCurrency
        let fee = Money(major: Int64(150 + rng.below(40) * 50) * (feeCurrency == .jpy ? 150 : 1), currency: feeCurrency)
        let contracted = stageIndex >= 5 && stageIndex < stages.count
        if stageIndex >= 4 && stageIndex < stages.count {
            var offer = Offer(by: .them, amount: fee, note: "Initial quote", at: created.addingTimeInterval(day))
            offer.id = rng.uuid()
            deal.offers.append(offer)
        }
        if contracted {
            deal.agreedFee = fee
            deal.tracking = Tracking(discountCode: "\(influencer.accounts.first?.handle.uppercased().prefix(8) ?? "CODE")\(rng.below(100))")
            var deposit = Payment(kind: .deposit, amount: Money(minorUnits: fee.minorUnits / 2, currency: fee.currency),
                                  dueDate: created.addingTimeInterval(20 * day), status: .paid, paidAt: created.addingTimeInterval(21 * day))
            deposit.id = rng.uuid()
            var balance = Payment(kind: .balance, amount: Money(minorUnits: fee.minorUnits - fee.minorUnits / 2, currency: fee.currency),
                                  dueDate: created.addingTimeInterval(60 * day), status: stageIndex >= 9 ? .paid : .planned)
            balance.id = rng.uuid()
            deal.payments = [deposit, balance]
            let published = stageIndex >= 8
            for platform in influencer.accounts.prefix(1 + rng.below(2)).map(\.platform) {
                var deliverable = Deliverable(platform: platform, contentType: [.reel, .story, .video, .feedPost][rng.below(4)],
                                              count: 1 + rng.below(3), dueDate: created.addingTimeInterval(Double(30 + rng.below(40)) * day),
                                              status: published ? .live : (stageIndex == 7 ? .inReview : .draft))
                deliverable.id = rng.uuid()
                if published {
                    let reach = 1_000 + rng.below(200_000)
                    deliverable.results = DeliverableResults(
                        reach: reach, impressions: reach * 2, views: reach / 2, likes: reach / 20, comments: reach / 400,
                        shares: reach / 500, saves: reach / 300, clicks: reach / 100, codeUses: rng.below(50), conversions: rng.below(60),
                        revenue: Money(major: Int64(rng.below(5_000)), currency: campaign.reportingCurrency), asOf: now, source: .manual)
                }
                deal.deliverables.append(deliverable)
            }
        }
        for step in 0..<(1 + rng.below(3)) {
            var activity = Activity(at: created.addingTimeInterval(Double(step * 2) * day), channel: [.email, .dm, .call][rng.below(3)],
                                    direction: step % 2 == 0 ? .outbound : .inbound,
                                    summary: step == 0 ? "Sent the brief for \(campaign.name)" : "Talked rates and dates", author: campaign.owner)
            activity.id = rng.uuid()
            deal.activities.append(activity)
        }
        if !pipeline.isClosed(deal.stage) {
            deal.nextAction = NextAction(summary: "Follow up on the brief", due: now.addingTimeInterval(Double(rng.below(14)) * day - 7 * day),
                                         whoseMove: rng.below(2) == 0 ? .us : .them)
        }
        return deal
    }

    private static func rates(asOf: Date) -> CurrencyRates {
        let pairs: [(CurrencyCode, CurrencyCode, String)] = [
            (.eur, .usd, "1.0845"), (.eur, .gbp, "0.8571"), (.usd, .gbp, "0.7903"),
            (.nok, .eur, "0.0861"), (.nok, .usd, "0.0934"), (.nok, .gbp, "0.0738"),
            (.jpy, .eur, "0.0061"), (.jpy, .usd, "0.0066"), (.jpy, .gbp, "0.0052"),
        ]
        return CurrencyRates(rates: pairs.compactMap { from, to, text in
            Decimal(string: text).map { ExchangeRate(from: from, to: to, rate: $0, asOf: asOf, source: "ECB") }
        })
    }
}

/// A small, fast, seedable generator (SplitMix64) so the same seed always yields the same data folder.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// An index drawn with probability proportional to `weights`.
    mutating func weighted(_ weights: [Int]) -> Int {
        var pick = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if pick < weight { return index }
            pick -= weight
        }
        return weights.count - 1
    }

    mutating func uuid() -> UUID {
        let a = next(), b = next()
        return UUID(uuid: (UInt8(truncatingIfNeeded: a), UInt8(truncatingIfNeeded: a >> 8), UInt8(truncatingIfNeeded: a >> 16),
                           UInt8(truncatingIfNeeded: a >> 24), UInt8(truncatingIfNeeded: a >> 32), UInt8(truncatingIfNeeded: a >> 40),
                           UInt8(truncatingIfNeeded: a >> 48), UInt8(truncatingIfNeeded: a >> 56), UInt8(truncatingIfNeeded: b),
                           UInt8(truncatingIfNeeded: b >> 8), UInt8(truncatingIfNeeded: b >> 16), UInt8(truncatingIfNeeded: b >> 24),
                           UInt8(truncatingIfNeeded: b >> 32), UInt8(truncatingIfNeeded: b >> 40), UInt8(truncatingIfNeeded: b >> 48),
                           UInt8(truncatingIfNeeded: b >> 56)))
    }
}
