import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct ImportValuesTests {
    @Test(arguments: [
        ("12.5k", 12_500), ("12,5K", 12_500), ("1,2M", 1_200_000), ("1.2m", 1_200_000), ("1 200", 1_200), ("1\u{00A0}200", 1_200),
        ("12,500", 12_500), ("12.500", 12_500), ("1.234.567", 1_234_567), ("1,234,567", 1_234_567), ("987", 987), ("10k+", 10_000),
    ])
    func followerCounts(text: String, expected: Int) {
        #expect(ImportValues.count(text) == expected)
    }

    @Test(arguments: ["lots", "1.5", "-3", "12.3456k", "", "1,2,3"])
    func notCounts(text: String) {
        #expect(ImportValues.count(text) == nil)
    }

    @Test func percentagesDatesFlagsAndLists() {
        #expect(ImportValues.percent("3.2%") == 3.2)
        #expect(ImportValues.percent("4,1") == 4.1)
        #expect(ImportValues.percent("0.5") == 0.5)
        #expect(ImportValues.percent("130") == nil)
        #expect(ImportValues.percent("high") == nil)
        #expect(ImportValues.date("2024-05-31") == Date(timeIntervalSince1970: 1_717_113_600))
        #expect(ImportValues.date("2024-05-31T12:00:00Z") == Date(timeIntervalSince1970: 1_717_156_800))
        #expect(ImportValues.date("31/05/2024") == nil)
        #expect(ImportValues.format(Date(timeIntervalSince1970: 1_717_113_600)) == "2024-05-31")
        #expect(ImportValues.format(Date(timeIntervalSince1970: 1_717_156_800)) == "2024-05-31T12:00:00Z")
        #expect(ImportValues.bool("Yes") == true)
        #expect(ImportValues.bool("") == false)
        #expect(ImportValues.bool("maybe") == nil)
        #expect(ImportValues.list("beauty; Skincare, beauty | travel") == ["beauty", "Skincare", "travel"])
    }

    @Test func countriesAndLanguagesByCodeOrName() {
        #expect(ImportValues.country("lv") == "LV")
        #expect(ImportValues.country("Latvia") == "LV")
        #expect(ImportValues.country("georgia") == "GE")
        #expect(ImportValues.country("UK") == "GB")
        #expect(ImportValues.country("Narnia") == nil)
        #expect(ImportValues.language("Georgian") == "ka")
        #expect(ImportValues.language("JA") == "ja")
        #expect(ImportValues.language("pt-BR") == "pt-BR")
        #expect(ImportValues.language("Klingonese") == nil)
    }
}

@Suite struct ColumnMappingTests {
    @Test(arguments: [
        ("Name", InfluencerField.displayName), ("Display name", .displayName), ("display_name", .displayName),
        ("Full name", .realName), ("E-mail", .email), ("Instagram", .handle(.instagram)), ("IG handle", .handle(.instagram)),
        ("TikTok", .handle(.tiktok)), ("YouTube channel", .handle(.youtube)), ("Twitter", .handle(.x)), ("x", .handle(.x)),
        ("Xiaohongshu", .handle(.xiaohongshu)), ("Followers", .followers(nil)), ("Subscribers", .followers(nil)),
        ("TikTok followers", .followers(.tiktok)), ("instagram_followers", .followers(.instagram)), ("ER", .engagementRate(nil)),
        ("Engagement rate", .engagementRate(nil)), ("IG ER", .engagementRate(.instagram)), ("Country", .country),
        ("City", .city), ("Tags", .tags), ("Niche", .niches), ("Language", .languages), ("Notes", .notes),
        ("Profile URL", .profileURL(nil)), ("instagram_url", .profileURL(.instagram)), ("vk_handle", .handle(Platform(rawValue: "vk"))),
        ("instagram_as_of", .metricsAsOf(.instagram)), ("Handle", .handle(nil)), ("Platform", .platform),
    ])
    func headersAreRecognised(header: String, field: InfluencerField) {
        #expect(InfluencerField(header: header) == field)
        // Export names read back as the same field.
        #expect(InfluencerField(header: field.name) == field)
    }

    @Test func unknownColumnsAreReportedAndMetricsNeedAHandleColumn() throws {
        let mapping = try ColumnMapping(headers: ["Name", "Instagram", "TikTok followers", "Shoe size"], overrides: [], file: "f.csv")
        #expect(mapping.fields == [.displayName, .handle(.instagram), .ignored, .ignored])
        #expect(mapping.warnings.count == 2)
        #expect(mapping.warnings.contains { $0.contains("\"TikTok followers\"") && $0.contains("no handle") })
        #expect(mapping.warnings.contains { $0.contains("--map 'Shoe size=field'") })
        let generic = try ColumnMapping(headers: ["Handle", "Platform", "TikTok followers"], overrides: [], file: "f.csv")
        #expect(generic.fields == [.handle(nil), .platform, .followers(.tiktok)])
        let overridden = try ColumnMapping(headers: ["Name", "Shoe size"], overrides: [try ColumnMapping.Override.parse(" shoe SIZE = notes ")], file: "f.csv")
        #expect(overridden.fields == [.displayName, .notes])
        #expect(caught { _ = try ColumnMapping.Override.parse("no-equals") }?.description.contains("'Column=field'") == true)
    }
}
