import Foundation
import ReachCore

extension DealSource: SnapshotEnum { static let snapshotCases = allCases }
extension PartnershipType: SnapshotEnum { static let snapshotCases = allCases }
extension Compensation: SnapshotEnum { static let snapshotCases = allCases }
extension PricingModel: SnapshotEnum { static let snapshotCases = allCases }
extension Party: SnapshotEnum { static let snapshotCases = allCases }
extension DeliverableStatus: SnapshotEnum { static let snapshotCases = allCases }
extension RetainerPeriod: SnapshotEnum { static let snapshotCases = allCases }
extension PaymentKind: SnapshotEnum { static let snapshotCases = allCases }
extension PaymentStatus: SnapshotEnum { static let snapshotCases = allCases }
extension ActivityChannel: SnapshotEnum { static let snapshotCases = allCases }
extension ActivityDirection: SnapshotEnum { static let snapshotCases = allCases }

extension Deal: SnapshotRecord {
    static let snapshotFields = [
        "id", "schemaVersion", "createdAt", "updatedAt", "revision", "influencerID", "campaignID", "owner", "stage",
        "stageHistory", "exitReason", "source", "partnershipType", "compensation", "pricing", "offers", "agreedFee",
        "contract", "deliverables", "tracking", "payments", "activities", "nextAction", "followUpCount", "notes", "archived",
        "importedResults",
    ]

    func encode(to writer: inout BinaryWriter) {
        writer.string(id.rawValue)
        writer.int(schemaVersion)
        writer.date(createdAt)
        writer.date(updatedAt)
        writer.int(revision)
        writer.string(influencerID.rawValue)
        writer.string(campaignID.rawValue)
        writer.optionalString(owner)
        writer.string(stage.rawValue)
        writer.values(stageHistory)
        writer.optionalString(exitReason)
        writer.optionalEnumCase(source)
        writer.enumCase(partnershipType)
        writer.enumCase(compensation)
        writer.value(pricing)
        writer.values(offers)
        writer.optionalValue(agreedFee)
        writer.value(contract)
        writer.values(deliverables)
        writer.value(tracking)
        writer.values(payments)
        writer.values(activities)
        writer.optionalValue(nextAction)
        writer.int(followUpCount)
        writer.optionalString(notes)
        writer.bool(archived)
        writer.optional(importedResults) { $0.values($1) }
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        let id = try reader.recordID()
        let schemaVersion = try reader.int()
        let createdAt = try reader.date()
        let updatedAt = try reader.date()
        let revision = try reader.int()
        let influencerID = try reader.recordID()
        let campaignID = try reader.recordID()
        let owner = try reader.optionalString()
        let stage = try reader.stageKey()
        let stageHistory = try reader.values(StageChange.self)
        self.init(
            id: id, createdAt: createdAt, updatedAt: updatedAt, revision: revision, schemaVersion: schemaVersion,
            influencerID: influencerID, campaignID: campaignID, owner: owner, stage: stage, stageHistory: stageHistory,
            exitReason: try reader.optionalString(), source: try reader.optionalEnumCase(), partnershipType: try reader.enumCase(),
            compensation: try reader.enumCase(), pricing: try reader.value(), offers: try reader.values(),
            agreedFee: try reader.optionalValue(), contract: try reader.value(), deliverables: try reader.values(),
            tracking: try reader.value(), payments: try reader.values(), activities: try reader.values(),
            nextAction: try reader.optionalValue(), followUpCount: try reader.int(), notes: try reader.optionalString(),
            archived: try reader.bool(), importedResults: try reader.present() ? try reader.values(ImportedResult.self) : nil)
        // The initialiser puts a first stage change into an empty history; a stored empty one stays empty.
        self.stageHistory = stageHistory
    }
}

extension StageChange: SnapshotCodable {
    static let snapshotFields = ["from", "to", "at", "reason"]

    func encode(to writer: inout BinaryWriter) {
        writer.optional(from) { $0.string($1.rawValue) }
        writer.string(to.rawValue)
        writer.date(at)
        writer.optionalString(reason)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        let from = try reader.present() ? try reader.stageKey() : nil
        self.init(from: from, to: try reader.stageKey(), at: try reader.date(), reason: try reader.optionalString())
    }
}

extension Pricing: SnapshotCodable {
    static let snapshotFields = [
        "model", "commissionPercent", "unitRate", "barterDescription", "barterValue", "retainerAmount", "retainerPeriod",
    ]

    func encode(to writer: inout BinaryWriter) {
        writer.enumCase(model)
        writer.optionalDouble(commissionPercent)
        writer.optionalValue(unitRate)
        writer.optionalString(barterDescription)
        writer.optionalValue(barterValue)
        writer.optionalValue(retainerAmount)
        writer.optionalEnumCase(retainerPeriod)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(model: try reader.enumCase(), commissionPercent: try reader.optionalDouble(), unitRate: try reader.optionalValue(),
                  barterDescription: try reader.optionalString(), barterValue: try reader.optionalValue(),
                  retainerAmount: try reader.optionalValue(), retainerPeriod: try reader.optionalEnumCase())
    }
}

extension Offer: SnapshotCodable {
    static let snapshotFields = ["id", "by", "amount", "note", "at"]

    func encode(to writer: inout BinaryWriter) {
        writer.uuid(id)
        writer.enumCase(by)
        writer.value(amount)
        writer.optionalString(note)
        writer.date(at)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(id: try reader.uuid(), by: try reader.enumCase(), amount: try reader.value(), note: try reader.optionalString(),
                  at: try reader.date())
    }
}

extension ContractTerms: SnapshotCodable {
    static let snapshotFields = [
        "paymentSchedule", "paymentMethod", "expensesCovered", "usageRights", "exclusivity", "whitelistingEndsAt",
        "whitelisting", "approvalRounds", "disclosure", "cancellation", "confidentiality", "governingLaw", "signedAt",
    ]

    func encode(to writer: inout BinaryWriter) {
        writer.optionalString(paymentSchedule)
        writer.optionalString(paymentMethod)
        writer.optionalString(expensesCovered)
        writer.optionalValue(usageRights)
        writer.optionalValue(exclusivity)
        writer.optionalDate(whitelistingEndsAt)
        writer.optional(whitelisting) { $0.bool($1) }
        writer.optionalInt(approvalRounds)
        writer.optionalString(disclosure)
        writer.optionalString(cancellation)
        writer.optionalString(confidentiality)
        writer.optionalString(governingLaw)
        writer.optionalDate(signedAt)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(
            paymentSchedule: try reader.optionalString(), paymentMethod: try reader.optionalString(),
            expensesCovered: try reader.optionalString(), usageRights: try reader.optionalValue(),
            exclusivity: try reader.optionalValue(), whitelistingEndsAt: try reader.optionalDate(),
            whitelisting: try reader.present() ? try reader.bool() : nil,
            approvalRounds: try reader.optionalInt(), disclosure: try reader.optionalString(),
            cancellation: try reader.optionalString(), confidentiality: try reader.optionalString(),
            governingLaw: try reader.optionalString(), signedAt: try reader.optionalDate())
    }
}

extension UsageRights: SnapshotCodable {
    static let snapshotFields = ["organic", "paidAds", "durationDays", "territories", "endsAt"]

    func encode(to writer: inout BinaryWriter) {
        writer.bool(organic)
        writer.bool(paidAds)
        writer.optionalInt(durationDays)
        writer.strings(territories)
        writer.optionalDate(endsAt)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(organic: try reader.bool(), paidAds: try reader.bool(), durationDays: try reader.optionalInt(),
                  territories: try reader.strings(), endsAt: try reader.optionalDate())
    }
}

extension Exclusivity: SnapshotCodable {
    static let snapshotFields = ["endsAt", "scope", "competitors"]

    func encode(to writer: inout BinaryWriter) {
        writer.optionalDate(endsAt)
        writer.optionalString(scope)
        writer.strings(competitors)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(endsAt: try reader.optionalDate(), scope: try reader.optionalString(), competitors: try reader.strings())
    }
}

extension Deliverable: SnapshotCodable {
    static let snapshotFields = [
        "id", "platform", "contentType", "count", "dueDate", "status", "changesReason", "reviewRounds", "liveURL",
        "postedAt", "results", "note", "draftURL", "dropped",
    ]

    func encode(to writer: inout BinaryWriter) {
        writer.uuid(id)
        writer.string(platform.rawValue)
        writer.string(contentType.rawValue)
        writer.int(count)
        writer.optionalDate(dueDate)
        writer.enumCase(status)
        writer.optionalString(changesReason)
        writer.int(reviewRounds)
        writer.optionalString(liveURL)
        writer.optionalDate(postedAt)
        writer.optionalValue(results)
        writer.optionalString(note)
        writer.optionalString(draftURL)
        writer.optionalValue(dropped)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(
            id: try reader.uuid(), platform: try reader.platform(), contentType: try reader.contentType(), count: try reader.int(),
            dueDate: try reader.optionalDate(), status: try reader.enumCase(), changesReason: try reader.optionalString(),
            reviewRounds: try reader.int(), liveURL: try reader.optionalString(), postedAt: try reader.optionalDate(),
            results: try reader.optionalValue(), note: try reader.optionalString(), draftURL: try reader.optionalString(),
            dropped: try reader.optionalValue())
    }
}

extension DeliverableResults: SnapshotCodable {
    static let snapshotFields = [
        "reach", "impressions", "views", "likes", "comments", "shares", "saves", "clicks", "codeUses", "conversions",
        "revenue", "asOf", "source",
    ]

    func encode(to writer: inout BinaryWriter) {
        writer.optionalInt(reach)
        writer.optionalInt(impressions)
        writer.optionalInt(views)
        writer.optionalInt(likes)
        writer.optionalInt(comments)
        writer.optionalInt(shares)
        writer.optionalInt(saves)
        writer.optionalInt(clicks)
        writer.optionalInt(codeUses)
        writer.optionalInt(conversions)
        writer.optionalValue(revenue)
        writer.optionalDate(asOf)
        writer.optionalEnumCase(source)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(
            reach: try reader.optionalInt(), impressions: try reader.optionalInt(), views: try reader.optionalInt(),
            likes: try reader.optionalInt(), comments: try reader.optionalInt(), shares: try reader.optionalInt(),
            saves: try reader.optionalInt(), clicks: try reader.optionalInt(), codeUses: try reader.optionalInt(),
            conversions: try reader.optionalInt(), revenue: try reader.optionalValue(), asOf: try reader.optionalDate(),
            source: try reader.optionalEnumCase())
    }
}

extension Tracking: SnapshotCodable {
    static let snapshotFields = ["discountCode", "referralLink"]

    func encode(to writer: inout BinaryWriter) {
        writer.optionalString(discountCode)
        writer.optionalString(referralLink)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(discountCode: try reader.optionalString(), referralLink: try reader.optionalString())
    }
}

extension Payment: SnapshotCodable {
    static let snapshotFields = ["id", "kind", "amount", "dueDate", "status", "paidAt", "invoiceRef", "method", "note", "cancellation"]

    func encode(to writer: inout BinaryWriter) {
        writer.uuid(id)
        writer.enumCase(kind)
        writer.value(amount)
        writer.optionalDate(dueDate)
        writer.enumCase(status)
        writer.optionalDate(paidAt)
        writer.optionalString(invoiceRef)
        writer.optionalString(method)
        writer.optionalString(note)
        writer.optionalValue(cancellation)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(
            id: try reader.uuid(), kind: try reader.enumCase(), amount: try reader.value(), dueDate: try reader.optionalDate(),
            status: try reader.enumCase(), paidAt: try reader.optionalDate(), invoiceRef: try reader.optionalString(),
            method: try reader.optionalString(), note: try reader.optionalString(), cancellation: try reader.optionalValue())
    }
}

extension Activity: SnapshotCodable {
    static let snapshotFields = ["id", "at", "channel", "direction", "summary", "author", "note", "messageID", "editedAt"]

    func encode(to writer: inout BinaryWriter) {
        writer.uuid(id)
        writer.date(at)
        writer.enumCase(channel)
        writer.optionalEnumCase(direction)
        writer.string(summary)
        writer.optionalString(author)
        writer.optionalString(note)
        writer.optionalString(messageID)
        writer.optionalDate(editedAt)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(id: try reader.uuid(), at: try reader.date(), channel: try reader.enumCase(),
                  direction: try reader.optionalEnumCase(), summary: try reader.string(), author: try reader.optionalString(),
                  note: try reader.optionalString(), messageID: try reader.optionalString(), editedAt: try reader.optionalDate())
    }
}

extension NextAction: SnapshotCodable {
    static let snapshotFields = ["summary", "due", "whoseMove"]

    func encode(to writer: inout BinaryWriter) {
        writer.string(summary)
        writer.date(due)
        writer.enumCase(whoseMove)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(summary: try reader.string(), due: try reader.date(), whoseMove: try reader.enumCase())
    }
}

extension Dropping: SnapshotCodable {
    static let snapshotFields = ["at", "reason", "by"]

    func encode(to writer: inout BinaryWriter) {
        writer.date(at)
        writer.string(reason)
        writer.optionalString(by)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(at: try reader.date(), reason: try reader.string(), by: try reader.optionalString())
    }
}

extension ImportedResult: SnapshotCodable {
    static let snapshotFields = ["id", "day", "matchedBy", "sourceFile", "line", "deliverableID", "figures"]

    func encode(to writer: inout BinaryWriter) {
        writer.uuid(id)
        writer.date(day)
        writer.string(matchedBy)
        writer.string(sourceFile)
        writer.int(line)
        writer.optional(deliverableID) { $0.uuid($1) }
        writer.value(figures)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(id: try reader.uuid(), day: try reader.date(), matchedBy: try reader.string(), sourceFile: try reader.string(),
                  line: try reader.int(), deliverableID: try reader.present() ? try reader.uuid() : nil, figures: try reader.value())
    }
}
