/// Exit statuses of the program.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// A runtime failure: a missing file, a database error.
    public static let failure: Int32 = 1
    /// A command line that does not match the command (`EX_USAGE` in `sysexits.h`).
    public static let usage: Int32 = 64
}
