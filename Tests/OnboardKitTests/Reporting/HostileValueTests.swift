import Foundation
import Reports
import ReportTestSupport
import Testing

@testable import OnboardKit

/// Values that attack a browser, a spreadsheet or a reader's eyes, in every field of a users file:
/// the reports show them as text and nothing else.
struct HostileValueTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "=cmd|' /C calc'!A0",
        "admin\u{202E}fdp.exe",
        "zero\u{200B}width",
    ]

    static let header = [
        "tenant", "user_principal_name", "display_name", "first_name", "last_name", "job_title", "department",
        "usage_location", "role", "block_sign_in", "password",
    ]

    /// One row per hostile value and field: a valid user of `contoso` but for that one field.
    static func usersFile() -> String {
        var lines = [header.joined(separator: ",")]
        var number = 0
        for value in hostile {
            for field in header.indices {
                number += 1
                var row = [
                    "contoso", "user\(number)@contoso.onmicrosoft.com", "User \(number)", "Ann", "Lee",
                    "Clerk",
                    "Sales", "US", "Reader", "no", "",
                ]
                row[field] = value
                lines.append(row.map(quoted).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let customersFile = """
        domain_prefix,company,country,contact_first_name,contact_last_name,contact_email,dr_mode
        contoso,Contoso Ltd,US,Ann,Lee,ann@contoso.com,self-service

        """

    @Test func reportsShowHostileValuesAsTextOnly() throws {
        let inputs = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onboard-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: inputs) }
        let customers = inputs.appendingPathComponent("customers.csv")
        let users = inputs.appendingPathComponent("users.csv")
        try Data(Self.customersFile.utf8).write(to: customers)
        try Data(Self.usersFile().utf8).write(to: users)
        let planned = try PlannedReports(customers: customers.path, users: [users.path])
        #expect(planned.report.users.read == Self.hostile.count * Self.header.count, "every hostile row read")

        let html = try ParsedDocument(htmlAt: planned.htmlPath)
        let active = html.elements.filter {
            ["script", "img", "iframe", "object", "embed"].contains($0.name)
        }
        #expect(active.isEmpty, "no script or img element comes from a value: \(active.map(\.name))")
        let handlers = html.elements.flatMap { $0.attributes.keys }.filter { $0.lowercased().hasPrefix("on") }
        #expect(handlers.isEmpty, "no event-handler attribute: \(handlers)")
        #expect(html.allText.contains("<script>alert(1)</script>"), "the value is shown, as text")

        let xml = try ParsedDocument(xmlAt: planned.xmlPath)
        #expect(
            xml.elements(named: "script").isEmpty, "report.xml is well-formed and has no injected element")
        let errors = try ReportSchema(path: PlannedReports.schemaPath).validate(fileAt: planned.xmlPath)
        #expect(errors.isEmpty, "report.xml stays valid: \(errors.prefix(3))")
        #expect(xml.allText.contains("=cmd|' /C calc'!A0"), "the value is kept exactly")

        let rejects = try String(
            contentsOf: planned.folder.appendingPathComponent("rejects/users.rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("'=cmd|' /C calc'!A0"), "the rejects file guards the formula")
        let unguarded = rejects.split(separator: "\r\n").flatMap { $0.split(separator: ",") }.filter {
            $0.hasPrefix("=") || $0.hasPrefix("\"=")
        }
        #expect(unguarded.isEmpty, "no field of the rejects file starts with =: \(unguarded)")
    }
}
