import Foundation
import ReachCore
import Testing
@testable import ReachStore

/// `reach brief`: the creator-facing brief in Markdown and text, checked against the whole expected text.
@Suite struct CampaignBriefDocumentTests {
    static let june1 = DataFolderFixture.now
    static func day(_ n: Double) -> Date { june1.addingTimeInterval(n * 86_400) }

    /// A Latvian brief with everything filled, plus the budget, targets and notes that must stay out of it.
    static let serum = Campaign(
        id: newID(10), createdAt: june1, name: "Serum launch", brand: "Glow Lab", product: "Pretnovecošanās serums",
        owner: "marta", status: .active, startDate: june1, endDate: day(60), goals: [.sales, .awareness],
        targetAudience: TargetAudience(countries: ["LV", "EE"], languages: ["lv", "en"], ageRange: "25-44", gender: "women",
                                       interests: ["skincare", "wellness"]),
        budget: Money(major: 10_000, currency: .eur),
        brief: CampaignBrief(keyMessage: "Redzami rezultāti 14 dienās.\n\nBez parfimērijas.", dos: ["Rādi ādas tekstūru", "Atzīmē @glowlab"],
                             donts: ["Medicīniski apgalvojumi", "Filtri"], brandVoice: "Silts, godīgs", callToAction: "Izmanto kodu pie kases",
                             link: "https://glowlab.example/serum", discountCodePolicy: "Viens kods katram, 15% atlaide",
                             deliverablesSummary: "1 reel + 3 stories", timeline: "Melnraksti līdz 1. jūlijam",
                             approvalProcess: "Melnraksts e-pastā, 48 h atbilde", disclosureRule: "#reklāma pirmajā rindā",
                             paymentTerms: "50% avansā, 50% pēc publicēšanas", reportingRequired: "Ekrānuzņēmumi pēc 7 dienām"),
        kpiTargets: KPITargets(reach: 100_000, revenue: Money(major: 25_000, currency: .eur)),
        notes: "Internal: Līga asked for EUR 900, do not go above")

    static let tokyo = Campaign(
        id: newID(11), createdAt: june1, name: "東京 デリバリー", brand: "Bento Go", budget: Money(major: 2_000_000, currency: .jpy),
        brief: CampaignBrief(keyMessage: "初回注文 50% オフ", dos: ["料理を見せる"], donts: ["競合アプリ"], callToAction: "コード BENTO50"))

    static let wine = Campaign(
        id: newID(12), createdAt: june1, name: "ღვინის ტური", brand: "Kakheti Wine",
        targetAudience: TargetAudience(countries: ["GE"], languages: ["ka"]), budget: Money(major: 5_000, currency: .gel),
        brief: CampaignBrief(keyMessage: "ქვევრის ღვინო, კახეთიდან", timeline: "აგვისტო"))

    static let empty = Campaign(id: newID(13), createdAt: june1, name: "Serum relaunch", brand: "Glow Lab",
                                targetAudience: TargetAudience(countries: ["LV"]), budget: Money(major: 1_000, currency: .eur),
                                brief: CampaignBrief(keyMessage: "  ", dos: [""]), notes: "Brief still to write")

    static let all = [serum, tokyo, wine, empty]

    static func brief(_ query: String) throws -> CampaignBriefDocument {
        try CampaignBriefDocument.make(campaign: query, campaigns: all)
    }

    @Test func markdownHasEveryFilledPartAndNothingInternal() throws {
        let md = try Self.brief("serum launch").markdown()
        #expect(md == """
            # Brief: Serum launch

            **Brand:** Glow Lab · **Product:** Pretnovecošanās serums · **Dates:** 2024-06-01 to 2024-07-31  
            **Goals:** Awareness, Sales

            ## Key message

            Redzami rezultāti 14 dienās.

            Bez parfimērijas.

            ## Audience

            - Countries: LV, EE
            - Languages: lv, en
            - Age: 25-44
            - Gender: women
            - Interests: skincare, wellness

            ## Deliverables

            1 reel + 3 stories

            ## Timeline

            Melnraksti līdz 1. jūlijam

            ## Do's

            - Rādi ādas tekstūru
            - Atzīmē @glowlab

            ## Don'ts

            - Medicīniski apgalvojumi
            - Filtri

            ## Brand voice

            Silts, godīgs

            ## Call to action

            Izmanto kodu pie kases

            ## Link

            https://glowlab.example/serum

            ## Discount codes

            Viens kods katram, 15% atlaide

            ## Disclosure

            #reklāma pirmajā rindā

            ## Approval

            Melnraksts e-pastā, 48 h atbilde

            ## Payment terms

            50% avansā, 50% pēc publicēšanas

            ## Reporting

            Ekrānuzņēmumi pēc 7 dienām

            """)
        for secret in ["10,000", "10000", "25,000", "100", "Internal", "900", "marta", "KPI", "Budget"] {
            #expect(!md.replacingOccurrences(of: "100%", with: "").contains(secret), "\(secret) is not for creators")
        }
    }

    @Test func textIsThePlainSameBrief() throws {
        #expect(try Self.brief(Self.tokyo.id.rawValue).text() == """
            Brief: 東京 デリバリー
            Brand: Bento Go

            KEY MESSAGE
            初回注文 50% オフ

            DO'S
            - 料理を見せる

            DON'TS
            - 競合アプリ

            CALL TO ACTION
            コード BENTO50

            """)
        #expect(try Self.brief("ღვინის").text() == """
            Brief: ღვინის ტური
            Brand: Kakheti Wine

            KEY MESSAGE
            ქვევრის ღვინო, კახეთიდან

            AUDIENCE
            - Countries: GE
            - Languages: ka

            TIMELINE
            აგვისტო

            """)
        #expect(try Self.brief("東京").render(.md).hasPrefix("# Brief: 東京 デリバリー\n\n**Brand:** Bento Go\n\n## Key message\n"))
    }

    @Test func anEmptyBriefIsAnErrorNotAnEmptyPage() {
        #expect(throws: InterchangeError.emptyBrief(campaign: "Serum relaunch")) { try Self.brief("serum relaunch") }
        #expect(InterchangeError.emptyBrief(campaign: "Serum relaunch").description.contains("B on the campaign"))
    }

    @Test func anAmbiguousNameListsTheMatchesAndAnUnknownOneSaysSo() {
        let ambiguous = InterchangeError.ambiguous(what: "campaign", query: "SERUM", matches: [
            "\(Self.serum.id)  Serum launch (Glow Lab)", "\(Self.empty.id)  Serum relaunch (Glow Lab)",
        ].sorted())
        #expect(throws: ambiguous) { try Self.brief("SERUM") }
        #expect(throws: InterchangeError.notFound(what: "campaign", query: "Winter")) { try Self.brief("Winter") }
    }
}
