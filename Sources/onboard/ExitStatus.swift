import ArgumentParser

/// Every exit status `onboard` uses, in one place (the BSD `sysexits.h` values where one fits).
///
/// Commands throw `ExitStatus.….code` (an ArgumentParser `ExitCode`) after printing their own message;
/// ArgumentParser itself exits with `usage` (64) for a bad option or argument.
enum ExitStatus: Int32, CaseIterable {
    /// Everything worked.
    case success = 0
    /// An unexpected failure with no better status.
    case failure = 1
    /// Bad command line (EX_USAGE): unknown option, bad option value; ArgumentParser's own status.
    case usage = 64
    /// The input had malformed records (EX_DATAERR); the good ones were still processed.
    case dataError = 65
    /// An input file does not exist (EX_NOINPUT).
    case noInput = 66
    /// Reading or writing failed (EX_IOERR): unreadable file, full disk, closed pipe.
    case ioError = 74
    /// A temporary failure worth retrying (EX_TEMPFAIL), e.g. a directory that is busy.
    case temporaryFailure = 75
    /// Interrupted by Ctrl-C (128 + SIGINT).
    case interrupted = 130
    /// Terminated by SIGTERM (128 + SIGTERM).
    case terminated = 143

    /// The status as ArgumentParser's exit error: `throw ExitStatus.dataError.code`.
    var code: ExitCode { ExitCode(rawValue) }
}
