import Foundation
import ReachCore

/// The words that identify one creator, and the test of whether a piece of text mentions them.
///
/// Strong terms (full name, real name, email, phone, handles, profile URLs) are searched in every file of
/// the data folder. Weak terms (first name, single words of the name) are too common for that ("Travel"
/// from "The Travel Guy") and are searched only in the creator's own deals, where any mention is about them.
/// Matching ignores case and accents; a Latin-script term must stand as a whole word ("Anna" does not match
/// "Savannah"), while CJK, Georgian and other scripts without spaces match anywhere.
struct ErasureTerms: Sendable {
    private(set) var strong: [String]
    private(set) var weak: [String]
    /// The terms as written (for plain-text replacement, where folding cannot be applied to the file).
    private var strongAsWritten: [String]
    private var weakAsWritten: [String]

    /// Shorter folded terms are ignored: they would match unrelated text.
    static let minimumLength = 3

    init(_ influencer: Influencer) {
        var strong = [influencer.displayName, influencer.realName ?? "", influencer.contact.email ?? "",
                      influencer.contact.phone ?? "", influencer.contact.other ?? ""]
        for account in influencer.accounts {
            strong += [account.handle, "@" + account.handle, account.url ?? ""]
        }
        let names = [influencer.displayName, influencer.realName ?? "", influencer.firstName ?? ""]
        let words = names.flatMap { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) }
        let weakTerms = [influencer.firstName ?? ""] + words
        let strongTerms = Self.clean(strong)
        self.strong = strongTerms
        self.weak = Self.clean(weakTerms).filter { !strongTerms.contains($0) }
        strongAsWritten = Self.longestFirst(strong)
        weakAsWritten = Self.longestFirst(weakTerms)
    }

    private static func longestFirst(_ terms: [String]) -> [String] {
        Set(terms.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }).filter { $0.count >= minimumLength }.sorted { $0.count > $1.count }
    }

    private static func clean(_ terms: [String]) -> [String] {
        var seen = Set<String>()
        return terms.map { TextFolding.fold($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            .filter { $0.count >= minimumLength && seen.insert($0).inserted }
            .sorted { $0.count > $1.count }
    }

    /// True when `text` mentions the creator; `own` also checks the weak terms (for their own deals).
    func mentions(_ text: String, own: Bool) -> Bool {
        let folded = TextFolding.fold(text)
        return (own ? strong + weak : strong).contains { Self.contains(folded, term: $0, wholeWord: !own) }
    }

    /// `text` with every occurrence of a term replaced by "erased", for files that are not JSON (logs, damaged files).
    func scrubbingOccurrences(in text: String, own: Bool) -> String {
        var out = text
        let terms = own ? strongAsWritten + strong + weakAsWritten + weak : strongAsWritten + strong
        for term in terms {
            out = out.replacingOccurrences(of: term, with: "erased", options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive])
        }
        return out
    }

    private static func isWordCharacter(_ c: Character?) -> Bool {
        guard let c else { return false }
        return c.isASCII && (c.isLetter || c.isNumber)
    }

    private static func contains(_ text: String, term: String, wholeWord: Bool) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: term, range: searchStart..<text.endIndex) {
            guard wholeWord else { return true }
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            let startOK = !isWordCharacter(term.first) || !isWordCharacter(before)
            let endOK = !isWordCharacter(term.last) || !isWordCharacter(after)
            if startOK && endOK { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }
}
