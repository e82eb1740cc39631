import ArgumentParser
import DirectoryStore
import Foundation
import OnboardCore
import OnboardKit

/// `--store PATH` and `--directory SPEC`: which directory a command works on.
struct DirectoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite store file (default: \(DirectorySpecification.defaultStorePath) in the current folder).",
            valueName: "path"))
    var store: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The directory instead of --store: sqlite:PATH, memory, or "
                + "simulated:latency=20ms,failure-rate=0.02[,retry-after=50ms,seed=N] (load tests).",
            valueName: "spec"))
    var directory: String?

    func validate() throws {
        if store != nil && directory != nil {
            throw ValidationError("Give --store PATH or --directory SPEC, not both.")
        }
        if let store, store.isEmpty { throw ValidationError("--store needs a file path.") }
        if let directory {
            do throws(DirectorySpecificationError) {
                _ = try DirectorySpecification(parsing: directory)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    /// The directory named, or `fallback` when neither option was given.
    func specification(fallback: DirectorySpecification) -> DirectorySpecification {
        given ?? fallback
    }

    /// The directory named on the command line, `nil` when neither option was given.
    var given: DirectorySpecification? {
        if let store { return .sqlite(path: store) }
        if let directory, let specification = try? DirectorySpecification(parsing: directory) {
            return specification
        }
        return nil
    }

    /// Opens the directory; prints the reason and exits with 75 when another process held the store's
    /// write lock too long, 74 when the store cannot be opened otherwise.
    static func open(_ specification: DirectorySpecification) throws -> any Directory {
        do throws(DirectoryStoreError) {
            return try specification.makeDirectory()
        } catch {
            printToStandardError("onboard: error: \(error)")
            throw (error.isBusy ? ExitStatus.temporaryFailure : ExitStatus.ioError).code
        }
    }

    /// The directory as a message names it.
    var name: String { store ?? directory ?? DirectorySpecification.defaultStorePath }

    /// Opens the directory for a command that only reads: a missing store file is an error (exit 66),
    /// never made empty.
    func openForReading() throws -> any Directory {
        try Self.openForReading(specification(fallback: .sqlite(path: DirectorySpecification.defaultStorePath)))
    }

    /// Opens `specification` for a command that only reads: a store file read-only, and a missing
    /// one is an error (exit 66), never made empty.
    static func openForReading(_ specification: DirectorySpecification) throws -> any Directory {
        do throws(DirectoryStoreError) {
            switch specification {
            case .sqlite(let path): return try SQLiteDirectory(readingExisting: path)
            default: return try specification.makeDirectory()
            }
        } catch {
            printToStandardError("onboard: error: \(error)")
            throw (error.isMissing ? ExitStatus.noInput : ExitStatus.ioError).code
        }
    }
}

/// Prints a directory failure while listing and gives the exit status.
func listingFailed(_ error: DirectoryError) -> ExitCode {
    printToStandardError("onboard: error: \(error.message)")
    return (error.isTransient ? ExitStatus.temporaryFailure : ExitStatus.ioError).code
}

/// Writes a command's whole output to standard output.
func printToStandardOutput(_ text: String) throws {
    let stream = StandardStream(descriptor: 1)
    do throws(StandardStream.WriteError) {
        try stream.write(text)
        try stream.flush()
    } catch {
        printToStandardError("onboard: error: \(error)")
        throw ExitStatus.ioError.code
    }
}
