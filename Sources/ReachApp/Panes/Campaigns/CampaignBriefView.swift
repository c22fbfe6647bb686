import Foundation
import ReachCore
import TerminalUI

/// The Brief section of the campaign page: `Campaign.briefParts` (what `reach brief` prints), wrapped to the width
/// it gets. Wide enough, titles stand in a column left of their text; narrower, each title is on its own line.
enum CampaignBriefView {
    /// From this width the titles get a column of their own.
    static let titleColumnFrom = 56
    static let titleWidth = 16

    static func draw(_ campaign: Campaign, _ page: inout Sheet) {
        page.heading("Brief", "B edits")
        let theme = page.theme
        if campaign.brief.isEmpty {
            page.wrapped("No brief yet: B writes it (key message, do's and don'ts, call to action, timeline, disclosure…).", theme.muted)
        }
        let column = page.width >= titleColumnFrom
        let indent = column ? titleWidth : 2
        let width = max(1, page.width - indent)
        for part in campaign.briefParts {
            let lines: [String] = switch part.body {
            case .text(let text): TextViewer.wrap(text, width: width)
            case .list(let items): items.flatMap { item in
                TextViewer.wrap(item, width: max(1, width - 2)).enumerated().map { ($0.offset == 0 ? "• " : "  ") + $0.element }
            }
            }
            if column { page.label(part.title, theme.muted, width: titleWidth - 1) } else { page.line(part.title, theme.muted) }
            for line in lines { page.line(line, theme.normal, x: indent) }
        }
    }
}
