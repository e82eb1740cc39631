import Foundation
import Testing

@testable import Reports

/// `report.xml`'s rows written past libxml2 are byte for byte what libxml2's writer makes of them.
struct XMLRowBytesTests {
    private func bytes(of run: SampleRun, throughLibXML2: Bool, in folder: TemporaryFolder) throws -> Data {
        let path = folder.file(throughLibXML2 ? "libxml2.xml" : "fast.xml")
        let writer = XMLReportWriter(
            path: path, write: { Foundation.write($0, $1, $2) }, rowsThroughLibXML2: throughLibXML2)
        try run.write(to: writer)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test(arguments: [(7, 4, 3), (1, 0, 0), (3, 1, 0), (9, 40, 25)])
    func aSampleRunIsTheSameBothWays(seed: UInt64, tenants: Int, users: Int) throws {
        let folder = try TemporaryFolder()
        let run = SampleRun(seed: seed, tenantCount: tenants, usersPerTenant: users)
        let fast = try bytes(of: run, throughLibXML2: false, in: folder)
        let reference = try bytes(of: run, throughLibXML2: true, in: folder)
        #expect(fast == reference, "\(run.outcomes.count) rows: the same bytes")
    }

    /// Every character libxml2 escapes or that `xmlSafe` replaces, in every attribute and text.
    static let pieces = [
        "a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{1}", "\u{7F}", "é", "東京", "😀",
        "\u{FFFE}", "\u{FFFF}", "\u{FF21}", "]]>", "&amp;", " ", "",
    ]

    @Test(arguments: 0..<4)
    func randomHostileRowsAreTheSameBothWays(seed: Int) throws {
        var state = UInt64(seed) &* 0x9e37_79b9_7f4a_7c15 &+ 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func text() -> String { (0..<next(5)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined() }
        func position() -> RowOutcome.Position {
            RowOutcome.Position(
                file: text(), line: next(3) == 0 ? 0 : next(1_000_000_000), record: next(100_000))
        }
        var run = SampleRun(seed: UInt64(seed), tenantCount: 1, usersPerTenant: 1)
        run.outcomes = (0..<200).map { _ in
            RowOutcome(
                position: position(), kind: RowOutcome.Kind.allCases[next(5)], isConflict: next(2) == 0,
                entity: next(2) == 0 ? .user : .customer, key: next(3) == 0 ? nil : text(),
                tenant: next(3) == 0 ? nil : text(), firstSeen: next(2) == 0 ? nil : position(),
                findings: (0..<next(3)).map { _ in
                    Finding(
                        code: text(), severity: next(2) == 0 ? .error : .warning,
                        field: next(3) == 0 ? nil : text(), message: text(),
                        value: next(3) == 0 ? nil : text())
                })
        }
        let folder = try TemporaryFolder()
        let fast = try bytes(of: run, throughLibXML2: false, in: folder)
        let reference = try bytes(of: run, throughLibXML2: true, in: folder)
        #expect(fast == reference, "hostile rows: the same bytes")
        if fast != reference, let a = String(data: fast, encoding: .utf8),
            let b = String(data: reference, encoding: .utf8)
        {
            let common = zip(a, b).prefix { $0 == $1 }.count
            Issue.record(
                "first difference at character \(common): \(a.dropFirst(max(0, common - 80)).prefix(160).debugDescription) vs \(b.dropFirst(max(0, common - 80)).prefix(160).debugDescription)"
            )
        }
    }
}
