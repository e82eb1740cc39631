import ArgumentParser
import DirectoryStore
import OnboardCore
import OnboardKit

/// `--store PATH` for the listing commands, which only read: a missing store file is an error
/// (exit 66), never made empty.
struct DirectoryOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The directory store (default: \(DirectorySpecification.defaultStorePath) in the current folder).",
            valueName: "path"))
    var store: String = DirectorySpecification.defaultStorePath

    /// Opens the store for reading, or prints why not and throws the exit status.
    func openForReading() throws -> any Directory {
        let specification: DirectorySpecification
        do throws(DirectorySpecificationError) {
            specification = try DirectorySpecification(parsing: store)
        } catch {
            printToStandardError("onboard: error: \(error)")
            throw ExitStatus.usage.code
        }
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
