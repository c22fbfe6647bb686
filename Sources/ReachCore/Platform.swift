import Foundation

/// A social platform or channel; string-backed (not a closed enum) so a platform added later, or typed by a user, still decodes and round-trips.
public struct Platform: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.trimmedLowerCased() }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: Platform, rhs: Platform) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let instagram: Platform = "instagram"
    public static let tiktok: Platform = "tiktok"
    public static let youtube: Platform = "youtube"
    public static let facebook: Platform = "facebook"
    public static let x: Platform = "x"
    public static let linkedin: Platform = "linkedin"
    public static let twitch: Platform = "twitch"
    public static let pinterest: Platform = "pinterest"
    public static let snapchat: Platform = "snapchat"
    public static let wechat: Platform = "wechat"
    public static let douyin: Platform = "douyin"
    public static let weibo: Platform = "weibo"
    public static let xiaohongshu: Platform = "xiaohongshu"
    public static let blog: Platform = "blog"
    public static let podcast: Platform = "podcast"
    public static let newsletter: Platform = "newsletter"

    /// The platforms Reach knows, in display order.
    public static let known: [Platform] = [
        .instagram, .tiktok, .youtube, .facebook, .x, .linkedin, .twitch, .pinterest, .snapchat,
        .wechat, .douyin, .weibo, .xiaohongshu, .blog, .podcast, .newsletter,
    ]

    public var isKnown: Bool { Self.known.contains(self) }

    /// Human name for the UI ("TikTok", "X", "Xiaohongshu").
    public var displayName: String {
        switch rawValue {
        case "instagram": return "Instagram"
        case "tiktok": return "TikTok"
        case "youtube": return "YouTube"
        case "facebook": return "Facebook"
        case "x": return "X"
        case "linkedin": return "LinkedIn"
        case "twitch": return "Twitch"
        case "pinterest": return "Pinterest"
        case "snapchat": return "Snapchat"
        case "wechat": return "WeChat"
        case "douyin": return "Douyin"
        case "weibo": return "Weibo"
        case "xiaohongshu": return "Xiaohongshu"
        case "blog": return "Blog"
        case "podcast": return "Podcast"
        case "newsletter": return "Newsletter"
        default: return rawValue.capitalized
        }
    }

    /// Host names that identify the platform in a profile URL.
    public var hosts: [String] {
        switch rawValue {
        case "instagram": return ["instagram.com", "instagr.am"]
        case "tiktok": return ["tiktok.com"]
        case "youtube": return ["youtube.com", "youtu.be"]
        case "facebook": return ["facebook.com", "fb.com"]
        case "x": return ["x.com", "twitter.com"]
        case "linkedin": return ["linkedin.com"]
        case "twitch": return ["twitch.tv"]
        case "pinterest": return ["pinterest.com"]
        case "snapchat": return ["snapchat.com"]
        case "weibo": return ["weibo.com"]
        case "douyin": return ["douyin.com"]
        case "xiaohongshu": return ["xiaohongshu.com", "xhslink.com"]
        default: return []
        }
    }

    /// The platform a URL's host belongs to, if known ("www.tiktok.com" → TikTok; "twitter.com" → X).
    public static func from(host: String) -> Platform? {
        let h = host.lowercased()
        return known.first { p in p.hosts.contains { h == $0 || h.hasSuffix("." + $0) } }
    }

    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// A kind of content a creator delivers and prices (feed post, reel, story…); string-backed so new formats decode.
public struct ContentType: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: ContentType, rhs: ContentType) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let feedPost: ContentType = "feedPost"
    public static let reel: ContentType = "reel"
    public static let story: ContentType = "story"
    public static let video: ContentType = "video"
    public static let liveStream: ContentType = "liveStream"
    public static let blogArticle: ContentType = "blogArticle"
    public static let podcastMention: ContentType = "podcastMention"
    public static let newsletterMention: ContentType = "newsletterMention"
    public static let carousel: ContentType = "carousel"

    public static let known: [ContentType] = [.feedPost, .reel, .story, .video, .liveStream, .blogArticle, .podcastMention, .newsletterMention, .carousel]

    public var displayName: String {
        switch rawValue {
        case "feedPost": return "Feed post"
        case "reel": return "Reel/short"
        case "story": return "Story"
        case "video": return "Video"
        case "liveStream": return "Live stream"
        case "blogArticle": return "Blog article"
        case "podcastMention": return "Podcast mention"
        case "newsletterMention": return "Newsletter mention"
        case "carousel": return "Carousel"
        default: return rawValue
        }
    }

    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// A content niche (free tag) such as "skincare"; string-backed with a suggested list, since teams invent their own.
public struct Niche: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    /// Stored trimmed and lower-cased so "Skincare" and "skincare " are one niche.
    public init(rawValue: String) { self.rawValue = rawValue.trimmedLowerCased() }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: Niche, rhs: Niche) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The suggested niches from the domain brief.
    public static let suggested: [Niche] = [
        "fashion & beauty", "skincare", "travel", "food & drink", "health & fitness", "gaming", "tech",
        "lifestyle", "parenting", "business & finance", "sustainability",
    ]

    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}
