import OnboardCore
import Testing

struct SecretTests {
    @Test func printingASecretNeverShowsItsValue() {
        let secret = Secret("Tr0ub4dor&3")
        #expect("\(secret)" == "<redacted>", "interpolation must redact")
        #expect(String(reflecting: secret) == "Secret(<redacted>)", "debug description must redact")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("Tr0ub4dor"), "dump() must not reveal the value: \(dumped)")
        #expect(secret.revealed == "Tr0ub4dor&3", "revealed gives the plain value")
    }
}
