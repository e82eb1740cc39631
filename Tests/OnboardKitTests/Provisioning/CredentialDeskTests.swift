import Foundation
import OnboardCore
import Reports
import Testing

@testable import OnboardKit

/// The run's credential sheets: bounded open files, nothing lost when a sheet is closed and continued.
struct CredentialDeskTests {
    @Test func moreTenantsThanOpenSheetsLoseNoAccountAndEveryTenantGetsItsPage() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let desk = try CredentialDesk(outputFolder: output.path, openSheetLimit: 8)
        let tenants = (0..<(desk.openSheetLimit * 2 + 5)).map { "tenant\($0)" }
        // Two rounds over every tenant: each sheet is closed to make room and continued later.
        for round in 0..<2 {
            for tenant in tenants {
                try desk.deliver(
                    [
                        CredentialEntry(
                            tenant: tenant, signInName: "user\(round)@\(tenant).onmicrosoft.com",
                            displayName: "User \(round)", temporaryPassword: Secret("Pw-\(tenant)-\(round)!"))
                    ], tenant: tenant)
            }
        }
        #expect(desk.openSheets == desk.openSheetLimit, "at most the limit open: \(desk.openSheets)")
        try desk.close()
        #expect(desk.accountsDelivered.load(ordering: .relaxed) == tenants.count * 2, "every account counted")
        let folder = output.appendingPathComponent("credentials")
        for tenant in tenants {
            let sheet = try String(
                contentsOf: folder.appendingPathComponent("tenant-\(tenant).csv"), encoding: .utf8)
            let page = try String(
                contentsOf: folder.appendingPathComponent("tenant-\(tenant).html"), encoding: .utf8)
            for round in 0..<2 {
                #expect(sheet.contains("Pw-\(tenant)-\(round)!"), "\(tenant) round \(round) on its sheet")
                #expect(page.contains("Pw-\(tenant)-\(round)!"), "\(tenant) round \(round) on its page")
            }
            #expect(sheet.components(separatedBy: "sign_in_name").count == 2, "one header per sheet")
        }
        #expect(desk.openSheets == 0, "no sheet left open after close")
    }

    @Test func oneDeliveryPutsSeveralTenantsOnTheirOwnSheets() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let desk = try CredentialDesk(outputFolder: output.path)
        let entries = ["contoso", "fabrikam", "contoso"].enumerated().map { index, tenant in
            CredentialEntry(
                tenant: tenant, signInName: "user\(index)@\(tenant).onmicrosoft.com",
                displayName: "User \(index)",
                temporaryPassword: Secret("Pw-\(index)!"))
        }
        try desk.deliver([
            (tenant: "contoso", entries: [entries[0], entries[2]]),
            (tenant: "fabrikam", entries: [entries[1]]),
        ])
        #expect(desk.accountsDelivered.load(ordering: .relaxed) == 3, "every account counted")
        let folder = output.appendingPathComponent("credentials")
        // Readable before close: the delivery itself put the entries on disk.
        let contoso = try String(
            contentsOf: folder.appendingPathComponent("tenant-contoso.csv"), encoding: .utf8)
        let fabrikam = try String(
            contentsOf: folder.appendingPathComponent("tenant-fabrikam.csv"), encoding: .utf8)
        #expect(contoso.contains("Pw-0!") && contoso.contains("Pw-2!"), "contoso's two accounts on its sheet")
        #expect(!contoso.contains("Pw-1!"), "fabrikam's account not on contoso's sheet")
        #expect(
            fabrikam.contains("Pw-1!") && !fabrikam.contains("Pw-0!"), "fabrikam's account on its own sheet")
        try desk.close()
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("tenant-fabrikam.html").path),
            "a page per tenant delivered to")
    }
}
