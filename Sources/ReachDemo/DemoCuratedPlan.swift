import Foundation
import ReachCore

/// The seven typical campaigns of the hand-written demo, each with its deals, placed so that together
/// they cover every stage, side exit, deliverable and payment state, and fill Today with overdue,
/// due-today and upcoming work. Days are relative to `now`; a next action "in 0 days" means later today.
enum DemoCuratedPlan {
    struct CampaignPlan: Sendable {
        var archetype: DemoCampaignArchetype
        var status: CampaignStatus
        var startInDays: Double
        var endInDays: Double
        var owner: String
        var notes: String?
        /// Creator main handle and the deal's plan.
        var deals: [(String, DemoDealPlan)]
    }

    private typealias P = DemoDealPlan
    private static func d(_ status: DeliverableStatus, _ due: Double) -> DemoDeliverablePlan { DemoDeliverablePlan(status: status, dueInDays: due) }

    static let campaigns: [CampaignPlan] = [serum, genZ, travel, japan, china, fashion, b2b]

    static let serum = CampaignPlan(
        archetype: .serum, status: .active, startInDays: -30, endInDays: 45, owner: "Marta Kalniņa",
        notes: "Launch in FR/DE/ES first, Nordics and Baltics in week 3. Codes expire 30 days after each post.",
        deals: [
            ("liga.glow", P(.published, days: 4, next: ("Collect 7-day insights from Līga", 3, .them),
                            deliverables: [d(.live, -6), d(.live, -3), d(.approved, 0)])),
            ("camille.peau", P(.contentReview, days: 1, next: ("Review Camille's reel draft", 0, .us),
                               deliverables: [d(.inReview, 2), d(.changesRequested, 4), d(.draft, 6)],
                               changes: "Mention that it is fragrance-free; retake the close-up without the filter")),
            ("elodie.beaute", P(.inProduction, days: 5, next: ("Check in on Élodie's draft", 0, .them),
                                deliverables: [d(.draft, 6), d(.notStarted, 8), d(.notStarted, 9)])),
            ("lenaskincare", P(.reporting, days: 3, next: ("Ask Lena for the story insights screenshots", -2, .them), paymentDue: -3)),
            ("jana.glowup", P(.contracted, days: 2, next: ("Send Jana the brief and the serum", 0, .us), paymentDue: 0)),
            ("luciaskin", P(.negotiating, days: 3, next: ("Reply to Lucía's counter-offer", -1, .us))),
            ("sofi.ramirez.beauty", P(.contacted, days: 9, next: ("Third follow-up or move to Lost", -1, .them), followUps: 2)),
            ("emmaclarkeskin", P(.declined, days: 12, reached: .negotiating,
                                 exit: "Agent: fully booked until September; asked GBP 6,500 for one reel, over budget", currency: .gbp)),
            ("ingridhud", P(.shortlisted, days: 2, next: ("Send first outreach (English)", 1, .us))),
            ("majaskindiary", P(.vetting, days: 1, next: ("Finish vetting: ask Maja for audience-country screenshots", 0, .us))),
            ("nadya.beauty.lv", P(.rejected, days: 20, reached: .vetting,
                                  exit: "Vetting failed: follower spike of +40k in 3 days, most likely bought")),
        ])

    static let genZ = CampaignPlan(
        archetype: .genZ, status: .active, startInDays: -12, endInDays: 50, owner: "Sam Okafor",
        notes: "Gifted kits shipped from the Leeds warehouse; commission reported monthly by Shopify export.",
        deals: [
            ("chloegrwm", P(.published, days: 3, next: ("Log Chloe's code sales on Friday", 4, .us), deliverables: [d(.live, -4), d(.approved, 2)])),
            ("aishaglows", P(.inProduction, days: 4, next: ("Check that Aisha received the kit", -1, .us), deliverables: [d(.draft, 3), d(.notStarted, 10)])),
            ("tylerskinbro", P(.contentReview, days: 1, next: ("Review Tyler's GRWM draft", 0, .us), deliverables: [d(.inReview, 1), d(.draft, 8)])),
            ("maddie.skin", P(.contacted, days: 2, next: ("Waiting for Maddie's reply", 2, .them))),
            ("zoeacnejourney", P(.prospect, days: 6, source: .inbound)),
            ("rubyoc", P(.negotiating, days: 2, next: ("Ruby wants GBP 250 on top of the commission: decide", 0, .us))),
            ("liamskincare", P(.lost, days: 5, exit: "No reply after 3 follow-ups", followUps: 3)),
            ("priyaxskin", P(.reporting, days: 2, next: ("Pay Priya's first commission", 0, .us), paymentDue: 0)),
        ])

    static let travel = CampaignPlan(
        archetype: .travel, status: .wrappingUp, startInDays: -95, endInDays: -5, owner: "Tom Becker",
        notes: "Videos from the Tromsø, Tbilisi and Samarkand trips. Final report due to the client at month end.",
        deals: [
            ("fjellfolk", P(.complete, days: 20, rightsEnd: 9, source: .agencyList)),
            ("aasebjornstad", P(.reporting, days: 6, next: ("Collect YouTube analytics from Åse", -4, .them))),
            ("nino.beridze", P(.published, days: 8, currency: .gel, next: ("Share Nino's video in the Nordlys newsletter", 2, .us),
                               deliverables: [d(.live, -9), d(.live, -7), d(.approved, 2)], paymentDue: 3, exclusivityEnd: 12)),
            ("giorgiontheroad", P(.complete, days: 15, currency: .gel)),
            ("dilnoza.travels", P(.contentReview, days: 2, currency: .uzs, next: ("Check Dilnoza's re-cut", 0, .us),
                                  deliverables: [d(.changesRequested, 3), d(.draft, 5)],
                                  changes: "Show the booking screen with the code; add #reklama in Uzbek and English")),
            ("jasurkarimov", P(.published, days: 5, currency: .uzs, next: ("Remind Jasur: the carousel goes live today", 0, .them),
                               deliverables: [d(.live, -6), d(.approved, 0), d(.approved, 1)])),
            ("zweirucksaecke", P(.rejected, days: 40, reached: .negotiating,
                                 exit: "Fee EUR 18,000 is over our per-creator cap of NOK 120,000", currency: .eur)),
            ("clairevoyage", P(.complete, days: 25, currency: .eur)),
            ("jackgoesnorth", P(.lost, days: 50, reached: .negotiating, exit: "Ghosted after the contract draft (3 follow-ups over 5 weeks)")),
            ("lotigarsigi", P(.published, days: 10, currency: .eur, next: ("Ask Līga for the blog traffic figures", -1, .them),
                              deliverables: [d(.live, -12), d(.live, -10), d(.live, -10)])),
            ("sardor.yuldoshev", P(.inProduction, days: 9, currency: .uzs, next: ("Sardor's carousel is 2 days late: call him", -2, .us),
                                   deliverables: [d(.draft, -2), d(.notStarted, 4)])),
        ])

    static let japan = CampaignPlan(
        archetype: .foodJapan, status: .active, startInDays: -21, endInDays: 40, owner: "Aiko Mori",
        notes: "Tokyo and Osaka first; Fukuoka and Sapporo from week 3. All scripts checked by the Tokyo office.",
        deals: [
            ("yui_gohan", P(.published, days: 6, next: ("Record Yui's 14-day code uses", 5, .us),
                            deliverables: [d(.live, -7), d(.live, -5), d(.live, -5)])),
            ("kentaeats", P(.contracted, days: 3, next: ("Send the Japanese brief to Kenta", -1, .us))),
            ("sakura_kitchen", P(.contentReview, days: 1, next: ("Review Sakura's reel script", 0, .us), deliverables: [d(.inReview, 2), d(.draft, 4)])),
            ("ramenking_takumi", P(.negotiating, days: 4, next: ("Waiting for Kizuna Talent's answer to ¥900,000", 3, .them),
                                   notes: "Agent asks ¥1,500,000 for a TikTok and a YouTube Short.")),
            ("aoi_nakamura", P(.contacted, days: 3, next: ("Follow up with Aoi (Japanese template)", 0, .them), followUps: 1)),
            ("sho_foodlog", P(.shortlisted, days: 4, next: ("Send first outreach in Japanese", -2, .us))),
            ("emilyintokyo", P(.inProduction, days: 7, next: ("Emily's reel goes live today: check the #PR tag", 0, .us),
                               deliverables: [d(.approved, 0), d(.draft, 5)])),
            ("misaki.bento", P(.vetting, days: 2, next: ("Ask Misaki for insights (figures are estimates)", 1, .us))),
        ])

    static let china = CampaignPlan(
        archetype: .china, status: .active, startInDays: -25, endInDays: 35, owner: "Chen Lu",
        notes: "Cooperation orders placed through 蒲公英 (Xiaohongshu) and 星图 (Douyin). Mid-Autumn push in the last two weeks.",
        deals: [
            ("lina_daily", P(.inProduction, days: 6, next: ("Confirm the shooting date with Xinghe MCN", 1, .them),
                             deliverables: [d(.draft, 3), d(.notStarted, 9)])),
            ("wangfang_life", P(.published, days: 4, next: ("Collect WeChat read counts", 3, .us), deliverables: [d(.live, -5), d(.live, -2)])),
            ("zhangwei_eats", P(.negotiating, days: 6, next: ("Counter 麻辣 MCN's ¥280,000 ask", -3, .us))),
            ("chenjing_tea", P(.contentReview, days: 2, next: ("Check Chen Jing's corrected note", 1, .them),
                               deliverables: [d(.changesRequested, 1)],
                               changes: "Brand name must be visible in the first image; remove the competitor bottle")),
            ("liuyang_food", P(.reporting, days: 8, next: ("Pay Liu Yang's balance via the MCN", -5, .us), paymentDue: -5)),
            ("zhaomin_fit", P(.declined, days: 15, exit: "Exclusive with a competing tea brand until the end of the year")),
            ("xiaomi_huang", P(.prospect, days: 3)),
        ])

    static let fashion = CampaignPlan(
        archetype: .fashionEU, status: .planning, startInDays: 14, endInDays: 200, owner: "Marta Kalniņa",
        notes: "Ambassadors for a year. Check each country's disclosure wording; whitelisting for paid social from launch.",
        deals: [
            ("manon.slowfashion", P(.contracted, days: 4, next: ("Send Manon the concept brief", 2, .us))),
            ("kathi.fairfashion", P(.negotiating, days: 2, next: ("Kathi asked for a 12-month usage fee: answer", 0, .us))),
            ("paula.sostenible", P(.contacted, days: 7, next: ("Second follow-up to Paula", -3, .them), followUps: 1)),
            ("elina.thrifts", P(.shortlisted, days: 3, next: ("Send outreach in Latvian", 2, .us))),
            ("noor.wears.green", P(.negotiating, days: 5, next: ("Waiting for Groen Talent's contract comments", 4, .them))),
            ("giulia.vintage", P(.vetting, days: 3, next: ("Check Giulia's past sponsorships for competitor conflicts", -1, .us))),
            ("frejaholm", P(.prospect, days: 1, source: .referral)),
        ])

    static let b2b = CampaignPlan(
        archetype: .b2b, status: .done, startInDays: -150, endInDays: -70, owner: "Tom Becker",
        notes: "Webinar on the 14th: 1,140 sign-ups, 38% attended. Posts may be reused in paid social until rights end.",
        deals: [
            ("davidkim-cfo", P(.complete, days: 60, rightsEnd: 6, bonus: true)),
            ("sarahmitchellops", P(.complete, days: 62)),
            ("rahulmehta", P(.complete, days: 58, currency: .gbp)),
            ("markushoffmann-controlling", P(.complete, days: 65, currency: .eur, cancelledExpense: true)),
            ("anagomez-finanzas", P(.lost, days: 100, exit: "Webinar date clashed with her quarter close; stopped replying", followUps: 2)),
            ("theledgerpod", P(.complete, days: 55)),
        ])
}
