import Foundation
import ReachCore
import ReachDemo
import Testing
@testable import ReachStore

/// The snapshot's hand-written binary codec: exact round trips, a field list that cannot drift from the model,
/// and a typed error (never a trap) for any truncated or garbled input.
@Suite struct SnapshotCodecTests {
    static let now = Date(timeIntervalSince1970: 1_780_304_400)
    static let curated = DemoData.make(now: now, seed: 42)
    static let scaled = DemoData.make(now: now, seed: 7, scale: 300)

    static func encoded<T: SnapshotCodable>(_ value: T) -> [UInt8] {
        var writer = BinaryWriter()
        value.encode(to: &writer)
        return writer.bytes
    }

    static func decoded<T: SnapshotCodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            let value = try T(from: &reader)
            guard reader.isAtEnd else { throw TestFailure("\(reader.remaining) bytes left after \(T.self)") }
            return value
        }
    }

    static func roundTrip<T: SnapshotCodable & Equatable>(_ value: T) throws -> Bool {
        let bytes = encoded(value)
        let back = try decoded(T.self, bytes)
        // Equal values must also encode to equal bytes: the fingerprint depends on it.
        return back == value && encoded(back) == bytes
    }

    @Test func everyDemoRecordRoundTrips() throws {
        for demo in [Self.curated, Self.scaled] {
            #expect(!demo.deals.isEmpty)
            for record in demo.influencers { #expect(try Self.roundTrip(record), "\(record.id)") }
            for record in demo.campaigns { #expect(try Self.roundTrip(record), "\(record.id)") }
            for record in demo.deals { #expect(try Self.roundTrip(record), "\(record.id)") }
            for record in demo.templates { #expect(try Self.roundTrip(record), "\(record.id)") }
        }
    }

    /// One value of every type the codec handles, so `Mirror` can list the type's stored properties.
    static let samples: [any SnapshotCodable] = {
        let id = RecordID(rawValue: "01JAAAAAAAAAAAAAAAAAAAAAAA")
        let money = Money(minorUnits: 1, currency: .eur)
        return [
            Influencer(id: id, createdAt: now, displayName: "x"), ContactInfo(), AgentContact(name: "x"),
            PlatformAccount(platform: .instagram, handle: "x"), MetricSnapshot(asOf: now), Audience(), AudienceShare("LV", 1),
            GenderSplit(), Vetting(), VettingItem(check: .audienceFit), RateCard(),
            RateCardEntry(platform: .instagram, contentType: .reel, price: money), CreatorRating(), DataConsent(), money,
            Campaign(id: id, createdAt: now, name: "x", brand: "x", budget: money), TargetAudience(), CampaignBrief(), KPITargets(),
            Deal(id: id, createdAt: now, influencerID: id, campaignID: id), StageChange(from: nil, to: .prospect, at: now), Pricing(),
            Offer(by: .us, amount: money, at: now), ContractTerms(), UsageRights(), Exclusivity(),
            Deliverable(platform: .tiktok, contentType: .video), DeliverableResults(), Tracking(), Payment(amount: money),
            Activity(at: now, channel: .email, summary: "x"), NextAction(summary: "x", due: now), Dropping(at: now, reason: "x"),
            ImportedResult(day: now, matchedBy: "x", sourceFile: "x", line: 2, figures: DeliverableResults()),
            Template(id: id, createdAt: now, name: "x", body: "x"),
        ]
    }()

    @Test func fieldListsMatchTheModel() {
        let sampled = Self.samples.map { String(describing: type(of: $0)) }
        #expect(Set(sampled) == Set(SnapshotSchema.codables.map { String(describing: $0) }),
                "every codec type needs a sample here, and every sample a place in SnapshotSchema.codables")
        for sample in Self.samples {
            let labels = Mirror(reflecting: sample).children.compactMap(\.label)
            #expect(labels == type(of: sample).snapshotFields,
                    "\(type(of: sample)) has fields \(labels): update its snapshot codec (Sources/ReachStore/Snapshot)")
        }
    }

    static let texts = ["", "Ana Ķirsone 🇱🇻", "ნინო ბერიძე", "山田花子", "👩🏽‍💻 x\u{0}y", String(repeating: "long ", count: 400)]

    @Test func edgeValuesRoundTrip() throws {
        let id = RecordID(rawValue: "01JBBBBBBBBBBBBBBBBBBBBBBB")
        let fractional = Date(timeIntervalSince1970: 1_700_000_000.123_456_789)
        for text in Self.texts {
            var bare = Influencer(id: id, createdAt: fractional, displayName: text)
            bare.vetting = Vetting(checklist: [])
            #expect(try Self.roundTrip(bare))
            var account = PlatformAccount(platform: Platform(rawValue: "vk"), handle: "x",
                                          snapshots: [MetricSnapshot(asOf: .distantPast, followers: .min, avgViews: .max,
                                                                     engagementRate: -0.0, postsPerWeek: .greatestFiniteMagnitude)])
            account.handle = "@Not Normalised " + text
            let full = Influencer(
                id: id, createdAt: .distantFuture, updatedAt: Date(timeIntervalSince1970: -1.5), revision: .max,
                displayName: text, realName: text, firstName: "", contact: ContactInfo(email: text, phone: "", other: text),
                agent: AgentContact(name: text, agency: nil, contact: ContactInfo(), note: text), country: "GE", city: text,
                languages: [text, ""], timeZone: "Asia/Tbilisi", tags: [], niches: [Niche(rawValue: text)], notes: text,
                relationship: .doNotContact, doNotContact: true, doNotContactReason: text, accounts: [account],
                audience: Audience(topCountries: [AudienceShare(text, 0.1)], ageBands: [], gender: GenderSplit(female: 1, male: nil, other: 0),
                                   interests: [text], targetMarketShare: 1e-300, asOf: fractional, source: .imported),
                vetting: Vetting(verdict: .onHold, score: -1, notes: text, vettedAt: fractional, vettedBy: text),
                rateCard: RateCard(entries: [RateCardEntry(platform: .x, contentType: ContentType(rawValue: text),
                                                           price: Money(minorUnits: .min, currency: CurrencyCode(rawValue: "xyz")))],
                                   quotedAt: nil),
                rating: CreatorRating(stars: 0, wouldWorkAgain: false, note: nil),
                consent: DataConsent(source: text, consentAt: fractional, lawfulBasis: nil, note: text), archived: true)
            #expect(try Self.roundTrip(full))
        }
        var deal = Deal(id: id, createdAt: fractional, influencerID: id, campaignID: id, stage: StageKey(rawValue: "custom"),
                        agreedFee: Money(minorUnits: .max, currency: .jpy), followUpCount: .min)
        deal.stageHistory = []
        deal.payments = [Payment(amount: Money(minorUnits: .min, currency: CurrencyCode("KWD")), dueDate: .distantPast, status: .cancelled)]
        deal.deliverables = [Deliverable(platform: .youtube, contentType: .video, count: .max, results: DeliverableResults(reach: .min))]
        deal.activities = [Activity(at: fractional, channel: .email, direction: .inbound, summary: "Re: x", author: "Anna",
                                    note: "Line one\n\nLine 3 山田", messageID: "CAHx7@mail.gmail.com"),
                           Activity(at: .distantPast, channel: .note, summary: "", note: "", messageID: nil)]
        #expect(try Self.roundTrip(deal))
        let campaign = Campaign(id: id, createdAt: fractional, name: "", brand: "🧴", goals: Set(CampaignGoal.allCases),
                                budget: Money(minorUnits: .min, currency: .usd))
        #expect(try Self.roundTrip(campaign))
    }

    @Test func everyTruncationThrows() {
        Self.expectEveryTruncationThrows(Self.curated.influencers[0])
        Self.expectEveryTruncationThrows(Self.curated.deals[0])
        Self.expectEveryTruncationThrows(Self.curated.campaigns[0])
        Self.expectEveryTruncationThrows(Self.curated.templates[0])
    }

    static func expectEveryTruncationThrows<T: SnapshotCodable>(_ value: T) {
        let bytes = encoded(value)
        for length in 0..<bytes.count {
            #expect(throws: SnapshotDecodeError.self) { try decoded(T.self, Array(bytes.prefix(length))) }
        }
    }

    @Test func garbledBytesThrowOrDecodeButNeverTrap() throws {
        var rng = SeededRNG(seed: 99)
        let deals = Self.scaled.deals.prefix(20)
        var failures = 0
        for deal in deals {
            let original = Self.encoded(deal)
            for _ in 0..<100 {
                var bytes = original
                for _ in 0...Int(rng.next() % 4) { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
                do { _ = try Self.decoded(Deal.self, bytes) } catch { failures += 1 }
            }
        }
        #expect(failures > 0)
    }

    @Test func anUnknownEnumCaseThrows() {
        var bytes = Self.encoded(VettingItem(check: .authenticity, result: .pass))
        bytes[0] = UInt8(VettingCheck.allCases.count)
        #expect(throws: SnapshotDecodeError.self) { try Self.decoded(VettingItem.self, bytes) }
        bytes[0] = 0
        bytes[1] = 7
        #expect(throws: SnapshotDecodeError.self) { try Self.decoded(VettingItem.self, bytes) }
    }

    @Test func aBadPresenceOrBoolByteThrows() {
        var bytes = Self.encoded(CreatorRating(stars: 3, wouldWorkAgain: true))
        bytes[0] = 2
        #expect(throws: SnapshotDecodeError.self) { try Self.decoded(CreatorRating.self, bytes) }
        bytes = Self.encoded(UsageRights())
        bytes[0] = 9
        #expect(throws: SnapshotDecodeError.self) { try Self.decoded(UsageRights.self, bytes) }
    }

    @Test func varintsAndZigzagRoundTripAtTheExtremes() throws {
        var writer = BinaryWriter()
        let values: [Int64] = [0, 1, -1, 63, -64, 64, 127, 128, .max, .min, .max - 1, .min + 1]
        for value in values { writer.int64(value) }
        writer.varint(.max)
        let read = try writer.bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            let numbers = try values.map { _ in try reader.int64() }
            return (numbers, try reader.varint(), reader.isAtEnd)
        }
        #expect(read.0 == values)
        #expect(read.1 == .max)
        #expect(read.2)
        // Eleven continuation bytes are no 64-bit number.
        let tooLong = [UInt8](repeating: 0xFF, count: 10) + [0x01]
        tooLong.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: SnapshotDecodeError.self) { try reader.varint() }
        }
    }

    @Test func hashSeesEveryByteAndLength() {
        let bytes = (0..<64).map { UInt8($0) }
        var seen = Set<UInt64>()
        for length in 0...bytes.count { seen.insert(SnapshotHash.hash(Array(bytes.prefix(length)))) }
        for index in bytes.indices {
            var flipped = bytes
            flipped[index] ^= 1
            seen.insert(SnapshotHash.hash(flipped))
        }
        #expect(seen.count == bytes.count + 1 + bytes.count)
        #expect(SnapshotHash.hash(bytes) == SnapshotHash.hash(bytes))
    }
}
