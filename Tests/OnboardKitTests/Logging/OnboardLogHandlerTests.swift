import Foundation
import Logging
import OnboardCore
import Testing

@testable import OnboardKit

/// onboard's log lines: text for a person, one JSON object per line for a machine, never a secret.
struct OnboardLogHandlerTests {
    /// A logger whose lines are collected in `lines`.
    final class Collector: Sendable {
        let lines = SharedState<[String]>([])
        func logger(_ format: LogFormat, level: Logger.Level = .info) -> Logger {
            Logger(label: "test") { _ in
                OnboardLogHandler(
                    format: format, level: level,
                    output: LogOutput { line in self.lines.withLock { $0.append(line) } })
            }
        }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test func textLinesAreLevelMessageAndSortedKeyValues() {
        let collector = Collector()
        collector.logger(.text).info(
            "input read",
            metadata: ["rows.read": "206", "file.path": "samples/users file.csv", "file.format": "users"])
        #expect(
            collector.all == [
                "INFO input read file.format=users file.path=\"samples/users file.csv\" rows.read=206\n"
            ],
            "\(collector.all)")
    }

    @Test func jsonLinesParseAsObjectsWithTimeLevelMessageAndMetadata() throws {
        let collector = Collector()
        let logger = collector.logger(.json)
        logger.warning(
            "odd \"row\"\n", metadata: ["rows.read": .stringConvertible(3), "nested": ["a": ["x", "y"]]])
        let line = try #require(collector.all.first)
        #expect(line.hasSuffix("}\n") && !line.dropLast().contains("\n"), "one line: \(line)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            "a JSON object: \(line)")
        #expect(object["level"] as? String == "warning", "level: \(line)")
        #expect(object["message"] as? String == "odd \"row\"\n", "message escaped and read back: \(line)")
        let metadata = try #require(object["metadata"] as? [String: Any], "metadata: \(line)")
        #expect(metadata["rows.read"] as? Int == 3, "counts stay numbers: \(line)")
        #expect((metadata["nested"] as? [String: [String]])?["a"] == ["x", "y"], "nested values: \(line)")
        let time = try #require(object["ts"] as? String, "ts: \(line)")
        #expect(time.count == 24 && time.hasSuffix("Z"), "RFC 3339 UTC with milliseconds: \(time)")
    }

    @Test(arguments: LogFormat.allCases)
    func aSecretIsNeverWritten(format: LogFormat) {
        let collector = Collector()
        let secret = Secret("Pa55word!Zebra")
        collector.logger(format).error(
            "created",
            metadata: ["password": .stringConvertible(secret), "list": [.stringConvertible(secret)]])
        let text = collector.all.joined()
        #expect(!text.contains("Pa55word"), "the secret's value: \(text)")
        #expect(text.contains("<redacted>"), "redacted in its place: \(text)")
    }

    @Test func levelsBelowTheHandlersAreDropped() {
        let collector = Collector()
        collector.logger(.text).debug("hidden")
        collector.logger(.text, level: .debug).debug("shown")
        #expect(collector.all == ["DEBUG shown\n"], "\(collector.all)")
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"), (1_795_000_000.123, "2026-11-18T11:06:40.123Z"),
        (951_782_400.9999, "2000-02-29T00:00:00.999Z"),
    ])
    func timestampsAreRFC3339InUTC(seconds: Double, text: String) {
        #expect(LogLineFormatter.timestamp(seconds) == text, "\(seconds)")
    }
}
