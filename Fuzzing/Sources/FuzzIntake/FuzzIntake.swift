import CSVStream
import Foundation
import FuzzSupport
import OnboardKit

/// Fuzzes the intake end to end, as `onboard plan` runs it: header detection and schema mapping, row
/// validation, deduplication, the reports and rejects files. Any bytes as a customers file and a users
/// file must give a plan or a `PlanError`, never a crash, and every row read must end in exactly one
/// outcome.
///
/// Input: option byte 1 picks the delimiter (detected or given) and the encoding; the rest is the
/// customers file, a 0xFF byte (never in UTF-8 text), then the users file. Without a 0xFF the whole
/// rest is the users file and there is no customers file.
func fuzzIntake(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let shape = input.optionByte()
    let delimiters: [UInt8?] = [nil, UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]
    let options = CSVReaderOptions(
        delimiter: delimiters[Int(shape) % delimiters.count],
        encoding: shape & 0x04 == 0
            ? .auto : CSVEncoding.allCases[Int(shape >> 3) % CSVEncoding.allCases.count])
    let bytes = input.payload
    let split = bytes.firstIndex(of: 0xFF)
    let customers = split.map { Array(bytes[..<$0]) }
    let users = split.map { Array(bytes[($0 + 1)...]) } ?? bytes

    let folder = IntakeFolder.shared
    var customersPath: String?
    if let customers {
        folder.write(customers, to: folder.customers)
        customersPath = folder.customers
    }
    folder.write(users, to: folder.users)
    let request = PlanRequest(
        customersPath: customersPath, usersPaths: [folder.users], outputDirectory: folder.output,
        readerOptions: options, isDeterministic: true, seed: 1)
    do throws(PlanError) {
        let report = try Planner().plan(request)
        fuzzExpect(report.customers.isBalanced, "customer rows unbalanced: \(report.customers)")
        fuzzExpect(report.users.isBalanced, "user rows unbalanced: \(report.users)")
    } catch {
        // An unusable file is a documented outcome; an I/O error on our own scratch folder is not.
        fuzzExpect(error.kind == .unusableInput, "unexpected plan error: \(error)")
        fuzzExpect(!error.message.isEmpty, "a plan error without a message")
    }
    return 0
}

/// The scratch folder the inputs are written to and the plan writes into, one per process, in
/// memory (`/dev/shm`) when there is one.
final class IntakeFolder: Sendable {
    static let shared = IntakeFolder()

    let customers: String
    let users: String
    let output: String

    private init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let root = "\(base)/onboard-fuzz-intake-\(getpid())"
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        customers = root + "/customers.csv"
        users = root + "/users.csv"
        output = root + "/out"
    }

    func write(_ bytes: [UInt8], to path: String) {
        let written = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        fuzzExpect(written, "cannot write the scratch input \(path)")
    }
}
