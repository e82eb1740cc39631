import ArgumentParser
import OnboardKit

/// `--wait SECONDS`: how long a run waits for the lock of its store (``StoreLock``).
struct StoreLockOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Wait up to this many seconds for another run to let go of the store (default: 0); still busy "
                + "then: exit 75.", valueName: "seconds"))
    var wait: Double?

    func validate() throws {
        if let wait, !(wait.isFinite && (0...86_400).contains(wait)) {
            throw ValidationError("--wait must be a number of seconds from 0 to 86400.")
        }
    }

    /// How long to wait.
    var duration: Duration { .milliseconds(Int64(((wait ?? 0) * 1000).rounded())) }

    /// Takes the lock of the SQLite store `specification` names (`nil` for other directories, which
    /// live in this process only); prints why it cannot and exits 75 (busy), 74 (no lock file) or
    /// 130/143 (a signal while waiting).
    func acquire(_ specification: DirectorySpecification, interruption: RunInterruption) throws -> StoreLock?
    {
        guard case .sqlite(let path) = specification else { return nil }
        do throws(StoreLockError) {
            return try StoreLock.acquire(store: path, waiting: duration, interruption: interruption)
        } catch {
            printToStandardError("onboard: error: \(error)")
            switch error.kind {
            case .busy: throw ExitStatus.temporaryFailure.code
            case .unusable: throw ExitStatus.ioError.code
            case .interrupted:
                throw ExitCode(interruption.signal?.exitStatus ?? ExitStatus.interrupted.rawValue)
            }
        }
    }
}
