import Foundation
import ReachCore
import TerminalUI
@testable import ReachApp

/// The starting data of the reliability tests: creators named in many scripts (some hostile), three campaigns in
/// different currencies, and deals in every kind of stage with fees, payments, deliverables and timelines.
enum FuzzWorld {
    static let now = Date(timeIntervalSince1970: 1_718_020_800) // 2024-06-10T12:00:00Z
    static let utc = TimeZone(identifier: "UTC") ?? .current

    /// Well-formed ids of our own prefix, so they never collide with other fixtures.
    static func id(_ n: Int) -> RecordID { RecordID(rawValue: String(format: "01J9000000000000000000%04d", n)) }
    static func days(_ n: Double) -> Date { now.addingTimeInterval(n * 86_400) }

    /// Display names for the roster: mixed scripts first, then hostile ones.
    static let names = [
        "Līga Bērziņa", "Ģirts Ķēniņš", "ნინო ბერიძე", "田中さくら", "王小明", "김민지", "🌸 Sakura Travels", "👩‍💻 Dev Queen",
        "Zoë Ångström", "Дильноза Каримова", "مريم الحسن", "Ola Nordmann", "e\u{301}lodie",
        "Evil \u{1b}]0;pwned\u{7}Title", "Clear \u{1b}[2J Screen", "Red \u{1b}[31mText", "\u{202e}desrever\u{202c} Name",
        "Zero\u{200b}Width\u{200d}Joiner", "C1 \u{9b}31m Control", "Bell\u{7}\u{8}\u{0} Nul", "\u{1160}Jamo \u{600}Prepend",
    ]

    static func influencers() -> [Influencer] {
        let platforms: [Platform] = [.instagram, .tiktok, .youtube, .linkedin, .twitch]
        return names.enumerated().map { n, name in
            Influencer(
                id: id(n + 1), createdAt: days(-40), displayName: name,
                contact: ContactInfo(email: n % 3 == 0 ? "c\(n)@example.lv" : nil),
                country: ["LV", "GE", "JP", "KR", "NO", "UZ"][n % 6], languages: ["lv", "ka", "ja"].prefix(n % 3 + 1).map { $0 },
                tags: n % 2 == 0 ? ["serum", "tag\u{1b}[1m"] : [], niches: [["skincare", "travel", "gaming"][n % 3]],
                notes: n % 4 == 0 ? "Notes with \u{1b}]0;pwned\u{7} and \u{202e}bidi\nsecond line" : nil,
                doNotContact: n == 5, doNotContactReason: n == 5 ? "Asked \u{1b}[5m not to be contacted" : nil,
                accounts: [PlatformAccount(platform: platforms[n % platforms.count], handle: "handle\(n)", isMain: true,
                                           snapshots: [MetricSnapshot(asOf: days(-Double(n * 3)), followers: 900 + n * 97_531 % 2_000_000,
                                                                      engagementRate: Double(n % 7) + 0.5)])])
        }
    }

    static let campaignIDs = [id(100), id(101), id(102)]

    static func campaigns() -> [Campaign] {
        [
            Campaign(id: campaignIDs[0], createdAt: days(-30), name: "Serum launch", brand: "Glow Lab", status: .active,
                     budget: Money(major: 10_000, currency: .eur)),
            Campaign(id: campaignIDs[1], createdAt: days(-30), name: "日本 launch \u{1b}[31m", brand: "Bento Go", status: .active,
                     budget: Money(major: 2_000_000, currency: .jpy)),
            Campaign(id: campaignIDs[2], createdAt: days(-30), name: "ქართული \u{202e}kcap", brand: "Tbilisi Tea", status: .planning,
                     budget: Money(major: 5_000, currency: .gel)),
        ]
    }

    static func deals() -> [Deal] {
        let pipeline = StagePipeline.default
        let stages = pipeline.allStages.map(\.key)
        let currencies: [CurrencyCode] = [.eur, .jpy, .gel]
        return (0..<24).map { n in
            let campaign = n % 3
            var deal = Deal(id: id(200 + n), createdAt: days(-20 + Double(n) / 4), influencerID: id(n % names.count + 1),
                            campaignID: campaignIDs[campaign])
            let target = stages[n % stages.count]
            if target != deal.stage {
                try? deal.move(to: target, at: days(-10 + Double(n) / 3), reason: "Reason \(n) \u{1b}[2J", pipeline: pipeline)
            }
            let currency = currencies[campaign]
            if n % 2 == 0 {
                deal.agreedFee = Money(major: Int64(500 + n * 100), currency: currency)
                deal.payments = [
                    Payment(kind: .deposit, amount: Money(major: Int64(100 + n * 10), currency: currency), dueDate: days(-2),
                            status: n % 4 == 0 ? .paid : .due, paidAt: n % 4 == 0 ? days(-2) : nil),
                    Payment(kind: .balance, amount: Money(major: 200, currency: currency), dueDate: days(Double(n % 5)),
                            status: .planned),
                ]
            }
            if n % 3 == 0 {
                deal.deliverables = [Deliverable(platform: .instagram, contentType: .reel, dueDate: days(Double(n % 7) - 3),
                                                 status: n % 2 == 0 ? .inReview : .draft)]
            }
            deal.logActivity(at: days(-Double(n % 9)), channel: .email, direction: .outbound,
                             summary: n % 2 == 0 ? "Sent brief \u{1b}]0;pwned\u{7} \u{202e}olleh" : "Called · 電話")
            if n % 4 != 3 { deal.setFollowUp("Follow up \u{9b}2J \(n)", due: days(Double(n % 7) - 3), whoseMove: n % 2 == 0 ? .us : .them) }
            return deal
        }
    }

    static func describe(_ size: Size) -> String { "\(size.width)x\(size.height)" }

    static func workspace() -> Workspace {
        Workspace(influencers: influencers(), campaigns: campaigns(), deals: deals())
    }

    static func state(width: Int, height: Int) -> AppState {
        AppState(workspace: workspace(), now: now, timeZone: utc, size: Size(width: width, height: height), author: "fuzz \u{1b}[31m")
    }
}
