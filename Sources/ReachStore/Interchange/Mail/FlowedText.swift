/// Unwraps format=flowed text (RFC 3676), which Thunderbird, Apple Mail and others send: a line ending in a
/// space continues on the next line. Logged as-is, such mail would keep the sender's 72-column wrapping.
enum MailFlowedText {
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var pending: String?  // a paragraph being joined from flowed lines
        var pendingDepth = 0

        func flush() {
            if let paragraph = pending {
                let prefix = String(repeating: ">", count: pendingDepth)
                output.append(pendingDepth == 0 ? paragraph : (paragraph.isEmpty ? prefix : prefix + " " + paragraph))
            }
            pending = nil
        }

        for line in MailText.lines(text) {
            // Quote depth, then space-stuffing: one leading space after the quote marks was added by the sender.
            var content = Substring(line)
            var depth = 0
            while content.first == ">" {
                depth += 1
                content = content.dropFirst()
            }
            if content.first == " " { content = content.dropFirst() }
            let isSignatureSeparator = content == "-- "
            if pending != nil && (depth != pendingDepth || isSignatureSeparator) { flush() }
            if pending == nil {
                pending = String(content)
                pendingDepth = depth
            } else {
                pending?.append(contentsOf: content)
            }
            if content.hasSuffix(" ") && !isSignatureSeparator {
                if deleteSpace { pending?.removeLast() }
            } else {
                flush()
            }
        }
        flush()
        return output.joined(separator: "\n")
    }
}
