import ReachCore

/// What a snapshot's bytes mean: the format, the record schema versions, and every codec's field list and
/// enum cases, folded into one signature stored in the file. Any change to the model's codec or to an enum
/// changes it, so an older snapshot is ignored instead of misread; nobody has to remember to bump a number.
enum SnapshotSchema {
    /// Bump when the file layout (not the records' encoding, which the signature covers) changes.
    static let formatVersion = 2

    static let recordKinds: [RecordKind] = [.influencer, .campaign, .deal, .template]

    static let codables: [any SnapshotCodable.Type] = [
        Influencer.self, ContactInfo.self, AgentContact.self, PlatformAccount.self, MetricSnapshot.self, Audience.self,
        AudienceShare.self, GenderSplit.self, Vetting.self, VettingItem.self, RateCard.self, RateCardEntry.self,
        CreatorRating.self, DataConsent.self, Money.self,
        Campaign.self, TargetAudience.self, CampaignBrief.self, KPITargets.self,
        Deal.self, StageChange.self, Pricing.self, Offer.self, ContractTerms.self, UsageRights.self, Exclusivity.self,
        Deliverable.self, DeliverableResults.self, Tracking.self, Payment.self, Activity.self, NextAction.self, Dropping.self,
        ImportedResult.self, Template.self,
    ]

    static let enums: [any SnapshotEnum.Type] = [
        MetricSource.self, RelationshipStatus.self, VettingVerdict.self, VettingCheck.self, CheckResult.self,
        CampaignStatus.self, CampaignGoal.self, FunnelStage.self, DealSource.self, PartnershipType.self, Compensation.self,
        PricingModel.self, Party.self, DeliverableStatus.self, PaymentKind.self, PaymentStatus.self, ActivityChannel.self,
        ActivityDirection.self, RetainerPeriod.self,
    ]

    static let signature: UInt64 = {
        var text = "format \(formatVersion)\n"
        text += "schemas \(Influencer.currentSchemaVersion) \(Campaign.currentSchemaVersion) "
        text += "\(Deal.currentSchemaVersion) \(Template.currentSchemaVersion)\n"
        for type in codables { text += "\(type): \(type.snapshotFields.joined(separator: ","))\n" }
        for type in enums { text += "\(type): \(rawValues(of: type).joined(separator: ","))\n" }
        return SnapshotHash.hash(Array(text.utf8))
    }()

    private static func rawValues<E: SnapshotEnum>(of type: E.Type) -> [String] { E.snapshotCases.map(\.rawValue) }
}
