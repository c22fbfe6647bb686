import ReachCore

/// What a CSV column holds about a creator. Platform-specific columns carry their platform; the generic
/// ones (`handle`, `url`, `followers`...) take it from a URL or a `platform` column in the same row.
public enum InfluencerField: Hashable, Sendable {
    case id, displayName, realName, firstName, email, phone, otherContact
    case country, city, languages, timeZone, tags, niches, notes
    case relationship, doNotContact, doNotContactReason, archived
    case agentName, agency, agentEmail, agentPhone
    case mainPlatform
    /// Names the platform of the generic handle/URL/metric columns in the same row.
    case platform
    case handle(Platform?)
    case profileURL(Platform?)
    case followers(Platform?)
    case engagementRate(Platform?)
    case avgViews(Platform?)
    case metricsAsOf(Platform?)
    /// The column is read but not used (`--map 'Column=ignore'`).
    case ignored

    /// The name used as the export header and accepted by `--map` (`display_name`, `instagram_followers`).
    public var name: String {
        switch self {
        case let .handle(p): return p.map { $0.isKnown ? $0.rawValue : $0.rawValue + "_handle" } ?? "handle"
        case let .profileURL(p): return Self.prefixed(p, "url")
        case let .followers(p): return Self.prefixed(p, "followers")
        case let .engagementRate(p): return Self.prefixed(p, "er")
        case let .avgViews(p): return Self.prefixed(p, "avg_views")
        case let .metricsAsOf(p): return Self.prefixed(p, "as_of")
        default: return Self.simple.first { $0.1 == self }?.0 ?? "ignore"
        }
    }

    private static func prefixed(_ platform: Platform?, _ suffix: String) -> String {
        platform.map { $0.rawValue + "_" + suffix } ?? suffix
    }

    /// True for the fields that can identify a creator on their own.
    var identifies: Bool {
        switch self {
        case .displayName, .realName, .email, .handle, .profileURL: return true
        default: return false
        }
    }

    /// The field a header or `--map` value names, or nil. Matching ignores case, accents, spaces and punctuation,
    /// and knows the usual aliases ("Display name", "IG handle", "TikTok", "Engagement rate", "Subscribers").
    public init?(header: String) {
        let key = Self.normalise(header)
        if key.isEmpty { return nil }
        if let simple = Self.simpleNames[key] ?? Self.aliases[key] {
            self = simple
            return
        }
        if let make = Self.suffixes[key] {
            self = make(nil)
            return
        }
        for (alias, platform) in Self.platformAliases where key.hasPrefix(alias) {
            if let make = Self.suffixes[String(key.dropFirst(alias.count))] {
                self = make(platform)
                return
            }
        }
        // `vk_handle`, `vk_followers`: a platform Reach does not know, in the export's own form.
        let parts = header.trimmingCharacters(in: .whitespaces).lowercased().split(separator: "_", maxSplits: 1).map(String.init)
        if parts.count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isLetter }), let make = Self.exportSuffixes[parts[1]] {
            self = make(Platform(rawValue: parts[0]))
            return
        }
        return nil
    }

    /// Lower-case, accents folded, letters and digits only: "IG  Handle" → "ighandle".
    static func normalise(_ text: String) -> String {
        let folded = TextFolding.fold(text)
        guard folded.utf8.allSatisfy({ $0 < 0x80 }) else { return folded.filter { $0.isLetter || $0.isNumber } }
        return String(decoding: folded.utf8.filter { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }, as: UTF8.self)
    }

    /// The fields without a platform, by export name, in export order.
    static let simple: [(String, InfluencerField)] = [
        ("id", .id), ("display_name", .displayName), ("real_name", .realName), ("first_name", .firstName),
        ("email", .email), ("phone", .phone), ("other_contact", .otherContact), ("country", .country), ("city", .city),
        ("languages", .languages), ("time_zone", .timeZone), ("tags", .tags), ("niches", .niches), ("notes", .notes),
        ("relationship", .relationship), ("do_not_contact", .doNotContact), ("do_not_contact_reason", .doNotContactReason),
        ("archived", .archived), ("agent_name", .agentName), ("agency", .agency), ("agent_email", .agentEmail),
        ("agent_phone", .agentPhone), ("main_platform", .mainPlatform), ("platform", .platform), ("ignore", .ignored),
    ]

    private static let simpleNames: [String: InfluencerField] =
        Dictionary(simple.map { (normalise($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })

    private static let aliases: [String: InfluencerField] = {
        let table: [InfluencerField: [String]] = [
            .id: ["reach id", "record id"],
            .displayName: ["name", "creator", "creator name", "influencer", "influencer name", "nickname", "channel name"],
            .realName: ["full name", "legal name"],
            .firstName: ["given name"],
            .email: ["e-mail", "email address", "mail", "contact email", "creator email"],
            .phone: ["phone number", "mobile", "tel", "telephone", "cell"],
            .otherContact: ["messenger", "telegram", "whatsapp"],
            .country: ["country code", "nation"],
            .city: ["town"],
            .languages: ["language", "lang", "langs"],
            .timeZone: ["timezone", "tz"],
            .tags: ["tag", "labels", "label"],
            .niches: ["niche", "category", "categories", "vertical", "topic", "topics"],
            .notes: ["note", "comments", "comment", "remarks"],
            .relationship: ["relationship status", "status"],
            .doNotContact: ["dnc"],
            .doNotContactReason: ["dnc reason"],
            .agentName: ["agent", "manager", "manager name"],
            .agency: ["agency name", "management"],
            .agentEmail: ["manager email", "agency email"],
            .agentPhone: ["manager phone", "agency phone"],
            .mainPlatform: ["primary platform"],
            .platform: ["network", "social network", "channel", "social media"],
            .handle(nil): ["social handle"],
            .followers(nil): ["audience", "audience size"],
            .engagementRate(nil): ["avg er", "average er"],
            .avgViews(nil): ["views per post"],
            .metricsAsOf(nil): ["last updated", "updated"],
        ]
        var map: [String: InfluencerField] = [:]
        for (field, names) in table { for n in names { map[normalise(n)] = field } }
        return map
    }()

    /// Spellings of each platform in headers, longest first so "xiaohongshu" is not read as "x" + "iaohongshu".
    private static let platformAliases: [(String, Platform)] = {
        var pairs: [(String, Platform)] = Platform.known.map { ($0.rawValue, $0) }
        pairs += [("ig", .instagram), ("insta", .instagram), ("tt", .tiktok), ("yt", .youtube), ("twitter", .x),
                  ("fb", .facebook), ("snap", .snapchat), ("xhs", .xiaohongshu), ("rednote", .xiaohongshu)]
        return pairs.sorted { $0.0.count > $1.0.count }
    }()

    /// What follows a platform's name in a header ("IG handle", "TikTok followers"); alone, the generic field.
    private static let suffixes: [String: @Sendable (Platform?) -> InfluencerField] = {
        var map: [String: @Sendable (Platform?) -> InfluencerField] = [:]
        for s in ["", "handle", "username", "user", "account", "at", "channel"] { map[s] = { .handle($0) } }
        for s in ["url", "link", "profile", "profileurl", "profilelink"] { map[s] = { .profileURL($0) } }
        for s in ["followers", "followercount", "followerscount", "subscribers", "subs", "fans"] { map[s] = { .followers($0) } }
        for s in ["er", "engagementrate", "engagement"] { map[s] = { .engagementRate($0) } }
        for s in ["avgviews", "averageviews", "views"] { map[s] = { .avgViews($0) } }
        for s in ["asof", "metricsdate", "metricsasof"] { map[s] = { .metricsAsOf($0) } }
        return map
    }()

    /// The suffixes the export writes after an unknown platform's name (`vk_handle`, `vk_avg_views`).
    private static let exportSuffixes: [String: @Sendable (Platform) -> InfluencerField] = [
        "handle": { .handle($0) }, "url": { .profileURL($0) }, "followers": { .followers($0) },
        "er": { .engagementRate($0) }, "avg_views": { .avgViews($0) }, "as_of": { .metricsAsOf($0) },
    ]
}
