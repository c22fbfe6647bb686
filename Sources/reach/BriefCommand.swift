import ArgumentParser
import Foundation
import ReachApp
import ReachCore
import ReachStore

extension BriefFormat: ExpressibleByArgument {}

/// `reach brief CAMPAIGN`: the brief to send every creator in a campaign, without budget, targets or notes.
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "The creator-facing brief of a campaign, as Markdown or plain text.",
        discussion: """
            Brand, product, dates and goals, then the key message, target audience, deliverables, timeline, do's and \
            don'ts, brand voice, call to action and link, discount codes, disclosure rule, approval, payment terms and \
            reporting: the parts that are filled in. Budget, KPI targets, internal notes and other creators are never \
            in it. A campaign whose brief is empty is an error (exit 1): write the brief with B on the campaign.
            """
    )

    @Argument(help: "The campaign's id or name (case-insensitive; a unique part of the name is enough).")
    var campaign: String

    @Option(help: "md or text.")
    var format: BriefFormat = .md

    @OptionGroup var destination: OutputOption

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.withCurrentWorkspace { _, workspace, _ in
            let document = try safeMessages {
                try CampaignBriefDocument.make(campaign: campaign, campaigns: Array(workspace.campaigns.values))
            }
            // The brief is the team's free text: no control character of it may reach a terminal or the file sent on.
            try emit(Array(safe(document.render(format)).utf8), to: destination.output)
        }
    }
}
