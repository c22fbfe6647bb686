import Foundation
import ReachStore
import TerminalUI

/// The screen shown while the data folder loads: what is being read, how much of it, and that `q` quits. The
/// first start on a 100,000-creator folder reads 300,000 files; without this it was a blank screen for as long.
public enum LoadingView {
    public static func render(_ progress: LoadProgress.Reading, folder: String, typedAhead: Int,
                              into buffer: inout Buffer, theme: Theme) {
        let size = buffer.size
        guard size.width > 0, size.height > 0 else { return }
        let width = min(size.width - 4, 60)
        guard width > 10 else { return }
        let x = (size.width - width) / 2
        let top = max(0, size.height / 2 - 3)
        buffer.write("Reach", x: x, y: top, maxWidth: width, style: theme.accent.adding(.bold))
        buffer.write("Opening " + folder, x: x, y: top + 1, maxWidth: width, style: theme.muted)
        buffer.write(phaseText(progress), x: x, y: top + 3, maxWidth: width, style: theme.normal)
        if progress.phase == .readingFiles || progress.phase == .indexingFiles, progress.total > 0 {
            Gauge(ratio: Double(progress.done) / Double(progress.total), theme: theme)
                .render(into: &buffer, area: Rect(x: x, y: top + 4, width: width, height: 1))
        }
        if progress.phase == .indexingFiles {
            buffer.write("Later starts read this index instead of every file.", x: x, y: top + 5, maxWidth: width,
                         style: theme.muted)
        }
        let hint = typedAhead > 0 ? "\(typedAhead) key(s) typed: they run once it is open · Ctrl-C quits"
                                  : "q or Ctrl-C quits · keys typed now run once it is open"
        buffer.write(hint, x: x, y: top + 6, maxWidth: width, style: theme.muted)
    }

    static func phaseText(_ progress: LoadProgress.Reading) -> String {
        switch progress.phase {
        case .starting: return "Opening the data folder…"
        case .readingIndex: return "Reading the index of this folder…"
        case .readingFiles: return "Reading records: \(grouped(progress.done)) of \(grouped(progress.total))"
        case .listingFiles: return "Listing the record files…"
        case .indexingFiles: return "Reading records into the folder's index: \(grouped(progress.done)) of \(grouped(progress.total))"
        case .building: return "Preparing the screens…"
        }
    }

    /// 300,922: a count that changes as it is read needs every digit, grouped as the campaign report groups them.
    static func grouped(_ value: Int) -> String { value.formatted(.number.locale(Locale(identifier: "en_US"))) }
}
