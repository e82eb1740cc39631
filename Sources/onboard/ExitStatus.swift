import ArgumentParser

/// Every exit status `onboard` uses, in one place (the BSD `sysexits.h` values where one fits).
///
/// Commands throw `ExitStatus.….code` (an ArgumentParser `ExitCode`) after printing their own message;
/// ArgumentParser itself exits with `usage` (64) for a bad option or argument. ``meaning`` is the one
/// source of `onboard --help`'s list and README's `## Exit codes` table (a test checks they agree).
enum ExitStatus: Int32, CaseIterable {
    /// Everything worked.
    case success = 0
    /// Rows were rejected (the rest went through; with `--max-reject-rate`, more than it allows), or
    /// an unexpected failure with no better status.
    case failure = 1
    /// Bad command line (EX_USAGE): unknown option, bad option value; ArgumentParser's own status.
    case usage = 64
    /// The input is unusable (EX_DATAERR): malformed records, a header onboard cannot map, a
    /// configuration file with mistakes, an unknown tenant.
    case dataError = 65
    /// An input file or the directory store does not exist (EX_NOINPUT).
    case noInput = 66
    /// Reading or writing failed (EX_IOERR): unreadable file, full disk, closed pipe.
    case ioError = 74
    /// A temporary failure worth retrying (EX_TEMPFAIL): the store is locked by another run, the
    /// directory is busy.
    case temporaryFailure = 75
    /// Interrupted by Ctrl-C (128 + SIGINT).
    case interrupted = 130
    /// Terminated by SIGTERM (128 + SIGTERM).
    case terminated = 143

    /// The status as ArgumentParser's exit error: `throw ExitStatus.dataError.code`.
    var code: ExitCode { ExitCode(rawValue) }

    /// When onboard exits with this status, in a few words for `--help` and the README.
    var meaning: String {
        switch self {
        case .success: "everything worked"
        case .failure:
            "some rows were rejected (the rest went through), above --max-reject-rate if given; or an unexpected failure"
        case .usage: "a bad command line: unknown option, bad option value"
        case .dataError: "unusable input: bad records, header or configuration; an unknown tenant"
        case .noInput: "an input file, configuration file or directory store does not exist"
        case .ioError: "reading or writing failed: unreadable file, full disk, closed pipe"
        case .temporaryFailure:
            "worth retrying later: the store is locked by another run (--wait), a busy directory"
        case .interrupted:
            "interrupted by Ctrl-C (SIGINT): the reports cover the rows read; run again to finish"
        case .terminated: "stopped by SIGTERM: the reports cover the rows read; run again to finish"
        }
    }

    /// `Exit status:` and one line per status, for the root command's `--help`.
    static var helpText: String {
        "Exit status:\n"
            + allCases.map { "  \(String($0.rawValue).padding(3)) \($0.meaning)" }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
