import ArgumentParser
import Foundation
import ReachApp
import ReachCore
import ReachStore
import TerminalUI

/// The channels a person logs by hand (`system` entries are the app's own, never typed).
enum LogChannel: String, CaseIterable, ExpressibleByArgument {
    case email, dm, call, meeting, note

    var activityChannel: ActivityChannel {
        switch self {
        case .email: .email
        case .dm: .dm
        case .call: .call
        case .meeting: .meeting
        case .note: .note
        }
    }
}

/// `reach log`: records a contact on a deal without opening the app, so a reply read in mutt or a call just
/// finished is on the timeline (and settles whose move it is) in one line of shell, or one key in the mail reader.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Record a contact (email, DM, call, meeting, note) on a creator's deal, or log an email piped in.",
        discussion: """
            CREATOR is an id, an @handle (any platform), a name or an email. The creator's one open deal is used; \
            with several, the command lists them and --deal ID picks one (--deal can also pick a closed one).
            --in records a contact from them and makes the next step our move, due today (unless --next sets \
            another); --out (the default, except for notes) records one from us. --next TEXT replaces the next \
            step; --due sets its day (YYYY-MM-DD, +3d, +2w, today, tomorrow, mon…sun), else a reply is due today \
            and anything else on the usual follow-up day.
            --mail reads one email message on standard input (mutt: pipe-message, aerc: :pipe -m, procmail): a \
            message from a creator's (or their agent's) address is logged as inbound, one from you to them as \
            outbound; a forward is matched on the original's sender. The subject is the summary, the new text \
            (without the quoted part) the note. A message already logged (same Message-ID) is not logged again.
            The author is you: $REACH_USER, else the team member whose login is $USER, else $USER.
            """
    )

    @Argument(help: ArgumentHelp("The creator: id, @handle, name or email.", valueName: "creator"))
    var creator: String?

    @Argument(help: ArgumentHelp("What happened, in one line.", valueName: "summary"))
    var summary: String?

    @Flag(name: .customLong("in"), help: "A contact from them: makes the next step our move, due today.")
    var inbound = false

    @Flag(name: .customLong("out"), help: "A contact from us (the default, except for notes).")
    var outbound = false

    @Option(help: "email, dm, call, meeting or note.")
    var channel: LogChannel = .email

    @Option(help: ArgumentHelp("The deal to log on, when the creator has several (or none open).", valueName: "id"))
    var deal: String?

    @Option(help: ArgumentHelp("Replace the deal's next step with this.", valueName: "text"))
    var next: String?

    @Option(help: ArgumentHelp("The next step's day: YYYY-MM-DD, +3d, +2w, today, tomorrow, mon…sun.", valueName: "date"))
    var due: String?

    @Flag(help: "Read one email message on standard input and log it (the creator and summary come from it).")
    var mail = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if inbound, outbound { throw ValidationError("--in and --out cannot be used together.") }
        if due != nil, next == nil { throw ValidationError("--due sets the day of the next step: give the step with --next TEXT.") }
        if let next, next.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--next needs the text of the next step.")
        }
        if let due, DateInput.parse(due, now: Date(), timeZone: .current) == nil {
            throw ValidationError("--due \"\(Sanitizer.sanitized(due))\" is not a date. \(DateInput.help)")
        }
        if mail {
            if creator != nil || summary != nil {
                throw ValidationError("--mail takes the creator and the summary from the message: give neither.")
            }
            if inbound || outbound || next != nil {
                throw ValidationError("--mail takes the direction from the message's addresses; --in, --out and --next do not apply.")
            }
            return
        }
        guard creator != nil else { throw ValidationError("Give the creator (id, @handle, name or email) and a summary, or --mail.") }
        guard let summary, !summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("Give a summary of the contact, e.g. reach log @liga \"Sent the brief\".")
        }
    }

    func run() throws {
        try global.withCurrentWorkspace { store, workspace, problems in
            defer { for problem in problems { FileHandle.standardError.write(Data("reach: \(problem)\n".utf8)) } }
            let context = LogContext(store: store, workspace: workspace, now: Date(), timeZone: .current)
            if mail {
                try MailLog.run(context, bytes: try MailLog.readStandardInput(), deal: deal)
            } else {
                try logByHand(context)
            }
        }
    }

    private func logByHand(_ context: LogContext) throws {
        let query = creator ?? ""
        let found = try safeMessages { try RecordLookup.influencer(query, in: context.workspace.creatorsALookupCouldMatch(query)) }
        let chosen = try DealChoice.choose(for: [found], explicit: deal, in: context.workspace)
        let direction: ActivityDirection? = inbound ? .inbound : outbound ? .outbound : channel == .note ? nil : .outbound
        let activity = Activity(at: context.now, channel: channel.activityChannel, direction: direction,
                                summary: (summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines), author: context.author)
        let change: NextStepChange = next.map { text in
            .replace(NextStepDraft(summary: text.trimmingCharacters(in: .whitespacesAndNewlines),
                                   due: due.flatMap { DateInput.parse($0, now: context.now, timeZone: context.timeZone) }))
        } ?? .keep
        let saved = try context.update(chosen.deal.id) { deal in
            deal.logContact(activity, then: change, days: context.days)
            return true
        }
        guard let saved else { return }
        printLines([context.loggedLine(activity, on: saved, creator: chosen.creator)])
    }
}

/// What every `reach log` run works with: the open store, the folder as loaded, the clock and who is logging.
struct LogContext {
    var store: RecordStore
    var workspace: Workspace
    var now: Date
    var timeZone: TimeZone

    var author: String? { currentUser(workspace.settings.workspace)?.name }

    /// A reply is due by the end of today; anything else by the end of the usual follow-up day.
    var days: NextStepDays {
        NextStepDays(now: now, timeZone: timeZone, followUpAfterDays: workspace.settings.workspace.followUpAfterDays)
    }

    /// Reads the deal fresh from its file, lets `change` edit it (returning false to write nothing) and saves it
    /// against the revision it read. If another session saved in between, reads and applies once more; a second
    /// conflict means someone is editing it right now, and the user is told so rather than overwriting them.
    func update(_ id: RecordID, _ change: (inout Deal) throws -> Bool) throws -> Deal? {
        for _ in 0..<2 {
            guard var deal = try userFacing({ try store.load(Deal.self, id: id) }) else {
                throw UserError(description: "Deal \(id) is gone (deleted in another session?); nothing was logged.")
            }
            guard try change(&deal) else { return nil }
            switch try userFacing({ try store.save(deal, expectedRevision: deal.revision) }) {
            case .saved(let saved): return saved
            case .conflict: continue
            }
        }
        throw UserError(description: "Another session is editing deal \(id) (it changed twice while this was being saved); "
                        + "nothing was logged. Try again in a moment.")
    }

    /// `Logged inbound email on Līga Bērziņa · Serum launch; next step: Reply: … (our move, due today)`, sanitised.
    func loggedLine(_ activity: Activity, on deal: Deal, creator: Influencer) -> String {
        let direction = activity.direction.map { $0 == .inbound ? "inbound " : "outbound " } ?? ""
        let channel = activity.channel == .dm ? "DM" : activity.channel.rawValue
        let campaign = workspace.campaigns[deal.campaignID]?.name ?? deal.campaignID.rawValue
        var line = "Logged \(direction)\(channel) on \(creator.displayName) · \(campaign); "
        if let next = deal.nextAction {
            let whose = next.whoseMove.moveLabel
            let relative = Humanize.due(next.due, now: now, timeZone: timeZone)
            let day = ["today", "tomorrow"].contains(relative) ? relative : "\(Humanize.day(next.due, timeZone: timeZone)), \(relative)"
            line += "next step: \(next.summary) (\(whose), due \(day))"
        } else {
            line += "no next step"
        }
        return Sanitizer.sanitized(line)
    }
}

/// Which deal a contact goes on: the one given with `--deal`, else the creators' single open deal. Several open
/// deals, or none, stop the command with a list to pick from, since guessing would put the contact on the wrong deal.
enum DealChoice {
    static func choose(for creators: [Influencer], explicit: String?, in workspace: Workspace) throws -> (deal: Deal, creator: Influencer) {
        let pipeline = workspace.pipeline
        let names = creatorNames(creators)
        if let explicit {
            let id = RecordID(rawValue: explicit.trimmingCharacters(in: .whitespaces).uppercased())
            guard let deal = workspace.deal(id) else {
                throw UserError(description: safe("No deal has the id \"\(explicit)\". "
                                                  + "Run without --deal to list \(names)'s deals."))
            }
            guard let creator = creators.first(where: { $0.id == deal.influencerID }) else {
                let owner = workspace.influencer(deal.influencerID)?.displayName ?? deal.influencerID.rawValue
                throw UserError(description: safe("Deal \(deal.id) (\(campaignName(deal, workspace))) is \(owner)'s, "
                                                  + "not \(names)'s. Run without --deal to list \(names)'s deals."))
            }
            return (deal, creator)
        }
        let all = creators.flatMap { workspace.deals(ofInfluencer: $0.id) }
        let open = all.filter { $0.isOpen(pipeline: pipeline) }
        let several = creators.count > 1
        if open.count == 1, let deal = open.first, let creator = creators.first(where: { $0.id == deal.influencerID }) {
            return (deal, creator)
        }
        if open.count > 1 {
            throw UserError(description: safe("\(names) \(several ? "have" : "has") \(open.count) open deals; "
                                              + "pick one with --deal ID:\n" + rows(open, workspace, withCreator: several)))
        }
        if all.isEmpty {
            throw UserError(description: safe("\(names) \(several ? "have" : "has") no deals. "
                                              + "Add \(several ? "one" : "them") to a campaign in the app first, then log again."))
        }
        throw UserError(description: safe("\(names) \(several ? "have" : "has") no open deal, only closed or archived ones:\n"
                                          + rows(all, workspace, withCreator: several)
                                          + "\n--deal ID can still pick one of these."))
    }

    /// "Līga Bērziņa", or "Līga Bērziņa or Jānis Ozoliņš" when an agent's address is shared.
    private static func creatorNames(_ creators: [Influencer]) -> String {
        creators.map(\.displayName).joined(separator: " or ")
    }

    private static func campaignName(_ deal: Deal, _ workspace: Workspace) -> String {
        workspace.campaigns[deal.campaignID]?.name ?? "campaign \(deal.campaignID)"
    }

    /// One line per deal: id, campaign, stage (and creator when several share an address).
    private static func rows(_ deals: [Deal], _ workspace: Workspace, withCreator: Bool) -> String {
        deals.map { deal in
            var columns = [deal.id.rawValue, campaignName(deal, workspace), workspace.pipeline.name(of: deal.stage)]
            if deal.archived { columns[2] += " (archived)" }
            if withCreator { columns.insert(workspace.influencer(deal.influencerID)?.displayName ?? "", at: 1) }
            return "  " + columns.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// `text` with every line sanitised: names in messages come from data and must not put escape sequences on the terminal.
func safe(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.sanitized(String($0)) }.joined(separator: "\n")
}

/// `userFacing`, with the library's message sanitised line by line (it quotes names from the data).
func safeMessages<T>(_ body: () throws -> T) throws -> T {
    do {
        return try userFacing(body)
    } catch let error as UserError {
        throw UserError(description: safe(error.description))
    }
}
