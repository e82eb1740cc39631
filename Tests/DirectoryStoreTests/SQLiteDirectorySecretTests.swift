import DirectoryStore
import OnboardCore
import Testing

struct SQLiteDirectorySecretTests {
    @Test func noTemporaryPasswordIsEverInTheStoreFiles() throws {
        // The system generator, as in production: every password is new.
        let directory = try SQLiteDirectory(path: Fixture.storePath())
        var passwords: [Secret] = []
        for index in 0..<5 {
            let tenant = Fixture.tenant("tenant\(index)")
            passwords.append(try directory.createTenant(tenant))
            let given = try TemporaryPassword.parse("Given!Pass\(index)word", userName: "x")
            passwords.append(given.secret)
            let batch = (0..<20).map {
                Fixture.application("user\($0)@tenant\(index).onmicrosoft.com", of: tenant)
            }
            let withGiven =
                [UserApplication(user: batch[0].user, role: batch[0].role, password: given)]
                + batch.dropFirst()
            passwords += try directory.apply(users: withGiven).map { try #require(try $0.get().password) }
            let single = Fixture.user("single@tenant\(index).onmicrosoft.com", of: tenant)
            passwords.append(try directory.createUser(single, password: nil))
        }
        let bytes = try StoreFile.bytes(at: directory.path)
        #expect(bytes.count > 4096, "the files were read")
        #expect(
            StoreFile.contains(bytes, "user7@tenant3.onmicrosoft.com"), "a user name is found: the scan works"
        )
        let found = passwords.filter { StoreFile.contains(bytes, $0.revealed) }
        #expect(passwords.count == 5 * 23, "every password was returned")
        #expect(found.isEmpty, "\(found.count) passwords found in the store files")
    }
}
