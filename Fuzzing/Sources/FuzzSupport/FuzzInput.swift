import CLibFuzzer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes libFuzzer hands a target, split into a few option bytes and the payload.
///
/// Options come from the front so that libFuzzer's mutations of the payload keep the options (and a
/// seed file of plain CSV with one option byte in front stays a readable CSV file).
public struct FuzzInput {
    public private(set) var bytes: ArraySlice<UInt8>

    /// The input at `data`, as libFuzzer passes it to `LLVMFuzzerTestOneInput`.
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { ArraySlice(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    /// The next byte as an option (0 when the input is used up); the payload loses it.
    public mutating func optionByte() -> UInt8 {
        bytes.popFirst() ?? 0
    }

    /// One of `choices`, picked by the next option byte.
    public mutating func pick<Choice>(_ choices: [Choice]) -> Choice {
        choices[Int(optionByte()) % choices.count]
    }

    /// What is left after the options.
    public var payload: [UInt8] { Array(bytes) }
}

/// Stops the fuzzer with `message` when `condition` is false: libFuzzer saves the input as a crash.
///
/// `abort()` rather than `precondition` so the message is printed in release builds too.
public func fuzzExpect(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
    line: UInt = #line
) {
    guard !condition() else { return }
    let text = Array("fuzz expectation failed at \(file):\(line): \(message())\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}

/// Runs libFuzzer on `target` with this process's command line (libFuzzer's flags, corpus folders or
/// crash files to replay), then exits with its status.
///
/// SwiftPM gives every executable its own `main` (renamed, so tests can link it), which libFuzzer's
/// `main` cannot replace; the targets' `main.swift` call this instead.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = withUnsafeMutablePointer(to: &argv) { argvPointer in
        argvPointer.withMemoryRebound(
            to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1
        ) {
            LLVMFuzzerRunDriver(&argc, $0, target)
        }
    }
    exit(status)
}
