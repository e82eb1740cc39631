import Foundation
import Testing

/// What `onboard plan` must do with each committed file of the hostile-input corpus
/// (`Tests/Fixtures/hostile/`, described in its README): the exit status, the counts, the findings
/// and a message, well-formed reports when the run finished, nothing half-written when it did not.
struct HostileCorpusTests {
    /// One corpus file and its expected outcome.
    struct Case: Sendable, CustomTestStringConvertible {
        /// The file's name in the corpus.
        var file: String
        /// The exit status.
        var status: Int32
        /// The counts of the file's rows (`customers` for a customers file, else `users`); nil when the
        /// whole file is refused (status 65) and no report is written.
        var counts: RowCounts?
        /// Every distinct finding code the reports hold, sorted.
        var codes: [String] = []
        /// Text standard output or standard error must contain.
        var message: String?

        var isCustomers: Bool { file.hasPrefix("customers-") }
        var testDescription: String { file }
    }

    static let refusedWhole: [Case] = [
        Case(file: "empty.csv", status: 65, message: "the file is empty: a header line is needed"),
        Case(file: "bom-only.csv", status: 65, message: "the file is empty: a header line is needed"),
        Case(file: "blank-lines-only.csv", status: 65, message: "the file is empty: a header line is needed"),
        Case(
            file: "binary-garbage.bin", status: 65,
            message: "the header line is not readable CSV: bytes that are not valid UTF-8"),
        Case(
            file: "users-unknown-header.csv", status: 65,
            message: "the header matches none of the known formats"),
        Case(file: "users-all-empty-header.csv", status: 65, message: "found: \"\", \"\", \"\", \"\""),
        Case(
            file: "users-nul-in-header.csv", status: 65,
            message:
                "users-nul-in-header.csv:1:22: the header line is not readable CSV: the record contains a NUL byte"
        ),
        Case(
            file: "users-utf16le-no-bom.csv", status: 65,
            message: "it looks like UTF-16 without a byte-order mark"),
        Case(
            file: "users-utf16be-no-bom.csv", status: 65,
            message: "it looks like UTF-16 without a byte-order mark"),
    ]

    static let structure: [Case] = [
        Case(file: "customers-header-only.csv", status: 0, counts: RowCounts(0, created: 0)),
        Case(file: "users-header-only.csv", status: 0, counts: RowCounts(0, created: 0)),
        Case(file: "header-without-newline.csv", status: 0, counts: RowCounts(0, created: 0)),
        Case(
            file: "users-unterminated-quote-at-eof.csv", status: 1,
            counts: RowCounts(2, created: 1, rejected: 1),
            codes: ["row.malformed"],
            message:
                "users-unterminated-quote-at-eof.csv:3: Line 3, column 35: a quoted field opened here is never closed"
        ),
        Case(
            file: "users-quote-inside-field.csv", status: 1, counts: RowCounts(2, created: 1, rejected: 1),
            codes: ["row.malformed"],
            message: "a quote (\") appears inside a field that does not start with a quote"),
        Case(
            file: "users-text-after-quote.csv", status: 1, counts: RowCounts(2, created: 1, rejected: 1),
            codes: ["row.malformed"]),
        Case(file: "users-mixed-line-endings.csv", status: 0, counts: RowCounts(4, created: 4)),
        Case(
            file: "users-field-count.csv", status: 1, counts: RowCounts(3, created: 1, rejected: 2),
            codes: ["row.field-count"], message: "The row has 3 fields but the header has 11"),
        Case(file: "users-trailing-empty-rows.csv", status: 0, counts: RowCounts(1, created: 1)),
        Case(
            file: "users-duplicate-header.csv", status: 0, counts: RowCounts(1, created: 1),
            message: "columns not used by onboard (ignored): \"display_name\", \"user_principal_name\""),
        Case(
            file: "users-empty-header-names.csv", status: 0, counts: RowCounts(1, created: 1),
            message: "\"(unnamed column 2)\", \"(unnamed column 4)\""),
    ]

    static let encodings: [Case] = [
        Case(
            file: "users-invalid-utf8-middle.csv", status: 1, counts: RowCounts(3, created: 2, rejected: 1),
            codes: ["row.malformed"],
            message: "users-invalid-utf8-middle.csv:3: Line 3, column 39: bytes that are not valid UTF-8"),
        Case(
            file: "users-overlong-utf8.csv", status: 1, counts: RowCounts(2, created: 1, rejected: 1),
            codes: ["row.malformed"], message: "not valid UTF-8"),
        Case(
            file: "users-utf8-surrogate.csv", status: 1, counts: RowCounts(2, created: 1, rejected: 1),
            codes: ["row.malformed"], message: "not valid UTF-8"),
        Case(
            file: "users-truncated-utf8-at-eof.csv", status: 1, counts: RowCounts(2, created: 1, rejected: 1),
            codes: ["row.malformed"], message: "not valid UTF-8"),
        Case(file: "users-utf16le-bom.csv", status: 0, counts: RowCounts(1, created: 1)),
        Case(
            file: "users-nul-bytes.csv", status: 1, counts: RowCounts(3, created: 2, rejected: 1),
            codes: ["row.malformed"], message: "the record contains a NUL byte"),
    ]

    static let injection: [Case] = [
        Case(
            file: "users-formula-injection-rejected.csv", status: 1,
            counts: RowCounts(10, created: 0, rejected: 10),
            codes: ["role.unknown"]),
        Case(file: "users-formula-injection-accepted.csv", status: 0, counts: RowCounts(10, created: 10)),
        Case(
            file: "customers-formula-injection.csv", status: 1, counts: RowCounts(5, created: 4, rejected: 1),
            codes: ["country.unknown", "dedup.similar-company", "prefix.characters"]),
        Case(
            file: "users-markup-injection.csv", status: 1, counts: RowCounts(3, created: 1, rejected: 2),
            codes: [
                "country.unknown", "password.contains-user-name", "prefix.characters", "prefix.length",
                "role.unknown",
                "upn.at-sign", "upn.local-part.characters", "yesno.invalid",
            ]),
        Case(
            file: "customers-markup-injection.csv", status: 1, counts: RowCounts(2, created: 1, rejected: 1),
            codes: ["country.unknown", "email.syntax", "prefix.characters", "prefix.length"]),
        Case(
            file: "markup-in-header.csv", status: 1, counts: RowCounts(1, created: 0, rejected: 1),
            codes: ["display-name.missing"],
            message: "columns not used by onboard (ignored): \"<script>x</script>\", \"]]>&\""),
        Case(
            file: "customers-path-prefixes.csv", status: 1, counts: RowCounts(15, created: 6, rejected: 9),
            codes: ["prefix.characters"],
            message: "The domain prefix \"../../etc\" contains \".\", \"/\"; use only letters A–Z and digits."
        ),
        Case(
            file: "users-path-tenants.csv", status: 1, counts: RowCounts(15, created: 0, rejected: 15),
            codes: ["prefix.characters", "user.unknown-tenant"]),
        Case(
            file: "users-terminal-escapes.csv", status: 1, counts: RowCounts(1, created: 0, rejected: 1),
            codes: ["role.unknown", "text.invisible-characters"],
            message: "(\"Bob \\u{1B}[31mRED\\u{1B}[0m Stone\")"),
    ]

    static let deception: [Case] = [
        Case(
            file: "users-rtl-override.csv", status: 0, counts: RowCounts(2, created: 2),
            codes: ["text.invisible-characters"],
            message: "display_name contains the invisible character U+202E"),
        Case(
            file: "users-zero-width.csv", status: 0, counts: RowCounts(4, created: 4),
            codes: ["text.invisible-characters"],
            message: "display_name contains the invisible character U+FEFF"),
        Case(
            file: "customers-invisible-company.csv", status: 0, counts: RowCounts(2, created: 2),
            codes: ["text.invisible-characters"], message: "company contains the invisible character U+200B"),
        Case(
            file: "users-invisible-in-upn.csv", status: 1, counts: RowCounts(2, created: 0, rejected: 2),
            codes: ["text.invisible-characters", "upn.local-part.characters"]),
        Case(
            file: "users-homoglyph-upn.csv", status: 1, counts: RowCounts(2, created: 1, rejected: 1),
            codes: ["upn.local-part.characters"]),
        Case(
            file: "users-homoglyph-display-name.csv", status: 0, counts: RowCounts(2, created: 2),
            codes: ["dedup.similar-user"],
            message:
                "users-homoglyph-display-name.csv:3: display_name: warning: A user of the same tenant with the same display name but another user name is at"
        ),
        Case(
            file: "customers-homoglyph-company.csv", status: 0, counts: RowCounts(2, created: 2),
            codes: ["dedup.similar-company"],
            message: "customers-homoglyph-company.csv:3: company: warning: The company looks like the one at"),
        Case(
            file: "users-fullwidth-upn.csv", status: 0, counts: RowCounts(2, created: 1, duplicate: 1),
            message: "users-fullwidth-upn.csv:3: duplicate of"),
    ]

    static let tenants: [Case] = [
        Case(
            file: "users-unknown-tenants.csv", status: 1, counts: RowCounts(6, created: 0, rejected: 6),
            codes: ["user.unknown-tenant"],
            message: "The tenant nosuch0 is neither in this run's customers nor in the directory"),
        Case(
            file: "users-default-admin.csv", status: 1, counts: RowCounts(1, created: 0, rejected: 1),
            codes: ["user.default-admin"]),
        Case(
            file: "users-foreign-domain.csv", status: 1, counts: RowCounts(1, created: 0, rejected: 1),
            codes: ["upn.domain"]),
        Case(
            file: "users-long-values.csv", status: 1, counts: RowCounts(2, created: 0, rejected: 2),
            codes: ["display-name.length", "upn.domain-syntax", "upn.local-part.length"]),
    ]

    static let all = refusedWhole + structure + encodings + injection + deception + tenants

    @Test(arguments: all)
    func eachCorpusFileHasItsDocumentedOutcome(_ expected: Case) throws {
        let inputs =
            expected.isCustomers
            ? ["--customers", HostileRun.fixture(expected.file)]
            : [
                "--customers", HostileRun.fixture("base-customers.csv"), "--users",
                HostileRun.fixture(expected.file),
            ]
        let result = try HostileRun("plan", inputs)
        defer { result.remove() }
        let run = result.run
        #expect(run.status == expected.status, "\(expected.file): exit status: \(run)")
        if let message = expected.message {
            #expect(
                run.stdout.contains(message) || run.stderr.contains(message),
                "\(expected.file): says \(message): \(run)")
        }
        guard let counts = expected.counts else {
            #expect(run.stderr.contains("onboard: error: "), "\(expected.file): one clear error: \(run)")
            result.expectNothingWritten("\(expected.file)")
            return
        }
        #expect(
            RowCounts(result.counts(expected.isCustomers ? "customers" : "users")) == counts,
            "\(expected.file): counts: \(run)")
        #expect(RowCounts.isBalanced(result.counts("rows")), "\(expected.file): every row counted once")
        #expect(Set(try result.findingCodes()) == Set(expected.codes), "\(expected.file): findings")
        try result.expectWellFormedReports("\(expected.file)")
    }

    @Test func theCorpusHasAtLeastFortyFilesAndEachIsTestedOrNamedInItsREADME() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: HostileRun.corpus.path)
            .filter { $0 != "README.md" && $0 != "make-corpus.py" && !$0.hasPrefix(".") }
        #expect(files.count >= 40, "the corpus has \(files.count) files")
        let readme = try String(
            contentsOf: HostileRun.corpus.appendingPathComponent("README.md"), encoding: .utf8)
        for file in files {
            #expect(readme.contains("`\(file)`"), "\(file) is described in the corpus README")
        }
        let tested = Set(Self.all.map(\.file)).union(HostileOutputTests.filesTestedThere)
        #expect(
            Set(files).subtracting(tested).isEmpty,
            "untested files: \(Set(files).subtracting(tested).sorted())")
    }
}
