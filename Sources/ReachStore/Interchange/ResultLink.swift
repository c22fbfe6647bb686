import Foundation

/// Links as exports write them, reduced to one form so the same post or tracking link matches however it was
/// copied: no scheme, no `www.`/`m.`, host in lower case, no trailing slash, no fragment, and without the
/// tracking parameters platforms and analytics add (utm_*, igshid, fbclid, si, …). Other query parameters
/// (YouTube's `v=`) stay, sorted. Tracking links keep their UTM parameters (`keepingUTM`): they are what tells
/// one creator's link from another's.
enum ResultLink {
    static let trackingParameters: Set<String> = ["igshid", "igsh", "fbclid", "gclid", "si", "feature", "ref", "ref_src", "s", "t", "_r", "is_from_webapp", "sender_device"]

    static func normalise(_ text: String, keepingUTM: Bool = false) -> String? {
        var s = text.trimmingWhitespace()
        guard !s.isEmpty else { return nil }
        if !s.contains("://") { s = "https://" + s }
        guard let parts = URLComponents(string: s), let rawHost = parts.host, rawHost.contains(".") else { return nil }
        var host = rawHost.lowercased()
        for prefix in ["www.", "m.", "mobile."] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
        var path = parts.path
        while path.hasSuffix("/") { path.removeLast() }
        let kept = (parts.queryItems ?? []).filter { item in
            let name = item.name.lowercased()
            return (keepingUTM || !name.hasPrefix("utm_")) && !trackingParameters.contains(name)
        }.map { "\($0.name)=\($0.value ?? "")" }.sorted()
        return host + path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    /// One UTM parameter of a link (`utm_content`, `utm_campaign`), folded to lower case.
    static func utm(_ name: String, in text: String) -> String? {
        var s = text.trimmingWhitespace()
        if !s.contains("://") { s = "https://" + s }
        guard let items = URLComponents(string: s)?.queryItems else { return nil }
        return items.first { $0.name.lowercased() == name }?.value.map(utmValue)
    }

    /// A UTM value as matched: trimmed, lower case.
    static func utmValue(_ text: String) -> String { text.trimmingWhitespace().lowercased() }
}
