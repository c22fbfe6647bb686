/// How many colours the terminal can show; decides which palette a theme uses.
public enum ColorMode: Sendable, Hashable {
    case monochrome
    case ansi16
    case ansi256

    /// Picks the mode from the environment and the terminal's colour count; any non-empty `NO_COLOR` forces monochrome.
    public static func detect(environment: [String: String], colorCount: Int) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if colorCount >= 256 { return .ansi256 }
        if colorCount >= 8 { return .ansi16 }
        return .monochrome
    }
}

/// Semantic styles, so screens say "this is overdue" and the theme decides how that looks.
///
/// Foregrounds only, on the terminal's default background, so text stays readable on dark and light
/// terminals; selection uses reverse video for the same reason.
public struct Theme: Sendable, Hashable {
    public var mode: ColorMode
    public var normal: Style
    public var muted: Style
    public var title: Style
    public var header: Style
    public var selected: Style
    public var border: Style
    public var focusedBorder: Style
    public var keyHint: Style
    public var warning: Style
    public var overdue: Style
    public var error: Style
    public var success: Style
    public var money: Style
    public var accent: Style
    public var tabActive: Style
    public var statusBar: Style
    public var input: Style

    /// The theme for a colour mode.
    public init(mode: ColorMode) {
        self.mode = mode
        let bold = Style(attributes: .bold)
        normal = .plain
        selected = Style(attributes: .reverse)
        tabActive = Style(attributes: [.bold, .reverse])
        statusBar = .plain
        switch mode {
        case .monochrome:
            muted = Style(attributes: .dim)
            title = bold
            header = Style(attributes: [.bold, .underline])
            border = Style(attributes: .dim)
            focusedBorder = bold
            keyHint = bold
            warning = bold
            overdue = Style(attributes: [.bold, .underline])
            error = Style(attributes: [.bold, .reverse])
            success = bold
            money = .plain
            accent = bold
            input = Style(attributes: .underline)
        case .ansi16, .ansi256:
            let rich = mode == .ansi256
            muted = rich ? Style(foreground: .indexed(244)) : Style(foreground: .brightBlack)
            title = Style(foreground: rich ? .indexed(39) : .cyan, attributes: .bold)
            header = Style(foreground: rich ? .indexed(39) : .cyan, attributes: .bold)
            border = rich ? Style(foreground: .indexed(244)) : Style(foreground: .brightBlack)
            focusedBorder = Style(foreground: rich ? .indexed(39) : .cyan)
            keyHint = Style(foreground: rich ? .indexed(214) : .yellow, attributes: .bold)
            warning = Style(foreground: rich ? .indexed(214) : .yellow)
            overdue = Style(foreground: rich ? .indexed(196) : .red, attributes: .bold)
            error = Style(foreground: rich ? .indexed(196) : .red, attributes: .bold)
            success = Style(foreground: rich ? .indexed(34) : .green)
            money = Style(foreground: rich ? .indexed(35) : .green)
            accent = Style(foreground: rich ? .indexed(170) : .magenta, attributes: .bold)
            input = Style(attributes: .underline)
        }
    }

    /// The theme for the current environment and terminal colour count.
    public static func detect(environment: [String: String], colorCount: Int) -> Theme {
        Theme(mode: ColorMode.detect(environment: environment, colorCount: colorCount))
    }

    /// Monochrome, the default for widgets and tests.
    public static let monochrome = Theme(mode: .monochrome)
}
