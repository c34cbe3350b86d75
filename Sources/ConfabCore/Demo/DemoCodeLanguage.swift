/// A programming language of the code blocks in demo turns.
enum DemoCodeLanguage: Sendable, CaseIterable {
    case swift, python, typescript, javascript, rust, go, sql, bash, yaml, dockerfile

    var displayName: String {
        switch self {
        case .swift: "Swift"
        case .python: "Python"
        case .typescript: "TypeScript"
        case .javascript: "JavaScript"
        case .rust: "Rust"
        case .go: "Go"
        case .sql: "SQL"
        case .bash: "Bash"
        case .yaml: "YAML"
        case .dockerfile: "Docker"
        }
    }

    /// Info strings that chat models put after the opening fence; shell code comes with any of
    /// several, as it does in real transcripts.
    var fenceTags: DemoPool<String> {
        switch self {
        case .swift: Self.swiftTags
        case .python: Self.pythonTags
        case .typescript: Self.typescriptTags
        case .javascript: Self.javascriptTags
        case .rust: Self.rustTags
        case .go: Self.goTags
        case .sql: Self.sqlTags
        case .bash: Self.shellTags
        case .yaml: Self.yamlTags
        case .dockerfile: Self.dockerfileTags
        }
    }

    private static let swiftTags = DemoPool(uniform: ["swift"])
    private static let pythonTags = DemoPool(zipf: ["python", "py"])
    private static let typescriptTags = DemoPool(zipf: ["typescript", "ts"])
    private static let javascriptTags = DemoPool(zipf: ["javascript", "js"])
    private static let rustTags = DemoPool(uniform: ["rust"])
    private static let goTags = DemoPool(uniform: ["go"])
    private static let sqlTags = DemoPool(zipf: ["sql", "postgresql"])
    private static let shellTags = DemoPool(zipf: ["bash", "shell", "sh", "console"])
    private static let yamlTags = DemoPool(zipf: ["yaml", "yml"])
    private static let dockerfileTags = DemoPool(uniform: ["dockerfile"])

    /// Whether identifiers in this language are written in snake_case.
    var usesSnakeCase: Bool {
        self == .python || self == .rust || self == .sql
    }

    var fileExtension: String {
        switch self {
        case .swift: "swift"
        case .python: "py"
        case .typescript: "ts"
        case .javascript: "js"
        case .rust: "rs"
        case .go: "go"
        case .sql: "sql"
        case .bash: "sh"
        case .yaml: "yaml"
        case .dockerfile: "dockerfile"
        }
    }

    var snippets: DemoPool<DemoTemplate> {
        switch self {
        case .swift: DemoCodeSnippets.swift
        case .python: DemoCodeSnippets.python
        case .typescript: DemoCodeSnippets.typescript
        case .javascript: DemoCodeSnippets.javascript
        case .rust: DemoCodeSnippets.rust
        case .go: DemoCodeSnippets.go
        case .sql: DemoCodeSnippets.sql
        case .bash: DemoCodeSnippets.bash
        case .yaml: DemoCodeSnippets.yaml
        case .dockerfile: DemoCodeSnippets.dockerfile
        }
    }
}
