/// The schema step that adds glued words to the character index of existing stores.
///
/// Stores made before it have character rows without the words of other scripts glued to
/// unsegmented text, so `docker` in `東京でdockerを使う` would stay unfindable there. The step
/// rewrites the rows that gain glued words, through the update trigger that keeps
/// `turn_characters_fts` in step.
enum GluedWordsSchema {
    static let migration = Migration("0006_search_glued_words", apply: reindex)

    private static func reindex(_ connection: Connection) throws {
        let statement = try connection.prepare(
            "SELECT c.turn_id, t.text, c.characters FROM turn_characters c JOIN turns t ON t.id = c.turn_id")
        var changed: [(id: Int64, characters: String)] = []
        while try statement.step() {
            let text = statement.string(1)
            if let characters = UnsegmentedRuns.indexText(of: text), characters != statement.string(2) {
                changed.append((statement.int64(0), characters))
            }
        }
        statement.reset()

        for row in changed {
            try connection.run("UPDATE turn_characters SET characters = ? WHERE turn_id = ?", row.characters, row.id)
        }
    }
}
