#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The memory this process holds, read from the kernel.
public struct ResidentMemory: Sendable, Hashable {
    /// Resident set now, in bytes (`/proc/self/statm`, second field, times the page size).
    public var currentBytes: Int
    /// Peak resident set so far, in bytes (`getrusage(RUSAGE_SELF).ru_maxrss`, KiB on Linux).
    public var peakBytes: Int

    /// Reads both figures now.
    public static func now() -> ResidentMemory {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return ResidentMemory(currentBytes: currentResidentBytes(), peakBytes: Int(usage.ru_maxrss) * 1024)
    }

    /// Pages resident now: the second number of `/proc/self/statm` (`fscanf` is variadic, so not imported).
    private static func currentResidentBytes() -> Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        guard fgets(&line, Int32(line.count), file) != nil else { return 0 }
        let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let numbers = text.split(separator: " ").compactMap { Int($0) }
        guard numbers.count >= 2 else { return 0 }
        return numbers[1] * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
