import DirectoryStore
import Foundation
import OnboardCore
import Testing

/// `onboard tenants` and `onboard users` on a store filled through the `Directory` API.
struct ListingCommandTests {
    /// A temporary folder with `store.sqlite` holding two tenants: `contoso` (managed, an admin and two
    /// users, one blocked) and `fabrikam` (self-service, its admin only).
    func makeStore() throws -> URL {
        let folder = try OnboardProcess.temporaryFolder()
        let store = try SQLiteDirectory(path: folder.appendingPathComponent("store.sqlite").path)
        let contoso = tenant("contoso", company: "Contoso Ltd", mode: .managed)
        let fabrikam = tenant("fabrikam", company: "Fabrikam Müller & Söhne", mode: .selfService)
        _ = try store.createTenant(contoso)
        _ = try store.createTenant(fabrikam)
        for (upn, name, role, blocked) in [
            ("zoe@contoso.onmicrosoft.com", "Zoë Weiß", Role.contributor, false),
            ("bob@contoso.onmicrosoft.com", "Bob Stone", Role.reader, true),
        ] {
            let user = try contoso.makeUser(
                UserDraft(
                    userPrincipalName: try UserPrincipalName.parse(upn),
                    displayName: try DisplayName.parse(name),
                    isSignInBlocked: blocked))
            _ = try store.createUser(user, password: nil)
            try store.assignRole(try contoso.assign(role, to: user, policy: OnboardingPolicy()))
        }
        return folder
    }

    func tenant(_ prefix: String, company: String, mode: DisasterRecoveryMode) -> CustomerTenant {
        CustomerTenant(
            TenantDraft(
                prefix: try! DomainPrefix.parse(prefix), company: try! CompanyName.parse(company),
                country: try! CountryCode.parse("DE"), address: PostalAddress(city: "Berlin"),
                contact: Contact(
                    firstName: "Eva", lastName: "Klein",
                    email: try! EmailAddress.parse("eva@\(prefix).example")),
                disasterRecoveryMode: mode))
    }

    @Test func tenantsPrintsATable() throws {
        let folder = try makeStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OnboardProcess.run(["tenants", "--store", "store.sqlite"], in: folder)
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout == """
                PREFIX    COMPANY                  COUNTRY  DR MODE       USERS
                contoso   Contoso Ltd              DE       managed           3
                fabrikam  Fabrikam Müller & Söhne  DE       self-service      1

                """, "\(run)")
    }

    @Test func tenantsAsJSONHaveTheDocumentedKeys() throws {
        let folder = try makeStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OnboardProcess.run([
            "tenants", "--json", "--store", folder.appendingPathComponent("store.sqlite").path,
        ])
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout == """
                [
                {"prefix":"contoso","company":"Contoso Ltd","country":"DE","disasterRecoveryMode":"managed","users":3},
                {"prefix":"fabrikam","company":"Fabrikam Müller & Söhne","country":"DE","disasterRecoveryMode":"self-service","users":1}
                ]

                """, "\(run)")
        let parsed = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [[String: Any]]
        #expect(parsed?.count == 2, "valid JSON: \(run)")
    }

    @Test func usersPrintsTheAdminFirstThenTheUsersWithRolesAndNoPassword() throws {
        let folder = try makeStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store.sqlite").path
        let run = try OnboardProcess.run(["users", "--tenant", "contoso", "--store", store])
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout == """
                   USER PRINCIPAL NAME            DISPLAY NAME   ROLE         SIGN-IN
                *  admin@contoso.onmicrosoft.com  Administrator  Owner        allowed
                   bob@contoso.onmicrosoft.com    Bob Stone      Reader       blocked
                   zoe@contoso.onmicrosoft.com    Zoë Weiß       Contributor  allowed

                """, "the admin first, then by name: \(run)")

        let json = try OnboardProcess.run(["users", "--tenant", "CONTOSO", "--store", store, "--json"])
        #expect(json.status == 0, "\(json)")
        let users = try #require(
            try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [[String: Any]], "\(json)")
        #expect(users.count == 3, "three users: \(json)")
        #expect(
            users.map { Set($0.keys) }.allSatisfy {
                $0 == ["tenant", "userPrincipalName", "displayName", "role", "signInBlocked", "defaultAdmin"]
            }, "the documented keys: \(json)")
        #expect(
            users[0]["defaultAdmin"] as? Bool == true && users[0]["role"] as? String == "Owner",
            "admin first: \(json)")
        #expect(users[1]["signInBlocked"] as? Bool == true, "bob is blocked: \(json)")
        #expect(!json.stdout.lowercased().contains("password"), "no password field: \(json)")
    }

    @Test func aMissingStoreIsAnErrorAndIsNotCreated() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nowhere/store.sqlite").path
        for arguments in [
            ["tenants", "--store", missing], ["users", "--tenant", "contoso", "--store", missing],
        ] {
            let run = try OnboardProcess.run(arguments)
            #expect(run.status == 66, "exit 66: \(run)")
            #expect(
                run.stderr
                    == "onboard: error: There is no directory store \(missing); give the store's path with "
                    + "--store PATH (listing a store never makes one).\n", "\(run)")
            #expect(
                !FileManager.default.fileExists(atPath: folder.appendingPathComponent("nowhere").path),
                "nothing made")
        }
        let inFolder = try OnboardProcess.run(["tenants"], in: folder)
        #expect(inFolder.status == 66, "the default store is looked for, not made: \(inFolder)")
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("onboard-directory.sqlite").path),
            "no empty default store left behind")
    }

    @Test(arguments: ["northwind", "not a prefix!"])
    func anUnknownTenantNamesThePrefixAndSuggestsTenants(prefix: String) throws {
        let folder = try makeStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store.sqlite").path
        let run = try OnboardProcess.run(["users", "--tenant", prefix, "--store", store])
        #expect(run.status == 65, "exit 65: \(run)")
        #expect(
            run.stderr
                == "onboard: error: there is no tenant \"\(prefix)\" in \(store); `onboard tenants` lists them\n",
            "\(run)")
    }
}
