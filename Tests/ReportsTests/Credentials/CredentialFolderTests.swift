import Foundation
import OnboardCore
import Reports
import Testing

struct CredentialFolderTests {
    /// Sheets of `count` tenants, each with one account, closed without their pages.
    private func sheets(_ count: Int, in folder: CredentialFolder) throws -> [CredentialSheet] {
        try (0..<count).map { index in
            let tenant = "tenant\(index)"
            let sheet = try folder.openSheet(for: tenant)
            try sheet.append(
                CredentialEntry(
                    tenant: tenant, signInName: "admin@\(tenant).onmicrosoft.com",
                    displayName: "Admin \(index)",
                    temporaryPassword: Secret("Pw-\(index)-secret")))
            try sheet.closeSheet()
            return sheet
        }
    }

    @Test(
        "pages shared out among workers: every tenant's page, with its own account, and no temporary file",
        arguments: [(tenants: 300, workers: 1), (300, 2), (300, 7), (5, 4), (0, 2)])
    func pagesOfManyTenants(tenants: Int, workers: Int) throws {
        let output = try TemporaryFolder()
        let folder = try CredentialFolder(outputFolder: output.path)
        let written = try sheets(tenants, in: folder)
        try folder.writePages(for: written.map(\.tenant), groupSize: 16, workers: workers)
        for (index, sheet) in written.enumerated() {
            let page = try String(contentsOfFile: sheet.pagePath, encoding: .utf8)
            #expect(page.contains("Pw-\(index)-secret"), "the page of \(sheet.tenant) lists its account")
            #expect(!page.contains("Pw-\(index + 1)-secret"), "the page of \(sheet.tenant) lists no other")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 2 * tenants, "a sheet and a page per tenant: \(names.count) files")
        #expect(names.allSatisfy { !$0.hasPrefix(".") }, "no temporary file left behind")
    }

    @Test("a page that cannot be written stops the pages with that error, leaving no temporary file")
    func aFailingPageStopsThePages() throws {
        let output = try TemporaryFolder()
        let folder = try CredentialFolder(outputFolder: output.path)
        let written = try sheets(200, in: folder)
        // A folder where a page should go: its rename fails.
        try FileManager.default.createDirectory(
            atPath: written[150].pagePath, withIntermediateDirectories: false)
        #expect(throws: (any Error).self, "the failed page's error is thrown") {
            try folder.writePages(for: written.map(\.tenant), groupSize: 8, workers: 2)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(
            names.allSatisfy { !$0.hasPrefix(".") },
            "no temporary file left behind: \(names.filter { $0.hasPrefix(".") })")
    }
}
