import Foundation
import Testing

/// A temporary folder laid out for `onboard run`: `inbox/` (archive and failed inside it, as by
/// default), a store, `reports/` and a configuration file naming them with absolute paths.
struct InboxFixture {
    let folder: URL

    init(waitSeconds: Double = 0, extra: String = "") throws {
        folder = try OnboardProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: path("inbox"), withIntermediateDirectories: true)
        try writeConfiguration(
            """
            store = "\(path("store.sqlite"))"
            out = "\(path("reports"))"
            \(extra)
            [inbox]
            inbox = "\(path("inbox"))"
            archive = "\(path("inbox/archive"))"
            failed = "\(path("inbox/failed"))"
            wait-seconds = \(waitSeconds)
            """)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    var configuration: String { path("onboard.toml") }

    func writeConfiguration(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: configuration))
    }

    /// Copies `samples/SAMPLE` into the inbox as `name`.
    func drop(sample: String, as name: String? = nil) throws {
        let source = OnboardProcess.packageRoot.appendingPathComponent("samples/\(sample)").path
        try FileManager.default.copyItem(atPath: source, toPath: path("inbox/" + (name ?? sample)))
    }

    /// Writes `bytes` into the inbox as `name`.
    func drop(_ bytes: Data, as name: String) throws {
        try bytes.write(to: URL(fileURLWithPath: path("inbox/" + name)))
    }

    /// `onboard run --config onboard.toml` plus `arguments`.
    func run(_ arguments: [String] = []) throws -> OnboardRun {
        try OnboardProcess.run(["run", "--config", configuration] + arguments, in: folder)
    }

    /// The run id on the first line of a run's output, `Run RUN-ID: …`.
    static func runID(of run: OnboardRun) -> String? {
        guard let first = run.stdout.split(separator: "\n").first, first.hasPrefix("Run ") else { return nil }
        return first.dropFirst(4).split(separator: ":").first.map(String.init)
    }

    /// The names in a folder of the fixture, sorted; empty when it does not exist.
    func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []).sorted()
    }

    /// The rows counts of a run's summary.json.
    func rows(ofRun runID: String) throws -> [String: Int] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path("reports/run-\(runID)/summary.json")))
        let summary = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return summary["rows"] as? [String: Int] ?? [:]
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
