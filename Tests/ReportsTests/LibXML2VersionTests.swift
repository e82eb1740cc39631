import Foundation
import Reports
import Testing

struct LibXML2VersionTests {
    @Test func linksLibXML2NextToFoundation() {
        // Importing Foundation and libxml2 in one module is what the ICU clash broke.
        let parts = libxml2Version.split(separator: ".")
        #expect(parts.count == 3 && parts[0] == "2", "libxml2 2.x expected, got \(libxml2Version)")
        #expect(!Date().description.isEmpty)
    }
}
