import BenchmarkSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The benchmark's input: a `users.csv` written by the real `onboard samples`, kept in a folder
/// named after its parameters so a later run with the same parameters reuses it.
struct SampleInput: Sendable, Hashable {
    var users: Int
    var customers: Int
    var seed: Int

    /// The folder (under `dataDirectory`) that holds the files for these parameters.
    func directory(in dataDirectory: String) -> String {
        "\(dataDirectory)/samples-u\(users)-c\(customers)-s\(seed)"
    }

    /// The `users.csv` for these parameters, generated with `onboard` unless a complete one is there.
    func usersFile(in dataDirectory: String, onboard: String) throws -> String {
        try files(in: dataDirectory, onboard: onboard).users
    }

    /// The `customers.csv` and `users.csv` for these parameters, generated with `onboard` unless a
    /// complete pair is there.
    ///
    /// A `.complete` marker is written only after `onboard samples` succeeded, so an interrupted
    /// generation is made again rather than measured half-written.
    func files(in dataDirectory: String, onboard: String) throws -> (customers: String, users: String) {
        let folder = directory(in: dataDirectory)
        let marker = "\(folder)/.complete"
        let customers = "\(folder)/customers.csv"
        let users = "\(folder)/users.csv"
        if access(marker, F_OK) == 0 && access(users, R_OK) == 0 && access(customers, R_OK) == 0 {
            printProgress("reusing \(folder)")
            return (customers, users)
        }
        try ChildProcess(["mkdir", "-p", folder]).run()
        printProgress(
            "generating \(folder) with `\(onboard) samples` (\(self.customers.grouped) customers, "
                + "\(self.users.grouped) users)…")
        let start = ContinuousClock.now
        try ChildProcess([
            onboard, "samples", "--out", folder, "--customers", String(self.customers), "--users",
            String(self.users),
            "--seed", String(seed),
        ]).run()
        printProgress("generated in \(start.duration(to: .now))")
        guard access(users, R_OK) == 0, access(customers, R_OK) == 0 else {
            throw ChildProcessError(
                command: [onboard, "samples"], reason: "wrote no \(users) or \(customers)")
        }
        try ChildProcess(["touch", marker]).run()
        return (customers, users)
    }
}

/// Progress for a person watching, on standard error so standard output stays the Markdown report.
func printProgress(_ text: String) {
    printToStandardError(text)
}

/// The size of the file at `path` in bytes.
func fileSize(_ path: String) throws -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else {
        throw ChildProcessError(command: ["stat", path], reason: errnoText())
    }
    return Int(info.st_size)
}

/// The 1, 5 and 15 minute load averages from `/proc/loadavg`, e.g. `0.52 0.58 0.59`; `?` if unreadable.
func loadAverage() -> String {
    guard let file = fopen("/proc/loadavg", "r") else { return "?" }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 128)
    guard fgets(&line, Int32(line.count), file) != nil else { return "?" }
    let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

/// The folder of this executable, where SwiftPM also put the `read-*` and `dedup-keys` children.
func executableDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let path =
        length > 0
        ? buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : CommandLine.arguments[0]
    return path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
}
