import DirectoryStore
import OnboardCore

/// Which directory a run provisions into, as given on the command line (`--store`).
///
/// - `PATH` or `sqlite:PATH`: the embedded SQLite store in that file (the default:
///   ``defaultStorePath`` in the current folder);
/// - `memory`: an empty in-memory directory, forgotten at exit (dry runs, tests);
/// - `simulated[:latency=20ms,failure-rate=0.02,retry-after=50ms,seed=7]`: an in-memory directory
///   behind a ``SimulatedDirectory``, for load tests of the concurrent engine.
public enum DirectorySpecification: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case memory
    case simulated(SimulatedDirectory.Settings)

    /// The store a run uses when no `--store` is given: this file in the current folder, so a partner
    /// running onboard from cron in a folder finds it beside the inputs and reports.
    public static let defaultStorePath = "onboard-directory.sqlite"

    /// The default: the SQLite store at ``defaultStorePath``.
    public static let standard = DirectorySpecification.sqlite(path: defaultStorePath)

    /// Opens or makes the directory this names.
    public func makeDirectory() throws(DirectoryStoreError) -> any Directory {
        switch self {
        case .sqlite(let path): try SQLiteDirectory(path: path)
        case .memory: InMemoryDirectory()
        case .simulated(let settings): SimulatedDirectory(wrapping: InMemoryDirectory(), settings: settings)
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .memory: "memory"
        case .simulated(let settings): settings.description
        }
    }
}
