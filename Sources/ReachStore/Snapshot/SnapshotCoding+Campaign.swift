import Foundation
import ReachCore

extension CampaignStatus: SnapshotEnum { static let snapshotCases = allCases }
extension CampaignGoal: SnapshotEnum { static let snapshotCases = allCases }
extension FunnelStage: SnapshotEnum { static let snapshotCases = allCases }

extension Campaign: SnapshotRecord {
    static let snapshotFields = [
        "id", "schemaVersion", "createdAt", "updatedAt", "revision", "name", "brand", "product", "owner", "status",
        "startDate", "endDate", "goals", "funnelStage", "targetAudience", "budget", "brief", "kpiTargets", "utmTemplate",
        "notes", "archived",
    ]

    func encode(to writer: inout BinaryWriter) {
        writer.string(id.rawValue)
        writer.int(schemaVersion)
        writer.date(createdAt)
        writer.date(updatedAt)
        writer.int(revision)
        writer.string(name)
        writer.string(brand)
        writer.optionalString(product)
        writer.optionalString(owner)
        writer.enumCase(status)
        writer.optionalDate(startDate)
        writer.optionalDate(endDate)
        // Sorted: a set's iteration order varies between equal sets, and equal records must encode to equal bytes.
        writer.array(goals.sorted { $0.rawValue < $1.rawValue }) { $0.enumCase($1) }
        writer.optionalEnumCase(funnelStage)
        writer.value(targetAudience)
        writer.value(budget)
        writer.value(brief)
        writer.value(kpiTargets)
        writer.optionalString(utmTemplate)
        writer.optionalString(notes)
        writer.bool(archived)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        let id = try reader.recordID()
        let schemaVersion = try reader.int()
        let createdAt = try reader.date()
        let updatedAt = try reader.date()
        let revision = try reader.int()
        let name = try reader.string()
        let brand = try reader.string()
        let product = try reader.optionalString()
        let owner = try reader.optionalString()
        let status = try reader.enumCase(CampaignStatus.self)
        let startDate = try reader.optionalDate()
        let endDate = try reader.optionalDate()
        var goals = Set<CampaignGoal>()
        for _ in 0..<(try reader.count()) { goals.insert(try reader.enumCase()) }
        self.init(
            id: id, createdAt: createdAt, updatedAt: updatedAt, revision: revision, schemaVersion: schemaVersion, name: name,
            brand: brand, product: product, owner: owner, status: status, startDate: startDate, endDate: endDate, goals: goals,
            funnelStage: try reader.optionalEnumCase(), targetAudience: try reader.value(), budget: try reader.value(),
            brief: try reader.value(), kpiTargets: try reader.value(), utmTemplate: try reader.optionalString(),
            notes: try reader.optionalString(), archived: try reader.bool())
    }
}

extension TargetAudience: SnapshotCodable {
    static let snapshotFields = ["countries", "languages", "ageRange", "gender", "interests"]

    func encode(to writer: inout BinaryWriter) {
        writer.strings(countries)
        writer.strings(languages)
        writer.optionalString(ageRange)
        writer.optionalString(gender)
        writer.strings(interests)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(countries: try reader.strings(), languages: try reader.strings(), ageRange: try reader.optionalString(),
                  gender: try reader.optionalString(), interests: try reader.strings())
    }
}

extension CampaignBrief: SnapshotCodable {
    static let snapshotFields = [
        "keyMessage", "dos", "donts", "brandVoice", "callToAction", "link", "discountCodePolicy", "deliverablesSummary",
        "timeline", "approvalProcess", "disclosureRule", "paymentTerms", "reportingRequired",
    ]

    func encode(to writer: inout BinaryWriter) {
        writer.optionalString(keyMessage)
        writer.strings(dos)
        writer.strings(donts)
        writer.optionalString(brandVoice)
        writer.optionalString(callToAction)
        writer.optionalString(link)
        writer.optionalString(discountCodePolicy)
        writer.optionalString(deliverablesSummary)
        writer.optionalString(timeline)
        writer.optionalString(approvalProcess)
        writer.optionalString(disclosureRule)
        writer.optionalString(paymentTerms)
        writer.optionalString(reportingRequired)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(
            keyMessage: try reader.optionalString(), dos: try reader.strings(), donts: try reader.strings(),
            brandVoice: try reader.optionalString(), callToAction: try reader.optionalString(), link: try reader.optionalString(),
            discountCodePolicy: try reader.optionalString(), deliverablesSummary: try reader.optionalString(),
            timeline: try reader.optionalString(), approvalProcess: try reader.optionalString(),
            disclosureRule: try reader.optionalString(), paymentTerms: try reader.optionalString(),
            reportingRequired: try reader.optionalString())
    }
}

extension KPITargets: SnapshotCodable {
    static let snapshotFields = [
        "reach", "impressions", "views", "engagements", "engagementRate", "clicks", "conversions", "revenue", "cpm", "cpe",
        "cpc", "cpa", "roi", "brandMentions", "newFollowers",
    ]

    func encode(to writer: inout BinaryWriter) {
        writer.optionalInt(reach)
        writer.optionalInt(impressions)
        writer.optionalInt(views)
        writer.optionalInt(engagements)
        writer.optionalDouble(engagementRate)
        writer.optionalInt(clicks)
        writer.optionalInt(conversions)
        writer.optionalValue(revenue)
        writer.optionalValue(cpm)
        writer.optionalValue(cpe)
        writer.optionalValue(cpc)
        writer.optionalValue(cpa)
        writer.optionalDouble(roi)
        writer.optionalInt(brandMentions)
        writer.optionalInt(newFollowers)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(
            reach: try reader.optionalInt(), impressions: try reader.optionalInt(), views: try reader.optionalInt(),
            engagements: try reader.optionalInt(), engagementRate: try reader.optionalDouble(), clicks: try reader.optionalInt(),
            conversions: try reader.optionalInt(), revenue: try reader.optionalValue(), cpm: try reader.optionalValue(),
            cpe: try reader.optionalValue(), cpc: try reader.optionalValue(), cpa: try reader.optionalValue(),
            roi: try reader.optionalDouble(), brandMentions: try reader.optionalInt(), newFollowers: try reader.optionalInt())
    }
}

extension Template: SnapshotRecord {
    static let snapshotFields = [
        "id", "schemaVersion", "createdAt", "updatedAt", "revision", "name", "kind", "language", "subject", "body", "archived",
    ]

    func encode(to writer: inout BinaryWriter) {
        writer.string(id.rawValue)
        writer.int(schemaVersion)
        writer.date(createdAt)
        writer.date(updatedAt)
        writer.int(revision)
        writer.string(name)
        writer.string(kind.rawValue)
        writer.string(language)
        writer.optionalString(subject)
        writer.string(body)
        writer.bool(archived)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        let id = try reader.recordID()
        let schemaVersion = try reader.int()
        self.init(
            id: id, createdAt: try reader.date(), updatedAt: try reader.date(), revision: try reader.int(),
            schemaVersion: schemaVersion, name: try reader.string(), kind: TemplateKind(rawValue: try reader.string()),
            language: try reader.string(), subject: try reader.optionalString(), body: try reader.string(),
            archived: try reader.bool())
    }
}
