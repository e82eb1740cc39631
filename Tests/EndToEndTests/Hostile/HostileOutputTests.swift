import Foundation
import ReportTestSupport
import Testing

/// What hostile values become in what onboard writes: rejects files and credential sheets keep
/// spreadsheets from running formulas, reports and printable sheets show markup as text, tenant
/// prefixes never become paths, and the terminal never receives a control character from a value.
struct HostileOutputTests {
    /// Corpus files these tests run as an import (the corpus table plans them too).
    static let filesTestedThere: Set<String> = ["base-customers.csv"]

    /// The formula guard's signs: ASCII only; the full-width ones (＝ ＋ － ＠) are written as given.
    static let guardedSigns: [Character] = ["=", "+", "-", "@", "\t", "\r"]

    /// The fields of a CSV file, quotes handled, line breaks inside quotes kept.
    static func records(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\r" || character == "\n" {
                if character == "\r", characters.first == "\n" { characters.removeFirst() }
                records.append(fields + [field])
                fields = []
                field = ""
            } else {
                field.unicodeScalars.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { records.append(fields + [field]) }
        return records
    }

    @Test func everyFormulaPrefixIsGuardedInTheRejectsFile() throws {
        let result = try HostileRun.users("users-formula-injection-rejected.csv")
        defer { result.remove() }
        let rejects = result.out.appendingPathComponent(
            "rejects/users-formula-injection-rejected.rejects.csv"
        ).path
        let rows = try Self.records(rejects).dropFirst()
        #expect(rows.count == 10, "the ten rejected rows: \(rows)")
        for row in rows {
            for field in row[2...3] + row[5...6] {
                let first = try #require(field.first, "a value")
                if first == "'" {
                    let next = field.dropFirst().first
                    #expect(
                        next.map(Self.guardedSigns.contains) == true,
                        "only a formula sign is guarded: \(field)")
                } else {
                    #expect(!Self.guardedSigns.contains(first), "an ASCII formula sign is guarded: \(field)")
                    #expect("＝＋－＠".contains(first), "the full-width signs are written as given: \(field)")
                }
            }
        }
        let guarded = rows.map { $0[2].first == "'" }
        #expect(
            guarded == Array(repeating: true, count: 6) + Array(repeating: false, count: 4),
            "\(rows.map { $0[2] })")
    }

    @Test func formulaPrefixesAreGuardedOnTheCredentialSheetAndEscapedOnItsPage() throws {
        let result = try HostileRun.users("users-formula-injection-accepted.csv", command: "import")
        defer { result.remove() }
        #expect(result.run.status == 0, "every row imported: \(result.run)")
        let credentials = result.out.appendingPathComponent("credentials")
        let sheet = try Self.records(credentials.appendingPathComponent("tenant-contoso.csv").path)
        let names = sheet.dropFirst(2).map { $0[2] }  // the header, then the default admin
        #expect(names.count == 10, "ten users on the sheet: \(sheet)")
        #expect(
            names.prefix(6).allSatisfy {
                $0.hasPrefix("'") && Self.guardedSigns.contains($0.dropFirst().first!)
            },
            "the six ASCII signs are guarded (a leading tab or CR is trimmed, what follows guarded): \(names)"
        )
        let page = try ParsedDocument(htmlAt: credentials.appendingPathComponent("tenant-contoso.html").path)
        #expect(page.allText.contains("=cmd|' /C calc0'!A0"), "the page shows the name as text")
    }

    @Test func markupInEveryFieldStaysTextInReportsAndOnTheCredentialPage() throws {
        let markup = "<script>alert(1)</script>]]>&amp;&\"'<!--"
        let result = try HostileRun.users("users-markup-injection.csv", command: "import")
        defer { result.remove() }
        #expect(result.run.status == 1, "two rows rejected, one imported: \(result.run)")
        try result.expectWellFormedReports("import of markup")
        let xml = try ParsedDocument(xmlAt: result.out.appendingPathComponent("report.xml").path)
        #expect(xml.allText.contains(markup), "report.xml holds the value literally")
        let html = try ParsedDocument(htmlAt: result.out.appendingPathComponent("report.html").path)
        #expect(html.allText.contains(markup), "report.html shows the value literally")
        let page = try ParsedDocument(
            htmlAt: result.out.appendingPathComponent("credentials/tenant-contoso.html").path)
        #expect(page.elements(named: "script").isEmpty, "no <script> element on the credential page")
        #expect(page.allText.contains(markup), "the credential page shows the display name literally")
    }

    @Test func pathsAndDeviceNamesAsPrefixesAreRejectedOrNeverUsedRawAsFileNames() throws {
        let result = try HostileRun(
            "import", ["--customers", HostileRun.fixture("customers-path-prefixes.csv")])
        defer { result.remove() }
        #expect(result.run.status == 1, "the nine path-like prefixes are rejected: \(result.run)")
        #expect(
            RowCounts(result.counts("customers")) == RowCounts(15, created: 6, rejected: 9), "\(result.run)")
        let credentials = result.out.appendingPathComponent("credentials")
        let names = try FileManager.default.contentsOfDirectory(atPath: credentials.path).sorted()
        #expect(names.count == 13, "six tenants' CSV and page, and the partner sheet: \(names)")
        for name in names where name != "partner-only.csv" {
            #expect(
                name.wholeMatch(of: /tenant-tenant-[0-9a-f]{8}\.(csv|html)/) != nil,
                "CON, NUL, COM1, LPT1, AUX and PRN get a hashed file name: \(name)")
        }
        let everything =
            FileManager.default.enumerator(atPath: result.folder.path)?.allObjects as? [String] ?? []
        #expect(
            !everything.contains { $0.contains("etc") || $0.contains("windows") },
            "no file outside: \(everything)")
        let sheets = try names.filter { $0.hasSuffix(".csv") && $0 != "partner-only.csv" }.map {
            try Self.records(credentials.appendingPathComponent($0).path)[1][0]
        }
        #expect(
            sheets.sorted() == ["aux", "com1", "con", "lpt1", "nul", "prn"], "each sheet names its tenant")
    }

    @Test(arguments: ["users-terminal-escapes.csv", "users-rtl-override.csv", "users-zero-width.csv"])
    func noControlOrBidiCharacterOfAValueReachesTheTerminal(file: String) throws {
        let result = try HostileRun.users(file)
        defer { result.remove() }
        let output = result.run.stdout + result.run.stderr
        let leaked = output.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
                || (0x200B...0x200F).contains($0.value)
                || (0x202A...0x202E).contains($0.value) || $0.value == 0xFEFF
        }
        #expect(leaked.isEmpty, "\(file): no control or bidi character printed: \(leaked.map(\.value))")
        #expect(output.contains("\\u{"), "\(file): the character is shown as an escape")
    }
}
