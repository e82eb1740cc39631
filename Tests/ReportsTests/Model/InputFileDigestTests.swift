import Foundation
import Reports
import Testing

struct InputFileDigestTests {
    @Test(arguments: [1, 2, 64, 1 << 20])
    func theDigestIsSHA256OfTheBytesWhateverTheChunkSize(chunkSize: Int) throws {
        let folder = try TemporaryFolder()
        try "abc".write(toFile: folder.file("f.csv"), atomically: true, encoding: .utf8)
        let (hex, size) = try InputFileDigest.sha256(ofFileAt: folder.file("f.csv"), chunkSize: chunkSize)
        #expect(
            hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "FIPS 180-2 example")
        #expect(size == 3, "three bytes")
    }

    @Test func aMissingFileIsATypedError() {
        #expect(throws: ReportOutputError.self, "no such file") {
            try InputFileDigest.sha256(ofFileAt: "/nonexistent/onboard/users.csv")
        }
    }
}
