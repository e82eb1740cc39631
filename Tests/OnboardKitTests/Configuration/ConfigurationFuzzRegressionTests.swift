import Foundation
import Testing

@testable import OnboardKit

/// Inputs the configuration fuzzer (`Fuzzing/`, FuzzConfiguration) crashed on, replayed: each must
/// give `ConfigurationErrors` with a line, not abort the process.
struct ConfigurationFuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions/FuzzConfiguration")

    func firstError(_ text: String) -> ConfigurationError? {
        do {
            _ = try OnboardConfiguration(parsing: text, file: "onboard.toml")
            return nil
        } catch {
            return error.errors.first
        }
    }

    @Test func theCrashingFileFromTheFuzzerIsRefusedAtItsHeaderLine() throws {
        let text = try String(
            contentsOf: Self.fixtures.appendingPathComponent("table-header-backtick.toml"), encoding: .utf8)
        let error = firstError(text)
        #expect(error?.line == 7, "the header [`alidation] is on line 7: \(String(describing: error))")
        #expect(
            error?.message.contains("table header") == true,
            "the message says what is wrong: \(String(describing: error))")
    }

    /// `[` then U+0486 (a combining mark, so "[" is not a Character of its own) and invalid UTF-8.
    @Test func theCombiningMarkFileFromTheFuzzerIsRefusedAtItsHeaderLine() throws {
        let bytes = try Data(
            contentsOf: Self.fixtures.appendingPathComponent("table-header-combining-mark.toml"))
        let error = firstError(String(decoding: bytes, as: UTF8.self))
        #expect(error?.line == 1, "the header is on line 1: \(String(describing: error))")
        #expect(error?.message.contains("table header") == true, "\(String(describing: error))")
    }

    /// `_=[`, a line break, then `}`: toml++ asserted inside the array. onboard.toml has no array
    /// setting, so TOMLKit is given an empty array in its place, and the key is reported as unknown.
    @Test func theArrayFileFromTheFuzzerIsAnErrorNotACrash() throws {
        let text = try String(
            contentsOf: Self.fixtures.appendingPathComponent("array-closing-brace.toml"), encoding: .utf8)
        let error = firstError(text)
        #expect(error?.line == 1, "the key is on line 1: \(String(describing: error))")
    }

    @Test(arguments: [
        ("jobs = [8]", "jobs: must be a whole number from 1 to 64, not an array"),
        ("[retry]\nattempts = {a = [1]}", "an inline table here holds a list"),
        ("x = [\n1,\n}\n]\njobs = 0", "jobs: 0 is out of range"),
    ])
    func anArrayValueIsAnErrorWithItsLine(text: String, message: String) {
        let errors: [String]
        do {
            _ = try OnboardConfiguration(parsing: text, file: "onboard.toml")
            errors = []
        } catch {
            errors = error.errors.map(\.description)
        }
        #expect(errors.contains { $0.contains(message) }, "\(errors)")
    }

    /// toml++ (inside TOMLKit) asserted on each of these headers, aborting with signal 6.
    @Test(arguments: [
        "[`retry]", "[\n", "[", "[ ~retry]", "[[ `retry]]", "x = 1\n  [\u{3000}retry]", "[[\n", "[\u{0486}x]",
        "x = 1\r\n[`retry]\r\n",
    ])
    func aHeaderWhoseNameStartsBadlyIsAnErrorOnItsLine(text: String) {
        let error = firstError(text)
        // Scalars: "[" with a combining mark, and "\r\n", are single Characters.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (lines.firstIndex { $0.contains("[") } ?? -1) + 1
        #expect(
            error?.line == line,
            "\(text.debugDescription) is refused on line \(line): \(String(describing: error))")
        #expect(error?.message.contains("table header") == true, "\(String(describing: error))")
    }

    /// Headers that start well still reach the TOML parser (and the unknown-section check).
    @Test(arguments: [
        "[retry]", "[ retry ]", "[\"retry\"]", "['retry']", "[[x]]", "[_x]", "[-x]", "[0]", "[]",
    ])
    func aHeaderThatStartsWellIsLeftToTheParser(text: String) {
        let error = firstError(text)
        #expect(
            error?.message.contains("must be a name in brackets") != true,
            "\(text.debugDescription) is not refused by the header check: \(String(describing: error))")
    }

    @Test func aBracketLineInsideAMultiLineStringIsNotAHeader() {
        let error = firstError("out = \"\"\"\n[`not a header\n\"\"\"\n")
        #expect(
            error?.message.contains("must be a name in brackets") != true,
            "the line is part of a string: \(String(describing: error))")
    }
}
