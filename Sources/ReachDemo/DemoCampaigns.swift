import Foundation
import ReachCore

/// One of the seven typical campaigns of the domain brief, with everything deals in it share (package, terms, currency).
struct DemoCampaignArchetype: Sendable {
    var key: String
    var name: String
    var brand: String
    var product: String
    var currency: CurrencyCode
    var budgetMajor: Int64
    var goals: Set<CampaignGoal>
    var funnel: FunnelStage
    var audience: TargetAudience
    /// The standard deliverables of one deal: platform, content type, count.
    var package: [(Platform, ContentType, Int)]
    var compensation: Compensation
    var partnership: PartnershipType
    var pricing: Pricing
    var paymentMethod: String
    var paymentSchedule: String
    /// Share of the fee paid on signing; the rest is the balance after publishing.
    var depositFraction: Double
    var governingLaw: String
    var disclosure: String
    var usageRights: UsageRights
    var exclusivityScope: String?
    var competitors: [String]
    var whitelistingDays: Int?
    /// Discount codes are the creator's name plus this ("LIGA15"); nil when the campaign tracks by link only.
    var codeSuffix: String?
    var brief: CampaignBrief
    var utmTemplate: String?
    /// Niches and countries of creators who fit (used to match generated creators).
    var niches: [Niche]
    var countries: [String]
    /// Average order value in USD for revenue figures; leads (B2B) have none.
    var orderValueUSD: Double?
    /// Fee multiplier relative to the creator's rate for the package (B2B and China pay more).
    var feeFactor: Double

    /// The campaign record with dates relative to `now`.
    func campaign(id: RecordID, createdAt: Date, name: String, status: CampaignStatus, start: Date, end: Date, owner: String,
                  budgetMajor: Int64, notes: String? = nil) -> Campaign {
        let budget = Money(major: budgetMajor, currency: currency)
        // Targets scale with the budget's dollar value: roughly USD 12 CPM and USD 20–45 per conversion or lead.
        let usd = DemoMoney.usdValue(of: budget)
        let kpis = KPITargets(
            reach: Int(usd * 55), impressions: Int(usd * 80), views: Int(usd * 30), engagements: Int(usd * 2.5),
            engagementRate: goals.contains(.awareness) ? 2.5 : 3.5, clicks: Int(usd * 0.5),
            conversions: Int(usd * (orderValueUSD == nil ? 0.02 : 0.03)),
            revenue: orderValueUSD == nil ? nil : Money(major: budgetMajor * 3, currency: currency),
            cpm: DemoMoney.around(usd: 12, in: currency),
            cpa: DemoMoney.around(usd: orderValueUSD == nil ? 45 : 25, in: currency),
            roi: orderValueUSD == nil ? nil : 150)
        return Campaign(
            id: id, createdAt: createdAt, name: name, brand: brand, product: product, owner: owner, status: status,
            startDate: start, endDate: end, goals: goals, funnelStage: funnel, targetAudience: audience, budget: budget,
            brief: brief, kpiTargets: kpis, utmTemplate: utmTemplate, notes: notes)
    }

    static let all: [DemoCampaignArchetype] = [serum, genZ, travel, foodJapan, fashionEU, b2b, china]

    static let serum = DemoCampaignArchetype(
        key: "serum", name: "Rétinol Nuit serum launch", brand: "Lumière Lab", product: "Rétinol Nuit anti-ageing serum 30 ml",
        currency: .eur, budgetMajor: 60_000, goals: [.sales, .productLaunch], funnel: .conversion,
        audience: TargetAudience(countries: ["FR", "DE", "ES", "LV", "NO", "SE"], languages: ["fr", "de", "es", "en"],
                                 ageRange: "28-45", gender: "female", interests: ["skincare", "anti-ageing", "clean beauty"]),
        package: [(.instagram, .reel, 1), (.instagram, .story, 3), (.tiktok, .video, 1)],
        compensation: .paid, partnership: .oneOff, pricing: Pricing(model: .flatFee),
        paymentMethod: "bank transfer (SEPA)", paymentSchedule: "50% on signing, 50% within 14 days of publishing", depositFraction: 0.5,
        governingLaw: "France", disclosure: "\"Publicité\" / #ad in the first line and the platform's paid-partnership label",
        usageRights: UsageRights(organic: true, paidAds: false, durationDays: 90, territories: ["EU"]),
        exclusivityScope: "anti-ageing serums, EU", competitors: ["The Ordinary", "La Roche-Posay"], whitelistingDays: nil,
        codeSuffix: "15",
        brief: CampaignBrief(
            keyMessage: "Visible results in 4 weeks with encapsulated retinol that is gentle enough for every night.",
            dos: ["Show your real evening routine", "Mention the 4-week before/after", "Say it is fragrance-free"],
            donts: ["No medical claims (\"cures\", \"removes wrinkles\")", "No filters on skin close-ups", "No competitor products in frame"],
            brandVoice: "Calm, expert, honest — a friend who knows skincare.",
            callToAction: "Use your code for 15% off your first order", link: "https://lumierelab.example/retinol-nuit",
            discountCodePolicy: "One code per creator, 15% off, valid 30 days after posting",
            deliverablesSummary: "1 Instagram reel, 3 stories with link sticker, 1 TikTok video",
            timeline: "Drafts 7 days before posting; posts in launch weeks 1–3", approvalProcess: "Up to 2 rounds of feedback within 48 h",
            disclosureRule: "#ad / Publicité in the first line (EU rules), paid-partnership label on",
            paymentTerms: "50% on signing, 50% within 14 days of publishing", reportingRequired: "Insights screenshots 7 days after posting"),
        utmTemplate: "https://lumierelab.example/retinol-nuit?utm_source={platform}&utm_medium=influencer&utm_campaign={campaign}&utm_content={handle}",
        niches: ["skincare", "fashion & beauty"], countries: ["FR", "DE", "ES", "LV", "NO", "SE", "IT", "NL"], orderValueUSD: 52, feeFactor: 1)

    static let genZ = DemoCampaignArchetype(
        key: "genz", name: "Dewy Days Gen Z TikTok", brand: "Bloomi", product: "Dewy Days gel cleanser + SPF 50 moisturiser",
        currency: .gbp, budgetMajor: 12_000, goals: [.sales, .ugc, .followerGrowth], funnel: .consideration,
        audience: TargetAudience(countries: ["GB", "IE", "US"], languages: ["en"], ageRange: "16-24", interests: ["skincare", "acne", "GRWM"]),
        package: [(.tiktok, .video, 2)],
        compensation: .affiliate, partnership: .series, pricing: Pricing(model: .commission, commissionPercent: 15),
        paymentMethod: "PayPal", paymentSchedule: "Commission paid monthly on attributed sales", depositFraction: 0,
        governingLaw: "England and Wales", disclosure: "#ad and #gifted in caption, TikTok branded-content toggle on",
        usageRights: UsageRights(organic: true, paidAds: true, durationDays: 60, territories: ["GB", "IE"]),
        exclusivityScope: nil, competitors: [], whitelistingDays: 30,
        codeSuffix: "DEWY",
        brief: CampaignBrief(
            keyMessage: "Skincare that is kind to breakouts and to your budget.",
            dos: ["Film it your way: GRWM, routine, honest review", "Show the texture", "Tag @bloomi"],
            donts: ["No before/after claims on acne", "No duets with other brands' ads"],
            brandVoice: "Playful, real, never preachy.", callToAction: "15% off with your code, link in bio",
            link: "https://bloomi.example/dewy", discountCodePolicy: "Personal code, 15% off, commission 15% of sales",
            deliverablesSummary: "2 TikTok videos (one GRWM, one honest review)", timeline: "First video within 10 days of receiving the kit",
            approvalProcess: "Quick check of the first draft only", disclosureRule: "#ad #gifted (ASA/CAP code); FTC rules for US creators",
            paymentTerms: "Gifted kit + 15% commission, paid monthly", reportingRequired: "Views and link clicks after 14 days"),
        utmTemplate: "https://bloomi.example/dewy?utm_source=tiktok&utm_medium=creator&utm_campaign={campaign}&utm_content={code}",
        niches: ["skincare", "fashion & beauty", "lifestyle"], countries: ["GB", "IE", "US"], orderValueUSD: 28, feeFactor: 0.6)

    static let travel = DemoCampaignArchetype(
        key: "travel", name: "Nordlys winter routes", brand: "Nordlys Reiser", product: "Northern-lights and Silk Road small-group tours",
        currency: .nok, budgetMajor: 450_000, goals: [.awareness, .sales], funnel: .awareness,
        audience: TargetAudience(countries: ["NO", "DE", "GB", "FR", "GE", "UZ"], languages: ["en", "nb", "de"], ageRange: "25-55",
                                 interests: ["travel", "adventure", "photography"]),
        package: [(.youtube, .video, 1), (.instagram, .carousel, 1), (.instagram, .story, 4)],
        compensation: .paid, partnership: .oneOff, pricing: Pricing(model: .package),
        paymentMethod: "bank transfer (IBAN)", paymentSchedule: "30% on signing, 70% after the video is live", depositFraction: 0.3,
        governingLaw: "Norway", disclosure: "\"Reklame\" / #ad at the start of the video and in the first line",
        usageRights: UsageRights(organic: true, paidAds: true, durationDays: 180, territories: ["NO", "SE", "DK", "DE", "GB"]),
        exclusivityScope: "tour operators, Nordics and Central Asia", competitors: ["Hurtigruten", "Intrepid"], whitelistingDays: nil,
        codeSuffix: "NORDLYS",
        brief: CampaignBrief(
            keyMessage: "Small groups, local guides, no tourist traps — from Tromsø's aurora to Samarkand's Registan.",
            dos: ["Long-form: at least 8 minutes of the trip", "Show the guide and the group", "Mention the booking link twice"],
            donts: ["No drone footage in restricted areas", "Do not promise aurora sightings"],
            brandVoice: "Warm, curious, respectful of local people.", callToAction: "Book with your code for NOK 1,000 off",
            link: "https://nordlys.example/winter", discountCodePolicy: "One code per creator, NOK 1,000 off tours over NOK 15,000",
            deliverablesSummary: "1 YouTube video (8+ min), 1 Instagram carousel, 4 stories", timeline: "Trip in the first month, video within 3 weeks",
            approvalProcess: "Rough cut reviewed within 3 working days", disclosureRule: "\"Reklame\" (Norwegian marketing act), #ad elsewhere",
            paymentTerms: "30% on signing, 70% after the video is live", reportingRequired: "YouTube analytics after 30 days"),
        utmTemplate: "https://nordlys.example/winter?utm_source={platform}&utm_medium=influencer&utm_campaign={campaign}&utm_content={handle}",
        niches: ["travel", "food & drink", "lifestyle"], countries: ["NO", "GE", "UZ", "DE", "FR", "GB", "LV"], orderValueUSD: 2_100, feeFactor: 1.2)

    static let foodJapan = DemoCampaignArchetype(
        key: "japan", name: "Gohan Go Japan launch", brand: "Gohan Go", product: "Food-delivery app (iOS/Android)",
        currency: .jpy, budgetMajor: 12_000_000, goals: [.awareness, .sales, .productLaunch], funnel: .conversion,
        audience: TargetAudience(countries: ["JP"], languages: ["ja"], ageRange: "20-39", interests: ["food", "ramen", "home delivery"]),
        package: [(.tiktok, .video, 1), (.instagram, .reel, 1), (.instagram, .story, 2)],
        compensation: .paid, partnership: .oneOff, pricing: Pricing(model: .flatFee),
        paymentMethod: "銀行振込 (domestic bank transfer, JPY)", paymentSchedule: "全額 end of the month after posting (月末締め翌月末払い)", depositFraction: 0,
        governingLaw: "Japan", disclosure: "#PR / #プロモーション at the start of the caption (Japan stealth-marketing rules, Oct 2023)",
        usageRights: UsageRights(organic: true, paidAds: true, durationDays: 90, territories: ["JP"]),
        exclusivityScope: "food-delivery apps, Japan", competitors: ["Uber Eats", "出前館 (Demae-can)", "Wolt"], whitelistingDays: 60,
        codeSuffix: "GOHAN",
        brief: CampaignBrief(
            keyMessage: "好きな店の味を、30分で。 Your favourite local restaurants in 30 minutes.",
            dos: ["Order live in the video and show the arrival time", "Feature a local restaurant", "Say the code clearly"],
            donts: ["Do not compare with named competitors", "No alcohol orders in the video"],
            brandVoice: "Friendly and casual (タメ口 OK), never pushy.", callToAction: "初回注文¥1,000オフ — ¥1,000 off the first order with your code",
            link: "https://gohango.example/jp", discountCodePolicy: "One code per creator, ¥1,000 off first order",
            deliverablesSummary: "1 TikTok video, 1 Instagram reel, 2 stories", timeline: "Posts in the 4 launch weeks",
            approvalProcess: "Japanese script checked by the local team before filming", disclosureRule: "#PR at the start (Japan stealth-marketing rules)",
            paymentTerms: "Month-end close, paid end of the following month", reportingRequired: "Views, saves and code uses after 14 days"),
        utmTemplate: "https://gohango.example/jp?utm_source={platform}&utm_medium=influencer&utm_campaign={campaign}&utm_content={code}",
        niches: ["food & drink", "lifestyle"], countries: ["JP"], orderValueUSD: 22, feeFactor: 1)

    static let fashionEU = DemoCampaignArchetype(
        key: "fashion", name: "Second Skin AW capsule", brand: "Verde Atelier", product: "Autumn/winter capsule in recycled wool",
        currency: .eur, budgetMajor: 80_000, goals: [.awareness, .reputation, .ugc], funnel: .consideration,
        audience: TargetAudience(countries: ["FR", "DE", "ES", "IT", "NL", "LV", "DK"], languages: ["fr", "de", "es", "it", "nl", "en"],
                                 ageRange: "25-40", interests: ["sustainable fashion", "slow living", "second-hand"]),
        package: [(.instagram, .reel, 1), (.instagram, .carousel, 1), (.tiktok, .video, 1)],
        compensation: .paid, partnership: .ambassador, pricing: Pricing(model: .package),
        paymentMethod: "bank transfer (SEPA)", paymentSchedule: "Quarterly: 25% per quarter, first on signing", depositFraction: 0.25,
        governingLaw: "Netherlands", disclosure: "#ad / #anzeige / #publicidad in the first line per country (EU UCPD, national rules)",
        usageRights: UsageRights(organic: true, paidAds: true, durationDays: 365, territories: ["EU"]),
        exclusivityScope: "apparel brands, EU, 6 months", competitors: ["Zara", "H&M", "Shein"], whitelistingDays: 90,
        codeSuffix: nil,
        brief: CampaignBrief(
            keyMessage: "Clothes made to last: recycled wool, repaired for free for life.",
            dos: ["Style each piece three ways", "Talk about the free repair service", "Show the care label"],
            donts: ["No \"eco-friendly\" or \"green\" claims without the certificate (EU Green Claims)", "No fast-fashion hauls for 6 months"],
            brandVoice: "Thoughtful, warm, a little witty.", callToAction: "Discover the capsule — link in bio",
            link: "https://verde-atelier.example/capsule", discountCodePolicy: "No discounts; ambassadors get a personal referral link",
            deliverablesSummary: "Per quarter: 1 reel, 1 carousel, 1 TikTok", timeline: "Launch 1 October, then quarterly",
            approvalProcess: "Concept then draft, 2 rounds", disclosureRule: "National disclosure wording per country; paid-partnership label on",
            paymentTerms: "25% per quarter", reportingRequired: "Quarterly insights incl. saves and profile visits"),
        utmTemplate: "https://verde-atelier.example/capsule?utm_source={platform}&utm_medium=ambassador&utm_campaign={campaign}&utm_content={handle}",
        niches: ["sustainability", "fashion & beauty"], countries: ["FR", "DE", "ES", "IT", "NL", "LV", "DK"], orderValueUSD: 180, feeFactor: 1.4)

    static let b2b = DemoCampaignArchetype(
        key: "b2b", name: "Close the books faster webinar", brand: "Ledgerly", product: "Month-end close software for finance teams",
        currency: .usd, budgetMajor: 40_000, goals: [.leads, .reputation], funnel: .consideration,
        audience: TargetAudience(countries: ["US", "GB", "DE", "ES"], languages: ["en"], ageRange: "28-55",
                                 interests: ["finance operations", "CFO", "accounting automation"]),
        package: [(.linkedin, .feedPost, 2), (.newsletter, .newsletterMention, 1)],
        compensation: .paid, partnership: .oneOff, pricing: Pricing(model: .flatFee),
        paymentMethod: "bank transfer (ACH / wire)", paymentSchedule: "100% net 30 after the webinar", depositFraction: 0,
        governingLaw: "New York, USA", disclosure: "\"#sponsored\" or \"Paid partnership with Ledgerly\" in the post (FTC)",
        usageRights: UsageRights(organic: true, paidAds: true, durationDays: 120, territories: ["US", "GB", "EU"]),
        exclusivityScope: nil, competitors: [], whitelistingDays: nil,
        codeSuffix: nil,
        brief: CampaignBrief(
            keyMessage: "Cut your month-end close from 10 days to 4 — live demo with real numbers.",
            dos: ["Share one personal close horror story", "Link the webinar sign-up page"],
            donts: ["No screenshots of customer data", "No pricing promises"],
            brandVoice: "Practical and peer-to-peer.", callToAction: "Save your seat for the live webinar",
            link: "https://ledgerly.example/webinar", discountCodePolicy: "No codes; sign-ups tracked by referral link",
            deliverablesSummary: "2 LinkedIn posts + 1 newsletter mention", timeline: "Posts 14 and 3 days before the webinar",
            approvalProcess: "One review by the product marketing lead", disclosureRule: "#sponsored (FTC)",
            paymentTerms: "Net 30 after the webinar", reportingRequired: "Impressions, clicks and sign-ups via link"),
        utmTemplate: "https://ledgerly.example/webinar?utm_source=linkedin&utm_medium=creator&utm_campaign={campaign}&utm_content={handle}",
        niches: ["business & finance", "tech"], countries: ["US", "GB", "DE", "ES"], orderValueUSD: nil, feeFactor: 2.2)

    static let china = DemoCampaignArchetype(
        key: "china", name: "茶岚 Cha Lan autumn tea", brand: "茶岚 Cha Lan", product: "Cold-brew oolong tea range",
        currency: .cny, budgetMajor: 500_000, goals: [.awareness, .sales, .ugc], funnel: .awareness,
        audience: TargetAudience(countries: ["CN"], languages: ["zh"], ageRange: "20-35", interests: ["tea", "healthy drinks", "city life"]),
        package: [(.xiaohongshu, .carousel, 2), (.douyin, .video, 1), (.wechat, .blogArticle, 1)],
        compensation: .paid, partnership: .oneOff, pricing: Pricing(model: .flatFee),
        paymentMethod: "Alipay (企业支付宝) via the creator's MCN", paymentSchedule: "50% deposit, 50% after posting and data review", depositFraction: 0.5,
        governingLaw: "People's Republic of China", disclosure: "\"广告\" label and the platform's commercial-cooperation tag (蒲公英 / 星图)",
        usageRights: UsageRights(organic: true, paidAds: true, durationDays: 90, territories: ["CN"]),
        exclusivityScope: "tea and ready-to-drink tea, 60 days", competitors: ["Nongfu Spring", "Genki Forest"], whitelistingDays: nil,
        codeSuffix: "CHA20",
        brief: CampaignBrief(
            keyMessage: "冷泡乌龙，零糖也好喝 — zero sugar, full flavour.",
            dos: ["Shoot in a real city setting", "Show the cold-brew in 3 minutes", "Link the Tmall store"],
            donts: ["No health or weight-loss claims (Advertising Law)", "No competitor bottles in frame"],
            brandVoice: "Fresh, urban, calm.", callToAction: "Tmall flagship store, code for ¥20 off",
            link: "https://chalan.example/tmall", discountCodePolicy: "One code per KOL, ¥20 off ¥99",
            deliverablesSummary: "2 Xiaohongshu notes, 1 Douyin video, 1 WeChat article", timeline: "Before the Mid-Autumn festival",
            approvalProcess: "Script and final video approved by the brand", disclosureRule: "广告 label; platform cooperation order (蒲公英/星图)",
            paymentTerms: "50/50 via the MCN", reportingRequired: "Platform backend data screenshots after 7 days"),
        utmTemplate: nil,
        niches: ["food & drink", "lifestyle", "health & fitness"], countries: ["CN"], orderValueUSD: 14, feeFactor: 1.3)
}
