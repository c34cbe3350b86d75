/// Reads the figures of the Health screen and `confab health`, and runs its maintenance actions.
///
/// A probe owns its connection. Cheap figures come from PRAGMAs and file sizes. Expensive ones
/// (`anatomy`, `checkIntegrity`) read the whole store and keep one read snapshot while they run,
/// so they belong on a connection of their own. No method leaves a statement open.
public protocol HealthProbe: AnyObject {
    func figures() throws -> StoreFigures

    /// Computes per-object sizes (dbstat), full-text index statistics and planner-statistics
    /// freshness. Reads the whole store: seconds on a large one.
    func anatomy() throws -> StoreAnatomy

    /// Runs `PRAGMA quick_check` and every FTS5 index's integrity-check, calling `progress` before
    /// each step with the step's name, its number from 0 and the number of steps.
    func checkIntegrity(progress: (String, Int, Int) -> Void) throws -> [IntegrityStepResult]

    /// Runs a maintenance action and returns a one-line description of its result.
    func perform(_ action: MaintenanceAction) throws -> String
}
