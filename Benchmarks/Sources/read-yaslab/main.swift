// Child of `onboard-bench csv`: reads FILE with yaslab/CSV.swift's streaming reader, the way its
// README shows (`CSVReader(stream:)`, then `next()` until nil), and prints "RECORDS FIELDS".
// No header row is set, so the header is record 1, as in every other reader here.
import CSV
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 2, let stream = InputStream(fileAtPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: read-yaslab FILE (a readable file)\n".utf8))
    exit(2)
}
let reader = try CSVReader(stream: stream)
var records = 0
var fields = 0
while let row = reader.next() {
    records += 1
    fields += row.count
}
// 2.5.2 reports the end of the stream itself as `CSVError.cannotReadFile` (its byte reader throws
// when a read returns 0 bytes), so only other errors are failures.
if let error = reader.error, !isEndOfStream(error) {
    FileHandle.standardError.write(Data("read-yaslab: \(error) after \(records) records\n".utf8))
    exit(1)
}
print(records, fields)

func isEndOfStream(_ error: any Error) -> Bool {
    if case CSVError.cannotReadFile = error { return true }
    return false
}
