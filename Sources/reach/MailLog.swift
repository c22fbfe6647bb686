import Foundation
import ReachApp
import ReachCore
import ReachStore
import TerminalUI

/// `reach log --mail`: one email message from standard input becomes an email activity on the deal of the creator
/// it is from or to, so a mail reader's one key (`| reach log --mail`) keeps the timeline and whose move it is current.
enum MailLog {
    /// Larger than any real message without big attachments; a mailbox piped by mistake stops here.
    static let maximumSize = 10 * 1024 * 1024

    /// How much of the message's new text goes into the activity's note: enough to recall it on the deal page.
    static let noteLines = 10
    static let noteCharacters = 1_000

    /// Reads standard input to its end, refusing more than `maximumSize` bytes.
    static func readStandardInput() throws -> [UInt8] {
        if isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data("reach: reading one email message from standard input (Ctrl-D ends it)\n".utf8))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw UserError(description: "Could not read standard input: \(String(cString: strerror(errno))).")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > maximumSize {
                throw UserError(description: "The message on standard input is larger than 10 MB; nothing was logged. "
                                + "reach log --mail takes one message (pipe a single message, not a mailbox).")
            }
        }
        return bytes
    }

    static func run(_ context: LogContext, bytes: [UInt8], deal explicit: String?) throws {
        let message: MailMessage
        do {
            message = try MailParser.parse(bytes)
        } catch {
            throw UserError(description: error.description)
        }
        let index = MailAddressIndex(context.workspace.creatorsAMessageCouldBeAbout(message))
        guard let match = index.match(message) else {
            throw UserError(description: safe(unmatchedMessage(message)))
        }
        let creators = match.creators.compactMap { context.workspace.influencer($0) }
        let chosen = try DealChoice.choose(for: creators, explicit: explicit, in: context.workspace)
        let source = match.source
        let subject = source.subject.isEmpty ? "(no subject)" : source.subject
        let messageID = source.messageID ?? message.messageID
        let activity = Activity(at: source.date ?? message.date ?? context.now, channel: .email, direction: match.direction,
                                summary: subject, author: context.author, note: note(source.newText), messageID: messageID)
        let saved = try context.update(chosen.deal.id) { deal in
            if let messageID, deal.activities.contains(where: { $0.messageID == messageID }) { return false }
            deal.logContact(activity, then: .keep, days: context.days)
            return true
        }
        guard let saved else {
            printLines([Sanitizer.sanitized("Already logged: \(subject) (Message-ID \(messageID ?? ""))")])
            return
        }
        printLines([context.loggedLine(activity, on: saved, creator: chosen.creator)])
    }

    /// The first `noteLines` lines (at most `noteCharacters`) of what the sender wrote, or nil when they wrote nothing.
    static func note(_ text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept = lines.prefix(noteLines).joined(separator: "\n")
        var cut = lines.count > noteLines
        if kept.count > noteCharacters {
            kept = String(kept.prefix(noteCharacters - 1))
            cut = true
        }
        kept = String(kept.reversed().drop { $0.isWhitespace }.reversed())
        guard !kept.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return cut ? kept + " …" : kept
    }

    /// Names the sender (and the recipients) that matched nobody, and how to make the next try work.
    private static func unmatchedMessage(_ message: MailMessage) -> String {
        let senders = list((message.from + (message.forwarded?.from ?? [])).map(\.address))
        let recipients = list((message.to + message.cc).map(\.address))
        return "The sender \(senders.isEmpty ? "(none given)" : senders) is not the email of any creator or agent, "
            + (recipients.isEmpty ? "and the message has no recipients" : "nor is any recipient (\(recipients))")
            + "; nothing was logged. Add the address to the creator (or their agent) in the app, then pipe the message again."
    }

    /// Up to five addresses, each once.
    private static func list(_ addresses: [String]) -> String {
        var seen: Set<String> = []
        let unique = addresses.filter { seen.insert($0.lowercased()).inserted }
        let shown = unique.prefix(5).joined(separator: ", ")
        return unique.count > 5 ? "\(shown) and \(unique.count - 5) more" : shown
    }
}

/// Creators by every email address they can be reached at (their own and their agent's), lowercased, so a message
/// is matched in one look-up per address even on a 100,000-creator roster.
struct MailAddressIndex {
    private var creators: [String: [RecordID]] = [:]

    init<S: Sequence<Influencer>>(_ influencers: S) {
        for influencer in influencers {
            for address in Set(Self.addresses(of: influencer)) { creators[address, default: []].append(influencer.id) }
        }
        for key in creators.keys { creators[key]?.sort() }
    }

    /// Who the message is about and which way it went: from a creator (inbound); else a forward whose original is
    /// from a creator (inbound, logged as the original); else from the user to a creator (outbound).
    struct Match {
        var creators: [RecordID]
        var direction: ActivityDirection
        /// The message whose subject, date, text and Message-ID are logged (the original, for a forward).
        var source: MailMessage
    }

    func match(_ message: MailMessage) -> Match? {
        let senders = creators(of: message.from)
        if !senders.isEmpty { return Match(creators: senders, direction: .inbound, source: message) }
        if let original = message.forwarded {
            let senders = creators(of: original.from)
            if !senders.isEmpty { return Match(creators: senders, direction: .inbound, source: original) }
        }
        let recipients = creators(of: message.to + message.cc)
        if !recipients.isEmpty { return Match(creators: recipients, direction: .outbound, source: message) }
        return nil
    }

    private func creators(of addresses: [MailAddress]) -> [RecordID] {
        var seen: Set<RecordID> = []
        return addresses.flatMap { creators[$0.address.lowercased()] ?? [] }.filter { seen.insert($0).inserted }
    }

    /// The creator's and the agent's email fields, plus any address written in their "other" contact lines
    /// (the model has no list of secondary emails; people note them there: "also liga.b@gmail.com").
    static func addresses(of influencer: Influencer) -> [String] {
        let fields = [influencer.contact.email, influencer.contact.other, influencer.agent?.contact.email, influencer.agent?.contact.other]
        return fields.compactMap { $0 }.flatMap(emailAddresses)
    }

    /// The email-looking words in `text` (`x@y.z`, a `mailto:` prefix dropped), lowercased.
    static func emailAddresses(in text: String) -> [String] {
        let separators = CharacterSet(charactersIn: " \t\r\n,;<>()[]\"'")
        return text.components(separatedBy: separators).compactMap { word in
            var word = word.lowercased()
            if word.hasPrefix("mailto:") { word.removeFirst(7) }
            word = word.trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
            guard let at = word.firstIndex(of: "@"), at != word.startIndex,
                  word[word.index(after: at)...].contains("."), word.filter({ $0 == "@" }).count == 1 else { return nil }
            return word
        }
    }
}
