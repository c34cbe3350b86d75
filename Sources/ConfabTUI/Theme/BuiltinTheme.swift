/// The default theme, compiled in so that the console works without the Themes folder.
///
/// It must stay identical to Themes/default.theme; a test compares the two.
enum BuiltinTheme {
    static let name = "default"

    static let text = """
# Confab's default theme, for terminals with a dark background.
# The format is described in docs/themes.md. A copy of this file is compiled into
# Confab, so the console works without the Themes folder.

description = Dark background (the default)
background = dark

# Most text uses the terminal's own colours.
text               = default on default
dim                = 245
title              = bold 117
border             = 240
border-focused     = 75
note               = 250
error              = bold 203
warning            = 221

# Header line.
header             = 252 on 236
header-title       = bold 117 on 236
breadcrumb         = 252 on 236
tab                = 245 on 236
tab-active         = bold 234 on 117
badge              = bold 114 on 236

# Bottom line: key hints, messages, the : and / lines.
hints              = 250 on 235
hint-key           = bold 117 on 235
status             = 252 on 235
status-error       = bold 203 on 235
prompt             = 255 on 235
cursor             = 235 on 252

# Lists and transcripts.
selection          = bold 255 on 25
selection-inactive = 252 on 238
role-user          = bold 114
role-assistant     = bold 117
role-system        = 180
role-tool          = 176
code               = 187 on 234
match              = bold 234 on 222
branch             = 180
fold               = italic 245

# Help overlay.
help-key           = bold 117
help-text          = default
"""

    static let theme: Theme = {
        do {
            var theme = try ThemeParser.parse(text, name: name, file: "(built-in default theme)")
            theme.path = nil
            return theme
        } catch {
            preconditionFailure("the built-in default theme does not parse: \(error)")
        }
    }()
}
