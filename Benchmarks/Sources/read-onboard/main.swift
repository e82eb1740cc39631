// Child of `onboard-bench csv`: reads FILE with onboard's CSVReader and prints "RECORDS FIELDS".
//   read-onboard count FILE    `countRemaining()`: parses every byte, builds no String (`onboard csv --count`)
//   read-onboard records FILE  `next()` until nil: a CSVRecord with String fields per record, as the peers build
// A malformed record counts as a record (onboard reports it and goes on), as in count mode.
import BenchmarkSupport
import CSVStream

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 3, ["count", "records"].contains(arguments[1]) else {
    printToStandardError("usage: read-onboard count|records FILE")
    exit(2)
}
do {
    let reader = try CSVReader(path: arguments[2])
    if arguments[1] == "count" {
        let count = try reader.countRemaining()
        print(count.records, count.fields)
    } else {
        var records = 0
        var fields = 0
        while let result = try reader.next() {
            records += 1
            if case .success(let record) = result { fields += record.fields.count }
        }
        print(records, fields)
    }
} catch {
    printToStandardError("read-onboard: \(error)")
    exit(1)
}
