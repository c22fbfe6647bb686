import Foundation
import ReachCore

extension RelationshipStatus: SnapshotEnum { static let snapshotCases = allCases }
extension VettingVerdict: SnapshotEnum { static let snapshotCases = allCases }
extension VettingCheck: SnapshotEnum { static let snapshotCases = allCases }
extension CheckResult: SnapshotEnum { static let snapshotCases = allCases }

extension Influencer: SnapshotRecord {
    static let snapshotFields = [
        "id", "schemaVersion", "createdAt", "updatedAt", "revision", "displayName", "realName", "firstName", "contact",
        "agent", "country", "city", "languages", "timeZone", "tags", "niches", "notes", "relationship", "doNotContact",
        "doNotContactReason", "accounts", "audience", "vetting", "rateCard", "rating", "consent", "archived",
    ]

    func encode(to writer: inout BinaryWriter) {
        writer.string(id.rawValue)
        writer.int(schemaVersion)
        writer.date(createdAt)
        writer.date(updatedAt)
        writer.int(revision)
        writer.string(displayName)
        writer.optionalString(realName)
        writer.optionalString(firstName)
        writer.value(contact)
        writer.optionalValue(agent)
        writer.optionalString(country)
        writer.optionalString(city)
        writer.strings(languages)
        writer.optionalString(timeZone)
        writer.strings(tags)
        writer.array(niches) { $0.string($1.rawValue) }
        writer.optionalString(notes)
        writer.enumCase(relationship)
        writer.bool(doNotContact)
        writer.optionalString(doNotContactReason)
        writer.values(accounts)
        writer.optionalValue(audience)
        writer.value(vetting)
        writer.value(rateCard)
        writer.optionalValue(rating)
        writer.optionalValue(consent)
        writer.bool(archived)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        let id = try reader.recordID()
        let schemaVersion = try reader.int()
        let createdAt = try reader.date()
        let updatedAt = try reader.date()
        let revision = try reader.int()
        let displayName = try reader.string()
        let realName = try reader.optionalString()
        let firstName = try reader.optionalString()
        let contact = try reader.value(ContactInfo.self)
        let agent = try reader.optionalValue(AgentContact.self)
        let country = try reader.optionalString()
        let city = try reader.optionalString()
        let languages = try reader.strings()
        let timeZone = try reader.optionalString()
        let tags = try reader.strings()
        let nicheCount = try reader.count()
        var niches: [Niche] = []
        niches.reserveCapacity(nicheCount)
        for _ in 0..<nicheCount { niches.append(try reader.niche()) }
        self.init(
            id: id, createdAt: createdAt, updatedAt: updatedAt, revision: revision, schemaVersion: schemaVersion,
            displayName: displayName, realName: realName, firstName: firstName, contact: contact, agent: agent,
            country: country, city: city, languages: languages, timeZone: timeZone, tags: tags, niches: niches,
            notes: try reader.optionalString(), relationship: try reader.enumCase(), doNotContact: try reader.bool(),
            doNotContactReason: try reader.optionalString(), accounts: try reader.values(), audience: try reader.optionalValue(),
            vetting: try reader.value(), rateCard: try reader.value(), rating: try reader.optionalValue(),
            consent: try reader.optionalValue(), archived: try reader.bool())
    }
}

extension ContactInfo: SnapshotCodable {
    static let snapshotFields = ["email", "phone", "other"]

    func encode(to writer: inout BinaryWriter) {
        writer.optionalString(email)
        writer.optionalString(phone)
        writer.optionalString(other)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(email: try reader.optionalString(), phone: try reader.optionalString(), other: try reader.optionalString())
    }
}

extension AgentContact: SnapshotCodable {
    static let snapshotFields = ["name", "agency", "contact", "note"]

    func encode(to writer: inout BinaryWriter) {
        writer.string(name)
        writer.optionalString(agency)
        writer.value(contact)
        writer.optionalString(note)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(name: try reader.string(), agency: try reader.optionalString(), contact: try reader.value(),
                  note: try reader.optionalString())
    }
}

extension PlatformAccount: SnapshotCodable {
    static let snapshotFields = ["id", "platform", "handle", "url", "isMain", "snapshots"]

    func encode(to writer: inout BinaryWriter) {
        writer.uuid(id)
        writer.string(platform.rawValue)
        writer.string(handle)
        writer.optionalString(url)
        writer.bool(isMain)
        writer.values(snapshots)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        let id = try reader.uuid()
        let platform = try reader.platform()
        let handle = try reader.string()
        // The initialiser normalises the handle; the stored one is kept exactly as it was read from the file.
        self.init(id: id, platform: platform, handle: "", url: try reader.optionalString(), isMain: try reader.bool(),
                  snapshots: try reader.values())
        self.handle = handle
    }
}

extension MetricSnapshot: SnapshotCodable {
    static let snapshotFields = ["asOf", "source", "followers", "avgViews", "engagementRate", "postsPerWeek", "note"]

    func encode(to writer: inout BinaryWriter) {
        writer.date(asOf)
        writer.enumCase(source)
        writer.optionalInt(followers)
        writer.optionalInt(avgViews)
        writer.optionalDouble(engagementRate)
        writer.optionalDouble(postsPerWeek)
        writer.optionalString(note)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(asOf: try reader.date(), source: try reader.enumCase(), followers: try reader.optionalInt(),
                  avgViews: try reader.optionalInt(), engagementRate: try reader.optionalDouble(),
                  postsPerWeek: try reader.optionalDouble(), note: try reader.optionalString())
    }
}

extension Audience: SnapshotCodable {
    static let snapshotFields = ["topCountries", "ageBands", "gender", "interests", "targetMarketShare", "asOf", "source"]

    func encode(to writer: inout BinaryWriter) {
        writer.values(topCountries)
        writer.values(ageBands)
        writer.optionalValue(gender)
        writer.strings(interests)
        writer.optionalDouble(targetMarketShare)
        writer.optionalDate(asOf)
        writer.optionalEnumCase(source)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(topCountries: try reader.values(), ageBands: try reader.values(), gender: try reader.optionalValue(),
                  interests: try reader.strings(), targetMarketShare: try reader.optionalDouble(), asOf: try reader.optionalDate(),
                  source: try reader.optionalEnumCase())
    }
}

extension AudienceShare: SnapshotCodable {
    static let snapshotFields = ["key", "percent"]

    func encode(to writer: inout BinaryWriter) {
        writer.string(key)
        writer.double(percent)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(try reader.string(), try reader.double())
    }
}

extension GenderSplit: SnapshotCodable {
    static let snapshotFields = ["female", "male", "other"]

    func encode(to writer: inout BinaryWriter) {
        writer.optionalDouble(female)
        writer.optionalDouble(male)
        writer.optionalDouble(other)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(female: try reader.optionalDouble(), male: try reader.optionalDouble(), other: try reader.optionalDouble())
    }
}

extension Vetting: SnapshotCodable {
    static let snapshotFields = ["verdict", "score", "checklist", "notes", "vettedAt", "vettedBy"]

    func encode(to writer: inout BinaryWriter) {
        writer.enumCase(verdict)
        writer.optionalInt(score)
        writer.values(checklist)
        writer.optionalString(notes)
        writer.optionalDate(vettedAt)
        writer.optionalString(vettedBy)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(verdict: try reader.enumCase(), score: try reader.optionalInt(), checklist: try reader.values(),
                  notes: try reader.optionalString(), vettedAt: try reader.optionalDate(), vettedBy: try reader.optionalString())
    }
}

extension VettingItem: SnapshotCodable {
    static let snapshotFields = ["check", "result", "note"]

    func encode(to writer: inout BinaryWriter) {
        writer.enumCase(check)
        writer.enumCase(result)
        writer.optionalString(note)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(check: try reader.enumCase(), result: try reader.enumCase(), note: try reader.optionalString())
    }
}

extension RateCard: SnapshotCodable {
    static let snapshotFields = ["entries", "quotedAt"]

    func encode(to writer: inout BinaryWriter) {
        writer.values(entries)
        writer.optionalDate(quotedAt)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(entries: try reader.values(), quotedAt: try reader.optionalDate())
    }
}

extension RateCardEntry: SnapshotCodable {
    static let snapshotFields = ["platform", "contentType", "price", "note"]

    func encode(to writer: inout BinaryWriter) {
        writer.string(platform.rawValue)
        writer.string(contentType.rawValue)
        writer.value(price)
        writer.optionalString(note)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(platform: try reader.platform(), contentType: try reader.contentType(), price: try reader.value(),
                  note: try reader.optionalString())
    }
}

extension CreatorRating: SnapshotCodable {
    static let snapshotFields = ["stars", "wouldWorkAgain", "note"]

    func encode(to writer: inout BinaryWriter) {
        writer.optionalInt(stars)
        writer.optionalBool(wouldWorkAgain)
        writer.optionalString(note)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(stars: try reader.optionalInt(), wouldWorkAgain: try reader.optionalBool(), note: try reader.optionalString())
    }
}

extension DataConsent: SnapshotCodable {
    static let snapshotFields = ["source", "consentAt", "lawfulBasis", "note"]

    func encode(to writer: inout BinaryWriter) {
        writer.optionalString(source)
        writer.optionalDate(consentAt)
        writer.optionalString(lawfulBasis)
        writer.optionalString(note)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(source: try reader.optionalString(), consentAt: try reader.optionalDate(), lawfulBasis: try reader.optionalString(),
                  note: try reader.optionalString())
    }
}
