import Foundation
import ReportTestSupport
import Testing

/// One run of `onboard plan` or `onboard import` on hostile input, in its own temporary folder, and
/// what it left there.
struct HostileRun {
    /// The committed corpus, `Tests/Fixtures/hostile/`.
    static let corpus = OnboardProcess.packageRoot.appendingPathComponent("Tests/Fixtures/hostile")

    /// A corpus file's path.
    static func fixture(_ name: String) -> String { corpus.appendingPathComponent(name).path }

    /// The temporary folder: `store.sqlite`, `out/` and any generated input live here.
    let folder: URL
    let run: OnboardRun

    var out: URL { folder.appendingPathComponent("out") }
    var store: String { folder.appendingPathComponent("store.sqlite").path }

    /// Runs `command` (`plan` or `import`) with `inputs` (`--customers …`, `--users …`), a store and
    /// an output folder inside `folder`, plus `extra` options.
    init(
        _ command: String, _ inputs: [String], extra: [String] = [], in folder: URL? = nil,
        prefix: [String] = []
    ) throws {
        self.folder = try folder ?? OnboardProcess.temporaryFolder()
        let store = self.folder.appendingPathComponent("store.sqlite").path
        let out = self.folder.appendingPathComponent("out").path
        let storeOptions =
            extra.contains("--directory") || extra.contains("--store") ? [] : ["--store", store]
        run = try OnboardProcess.run(prefix + [command] + inputs + storeOptions + ["--out", out] + extra)
    }

    /// A users file planned against the corpus's two customers (`contoso`, `fabrikam`).
    static func users(_ name: String, command: String = "plan", extra: [String] = []) throws -> HostileRun {
        try HostileRun(
            command, ["--customers", fixture("base-customers.csv"), "--users", fixture(name)], extra: extra)
    }

    /// `summary.json`, or nil when the run wrote none.
    var summary: [String: Any]? {
        guard let data = try? Data(contentsOf: out.appendingPathComponent("summary.json")) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// One group of counts of `summary.json` (`rows`, `customers`, `users`).
    func counts(_ group: String) -> [String: Int] { summary?[group] as? [String: Int] ?? [:] }

    /// The finding codes of `report.xml`, one per finding, in report order.
    func findingCodes() throws -> [String] {
        let report = try ParsedDocument(xmlAt: out.appendingPathComponent("report.xml").path)
        return report.elements(named: "finding").compactMap { $0.attributes["code"] }
    }

    /// The files under `out/` (relative paths), temporary ones included.
    var outputFiles: [String] {
        let enumerator = FileManager.default.enumerator(atPath: out.path)
        return (enumerator?.allObjects as? [String] ?? []).sorted()
    }

    /// Checks what every finished run must leave: a `report.xml` that validates against the published
    /// schema, a `report.html` libxml2 reads with no `<script>` element in it, and no temporary file.
    func expectWellFormedReports(_ comment: Comment) throws {
        let xml = out.appendingPathComponent("report.xml").path
        let schema = OnboardProcess.packageRoot.appendingPathComponent("reports/schema/onboard-report.xsd")
            .path
        #expect(
            try ParsedDocument(xmlAt: xml).elements(named: "report").count == 1,
            "\(comment): report.xml parses")
        if let valid = try xmllintValidates(xml, schema: schema) {
            #expect(valid, "\(comment): report.xml is valid against the schema")
        }
        let html = try ParsedDocument(htmlAt: out.appendingPathComponent("report.html").path)
        #expect(html.elements(named: "script").isEmpty, "\(comment): no <script> element in report.html")
        #expect(
            !outputFiles.contains { $0.contains(".tmp-") },
            "\(comment): no temporary file left: \(outputFiles)")
    }

    /// Checks that a run that failed left no report, summary or rejects file under a final name.
    func expectNothingWritten(_ comment: Comment) {
        let finished = outputFiles.filter {
            $0.hasSuffix("report.xml") || $0.hasSuffix("report.html") || $0.hasSuffix("summary.json")
                || $0.hasSuffix(".rejects.csv") || $0.contains(".tmp-")
        }
        #expect(finished.isEmpty, "\(comment): nothing half-written: \(finished)")
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// The outcome counts of one input role, as `summary.json` has them.
struct RowCounts: Equatable, CustomStringConvertible, Sendable {
    var read: Int
    var created: Int
    var rejected: Int
    var duplicate: Int

    init(_ read: Int, created: Int, rejected: Int = 0, duplicate: Int = 0) {
        self.read = read
        self.created = created
        self.rejected = rejected
        self.duplicate = duplicate
    }

    init(_ counts: [String: Int]) {
        self.init(
            counts["read"] ?? -1, created: counts["created"] ?? -1, rejected: counts["rejected"] ?? -1,
            duplicate: counts["duplicate"] ?? -1)
    }

    var description: String {
        "\(read) read, \(created) created, \(rejected) rejected, \(duplicate) duplicate"
    }

    /// Every row read is in exactly one of created, updated, unchanged, rejected, duplicate.
    static func isBalanced(_ counts: [String: Int]) -> Bool {
        counts["read"]
            == ["created", "updated", "unchanged", "rejected", "duplicate"].reduce(0) {
                $0 + (counts[$1] ?? -1)
            }
    }
}
