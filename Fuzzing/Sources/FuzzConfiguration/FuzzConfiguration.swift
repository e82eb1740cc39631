import FuzzSupport
import OnboardKit

/// Fuzzes the `onboard.toml` parser: any text gives a configuration or `ConfigurationErrors` with at
/// least one message, never a crash.
///
/// Input: the whole input is the file, decoded as UTF-8 (invalid bytes become U+FFFD as when the
/// tool reads the file).
func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = FuzzInput(data, size)
    let text = String(decoding: input.payload, as: UTF8.self)
    do throws(ConfigurationErrors) {
        let configuration = try OnboardConfiguration(parsing: text, file: "onboard.toml")
        _ = configuration.merging(overrides: .init())
    } catch {
        fuzzExpect(!error.errors.isEmpty, "ConfigurationErrors without an error")
        fuzzExpect(!error.description.isEmpty, "a configuration error without a message")
    }
    return 0
}
