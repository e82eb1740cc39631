import Foundation
import OnboardCore
import ReportTestSupport
import Reports

@testable import OnboardKit

/// A plan made in a temporary folder, with its reports read back: the counts each one states.
final class PlannedReports {
    let folder: URL
    let report: PlanReport

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var schemaPath: String { packageRoot.appendingPathComponent(ReportSchema.repositoryPath).path }

    static func sample(_ name: String) -> String {
        packageRoot.appendingPathComponent("samples/\(name)").path
    }

    init(
        customers: String?, users: [String], deterministic: Bool = false, seed: UInt64 = 0, out: URL? = nil,
        directory: any Directory = InMemoryDirectory()
    ) throws {
        folder =
            out
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "onboard-reports-\(UUID().uuidString)")
        report = try Planner(directory: directory).plan(
            PlanRequest(
                customersPath: customers, usersPaths: users, outputDirectory: folder.path,
                isDeterministic: deterministic, seed: seed))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var xmlPath: String { folder.appendingPathComponent("report.xml").path }
    var htmlPath: String { folder.appendingPathComponent("report.html").path }
    var summaryPath: String { folder.appendingPathComponent("summary.json").path }

    /// The six counts of one line, named as in summary.json (without `read` and `conflict`).
    typealias Counts = [String: Int]
    static let kinds = ["created", "updated", "unchanged", "rejected", "duplicate"]

    /// `rows`, `customers`, `users` and `warnings` as summary.json states them.
    func summaryTotals() throws -> [String: Counts] {
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: summaryPath)))
        let summary = object as? [String: Any] ?? [:]
        var totals: [String: Counts] = [:]
        for line in ["rows", "customers", "users"] {
            let counts = summary[line] as? [String: Int] ?? [:]
            totals[line] = counts.filter { Self.kinds.contains($0.key) }
        }
        totals["warnings"] = ["warnings": summary["warnings"] as? Int ?? -1]
        return totals
    }

    /// The same from report.xml's `<totals>`.
    func xmlTotals() throws -> [String: Counts] {
        let document = try ParsedDocument(xmlAt: xmlPath)
        var totals: [String: Counts] = [:]
        for element in document.elements where ["rows", "customers", "users"].contains(element.name) {
            guard element.attributes["total"] != nil else { continue }
            totals[element.name] = element.attributes.compactMapValues(Int.init).filter {
                Self.kinds.contains($0.key)
            }
        }
        let warnings = document.elements(named: "totals").first?.attributes["warnings"].flatMap(Int.init)
        totals["warnings"] = ["warnings": warnings ?? -1]
        return totals
    }

    /// The same from report.html's summary table and its warnings card.
    func htmlTotals() throws -> [String: Counts] {
        let elements = try ParsedDocument(htmlAt: htmlPath).elements
        var totals: [String: Counts] = [:]
        for (line, title) in [("rows", "All rows"), ("customers", "Customers"), ("users", "Users")] {
            guard let start = elements.firstIndex(where: { $0.name == "th" && $0.text == title }) else {
                continue
            }
            let cells = elements[(start + 1)...].filter { $0.name == "td" }.prefix(Self.kinds.count)
            var counts: Counts = [:]
            for (kind, cell) in zip(Self.kinds, cells) {
                counts[kind] = Int(cell.text.replacingOccurrences(of: ",", with: ""))
            }
            totals[line] = counts
        }
        // The cards: a number (class n) followed by its label (class l).
        let labels = elements.indices.filter { elements[$0].attributes["class"] == "l" }
        let warnings = labels.first { elements[$0].text == "Warnings" }.map {
            Int(elements[$0 - 1].text.replacingOccurrences(of: ",", with: "")) ?? -1
        }
        totals["warnings"] = ["warnings": warnings ?? -1]
        return totals
    }

    /// Every regular file under the output folder.
    var files: [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
