#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure to start or finish a child, with the command so a person can run it by hand.
public struct ChildProcessError: Error, Sendable, CustomStringConvertible {
    public var command: [String]
    public var reason: String

    public init(command: [String], reason: String) {
        self.command = command
        self.reason = reason
    }

    public var description: String { "`\(command.joined(separator: " "))`: \(reason)" }
}

/// Runs a command as a child process and returns what it printed.
///
/// Not a measurement: a child spawned from here starts with this process's memory high-water mark
/// (see `measure-child`); `MeasuredCommand` goes through that launcher.
public struct ChildProcess: Sendable {
    public var command: [String]

    /// A child running `command[0]` (looked up in `PATH` when it has no `/`) with the other elements as arguments.
    public init(_ command: [String]) {
        precondition(!command.isEmpty, "a command needs at least the program")
        self.command = command
    }

    /// Runs the child to the end and returns its standard output; throws when it cannot start,
    /// is killed, or exits non-zero. Its standard error goes to ours.
    @discardableResult
    public func run() throws -> String {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw failure("pipe() failed: \(errnoText())") }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        defer { close(readEnd) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, command[0], &actions, nil, argv, environ)
        close(writeEnd)
        guard spawned == 0 else { throw failure("cannot start: \(String(cString: strerror(spawned)))") }

        // Drain the pipe before reaping so a chatty child cannot block on a full pipe.
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw failure("waitpid() failed: \(errnoText())") }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        let signal = status & 0x7f
        let exitCode = (status >> 8) & 0xff
        guard signal == 0 else { throw failure("killed by signal \(signal)") }
        guard exitCode == 0 else { throw failure("exited with status \(exitCode)") }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func failure(_ reason: String) -> ChildProcessError {
        ChildProcessError(command: command, reason: reason)
    }
}

/// The text of the current `errno`, for error messages.
public func errnoText() -> String { String(cString: strerror(errno)) }

/// Writes a line to standard error unbuffered (the C `stderr` global is not concurrency-safe in Swift 6).
public func printToStandardError(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
}
