// Child of `onboard-bench csv`: loads FILE with swiftcsv/SwiftCSV (it reads the whole file into
// one String and parses every row into `[[String]]`) and prints "RECORDS FIELDS". The header is
// kept apart by SwiftCSV; it counts as record 1 here, as in every other reader.
import Foundation
import SwiftCSV

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: read-swiftcsv FILE\n".utf8))
    exit(2)
}
let csv = try CSV<Enumerated>(url: URL(fileURLWithPath: arguments[1]), delimiter: .comma, loadColumns: false)
let rows = csv.rows
print(rows.count + 1, rows.reduce(csv.header.count) { $0 + $1.count })
