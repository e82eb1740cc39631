import Foundation
import OnboardCore
import Reports
import Testing

struct CredentialSheetTests {
    private func mode(_ path: String) -> mode_t {
        var status = stat()
        stat(path, &status)
        return status.st_mode & 0o777
    }

    private func entry(_ tenant: String, _ user: String, _ password: String) -> CredentialEntry {
        CredentialEntry(
            tenant: tenant, signInName: "\(user)@\(tenant).onmicrosoft.com", displayName: user.capitalized,
            temporaryPassword: Secret(password))
    }

    @Test func sheetsAreOwnerOnlyWhateverTheUmaskAndAnExistingFolderIsFixed() throws {
        let output = try TemporaryFolder()
        try FileManager.default.createDirectory(
            atPath: output.file("credentials"), withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o777])
        let previous = umask(0)
        defer { umask(previous) }
        let folder = try CredentialFolder(outputFolder: output.path)
        let sheet = try folder.openSheet(for: "contoso")
        try sheet.append(entry("contoso", "alice", "Pw-1"))
        try sheet.close()
        let partner = try folder.openPartnerSheet()
        try partner.append(
            PartnerSecretEntry(
                tenant: "contoso", kind: .vaultRegistrationKey, name: "vault", secret: Secret("K")))
        try partner.close()
        #expect(
            mode(folder.path) == 0o700, "credentials/ is 0700, got \(String(mode(folder.path), radix: 8))")
        for path in [sheet.path, sheet.pagePath, partner.path] {
            #expect(mode(path) == 0o600, "\(path) is 0600, got \(String(mode(path), radix: 8))")
        }
    }

    @Test func aSheetHoldsItsTenantsAccountsWithTheColumnsForTheCustomer() throws {
        let output = try TemporaryFolder()
        let folder = try CredentialFolder(outputFolder: output.path)
        let sheet = try folder.openSheet(for: "contoso")
        try sheet.append(entry("contoso", "alice", "Tmp-Alice-9!"))
        try sheet.sync()
        let synced = try String(contentsOfFile: sheet.path, encoding: .utf8)
        #expect(synced.contains("Tmp-Alice-9!"), "an entry is in the file after sync, before close")
        try sheet.close()
        let lines = try String(contentsOfFile: sheet.path, encoding: .utf8).split(separator: "\r\n")
        #expect(
            lines.first
                == "tenant,sign_in_name,display_name,temporary_password,must_change_at_first_sign_in,sign_in_address",
            "the header: \(lines.first ?? "")")
        #expect(
            lines.dropFirst().first
                == "contoso,alice@contoso.onmicrosoft.com,Alice,Tmp-Alice-9!,yes,https://portal.azure.com/contoso.onmicrosoft.com",
            "the entry: \(lines)")
        #expect(
            sheet.path.hasSuffix("/credentials/tenant-contoso.csv"), "named after the tenant: \(sheet.path)")
        let page = try String(contentsOfFile: sheet.pagePath, encoding: .utf8)
        #expect(
            page.contains("Tmp-Alice-9!") && page.contains("alice@contoso.onmicrosoft.com"),
            "the printable page")
    }

    @Test func nothingOfOneTenantIsOnAnothersSheet() throws {
        let output = try TemporaryFolder()
        let folder = try CredentialFolder(outputFolder: output.path)
        let contoso = try folder.openSheet(for: "contoso")
        let fabrikam = try folder.openSheet(for: "fabrikam")
        try contoso.append(entry("contoso", "alice", "Contoso-Secret-1"))
        try fabrikam.append(entry("fabrikam", "bob", "Fabrikam-Secret-2"))
        #expect(throws: ReportOutputError.self, "an entry of another tenant is refused") {
            try contoso.append(entry("fabrikam", "eve", "Fabrikam-Secret-3"))
        }
        let partner = try folder.openPartnerSheet()
        try partner.append(
            PartnerSecretEntry(
                tenant: "contoso", kind: .vaultRegistrationKey, name: "vault-contoso",
                secret: Secret("VaultKey-Contoso")))
        try partner.close()
        try contoso.close()
        try fabrikam.close()
        let contosoFiles = try [contoso.path, contoso.pagePath].map {
            try String(contentsOfFile: $0, encoding: .utf8)
        }.joined()
        let fabrikamFiles = try [fabrikam.path, fabrikam.pagePath].map {
            try String(contentsOfFile: $0, encoding: .utf8)
        }.joined()
        #expect(
            !contosoFiles.contains("fabrikam") && !contosoFiles.contains("Fabrikam-Secret"),
            "no fabrikam on contoso's sheet")
        #expect(
            !fabrikamFiles.contains("contoso") && !fabrikamFiles.contains("Contoso-Secret"),
            "no contoso on fabrikam's sheet")
        #expect(
            !(contosoFiles + fabrikamFiles).contains("VaultKey"),
            "partner-only secrets are on no tenant's sheet")
    }

    @Test func reopeningASheetContinuesItWithoutLosingEntriesOrRepeatingTheHeader() throws {
        let output = try TemporaryFolder()
        let folder = try CredentialFolder(outputFolder: output.path)
        let first = try folder.openSheet(for: "contoso")
        try first.append(entry("contoso", "alice", "First-Run-Pw"))
        try first.close()
        let second = try folder.openSheet(for: "contoso")
        try second.append(entry("contoso", "bob", "Second-Run-Pw"))
        try second.close()
        let text = try String(contentsOfFile: second.path, encoding: .utf8)
        #expect(
            text.contains("First-Run-Pw") && text.contains("Second-Run-Pw"), "both runs' passwords are kept")
        #expect(text.components(separatedBy: "sign_in_name").count == 2, "one header line")
    }

    @Test func aFormulaInADisplayNameIsGuardedAndAHostileTenantStaysInTheFolder() throws {
        let output = try TemporaryFolder()
        let folder = try CredentialFolder(outputFolder: output.path)
        let sheet = try folder.openSheet(for: "../../etc")
        try sheet.append(
            CredentialEntry(
                tenant: "../../etc", signInName: "x@etc", displayName: "=HYPERLINK(\"http://evil\")",
                temporaryPassword: Secret("P")))
        try sheet.close()
        #expect(
            URL(fileURLWithPath: sheet.path).deletingLastPathComponent().path == folder.path,
            "inside credentials/")
        let text = try String(contentsOfFile: sheet.path, encoding: .utf8)
        #expect(text.contains("'=HYPERLINK"), "the formula guard is on: \(text)")
        #expect(
            text.contains("https://portal.azure.com/%2E%2E%2F%2E%2E%2Fetc.onmicrosoft.com"),
            "the address is encoded")
    }

    @Test func aFileInPlaceOfTheFolderIsRefused() throws {
        let output = try TemporaryFolder()
        #expect(
            FileManager.default.createFile(atPath: output.file("credentials"), contents: Data()), "set-up")
        #expect(throws: ReportOutputError.self, "a file named credentials is not a folder") {
            try CredentialFolder(outputFolder: output.path)
        }
    }

    @Test func aSymbolicLinkPlantedInPlaceOfASheetIsNotFollowed() throws {
        let output = try TemporaryFolder()
        let folder = try CredentialFolder(outputFolder: output.path)
        let elsewhere = output.file("elsewhere.csv")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/tenant-contoso.csv", withDestinationPath: elsewhere)
        #expect(throws: ReportOutputError.self, "opening through a symbolic link is refused") {
            try folder.openSheet(for: "contoso")
        }
        #expect(
            !FileManager.default.fileExists(atPath: elsewhere), "nothing was written where the link points")
    }
}
