import DirectoryStore
import Dispatch
import Foundation
import OnboardCore
import Synchronization

// Usage: directory-store-benchmark [users] [tenants] [batch-size] [store-path]
// Set DIRECTORY_BENCHMARK_SEQUENTIAL=1 to apply batches on one thread instead of from Dispatch workers.
// Defaults: 1,000,000 users over 1,000 tenants, batches of 2,000, a fresh store in a temporary folder.

let arguments = CommandLine.arguments.dropFirst().map { $0 }
let userCount = arguments.count > 0 ? Int(arguments[0])! : 1_000_000
let tenantCount = arguments.count > 1 ? Int(arguments[1])! : 1_000
let batchSize = arguments.count > 2 ? Int(arguments[2])! : 2_000
let path =
    arguments.count > 3
    ? arguments[3] : NSTemporaryDirectory() + "directory-store-benchmark-\(getpid())/directory.sqlite"

/// The process's CPU time so far (user + system, all threads), in seconds: on a machine shared with
/// other work, steadier than wall-clock time.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

/// The CPU time of the last `seconds` call.
nonisolated(unsafe) var lastCPUSeconds = 0.0

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpu = cpuSeconds()
    try body()
    lastCPUSeconds = cpuSeconds() - cpu
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }

let store = try SQLiteDirectory(path: path)
let tenants = (0..<tenantCount).map { index in
    CustomerTenant(
        TenantDraft(
            prefix: try! DomainPrefix.parse("tenant\(index)"),
            company: try! CompanyName.parse("Company \(index)"),
            country: try! CountryCode.parse("DE"),
            contact: Contact(
                firstName: "Eva", lastName: "Klein", email: try! EmailAddress.parse("eva@example.com"))
        ))
}
let policy = OnboardingPolicy()

/// The users of batch `number`: user i belongs to tenant i % tenantCount.
func batch(_ number: Int) -> [UserApplication] {
    let range = (number * batchSize)..<min(userCount, (number + 1) * batchSize)
    return range.map { index in
        let tenant = tenants[index % tenantCount]
        let user = try! tenant.makeUser(
            UserDraft(
                userPrincipalName: try! UserPrincipalName.parse(
                    "user\(index)@\(tenant.prefix).onmicrosoft.com"),
                displayName: try! DisplayName.parse("User \(index)"), firstName: "User", lastName: "\(index)",
                jobTitle: "Engineer", department: "Operations", usageLocation: tenant.country))
        return UserApplication(user: user, role: try! tenant.assign(.reader, to: user, policy: policy))
    }
}

/// `DIRECTORY_BENCHMARK_SEQUENTIAL=1` applies the batches one after another on one thread.
let sequential = ProcessInfo.processInfo.environment["DIRECTORY_BENCHMARK_SEQUENTIAL"] == "1"
let batchCount = (userCount + batchSize - 1) / batchSize

/// Applies every batch from the Dispatch workers (as the engine does) and counts each kind of change.
func applyAll() -> [String: Int] {
    let counts = Mutex<[String: Int]>([:])
    let work: @Sendable (Int) -> Void = { number in
        var local: [String: Int] = [:]
        for result in store.apply(users: batch(number)) {
            switch result {
            case .success(let applied):
                // A switch, not "\(applied.change)": describing an enum by reflection costs microseconds.
                switch applied.change {
                case .created: local["created", default: 0] += 1
                case .updated: local["updated", default: 0] += 1
                case .unchanged: local["unchanged", default: 0] += 1
                }
            case .failure(let error): local["failed: \(error)", default: 0] += 1
            }
        }
        counts.withLock { $0.merge(local, uniquingKeysWith: +) }
    }
    if sequential {
        for number in 0..<batchCount { work(number) }
    } else {
        DispatchQueue.concurrentPerform(iterations: batchCount, execute: work)
    }
    return counts.withLock { $0 }
}

print("store: \(path)")
print("users: \(userCount), tenants: \(tenantCount), batch size: \(batchSize), batches: \(batchCount)")
let tenantSeconds = try seconds { for tenant in tenants { _ = try store.createTenant(tenant) } }
print("create \(tenantCount) tenants: \(format(tenantSeconds)) s")
let buildSeconds = seconds { DispatchQueue.concurrentPerform(iterations: batchCount) { _ = batch($0) } }
print("build the users only (core values, no store): \(format(buildSeconds)) s")
var counts: [String: Int] = [:]
let insertSeconds = seconds { counts = applyAll() }
print(
    "first import: \(format(insertSeconds)) s (CPU \(format(lastCPUSeconds)) s), "
        + "\(Int(Double(userCount) / insertSeconds)) users/s, \(counts)")
let reapplySeconds = seconds { counts = applyAll() }
print(
    "re-import, all unchanged: \(format(reapplySeconds)) s (CPU \(format(lastCPUSeconds)) s), "
        + "\(Int(Double(userCount) / reapplySeconds)) users/s, \(counts)")
let statistics = try store.statistics()
let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int ?? 0) / 1_048_576
let walSize =
    ((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size]) as? Int ?? 0) / 1_048_576
print(
    "store holds \(statistics.tenants) tenants, \(statistics.users) users; file \(size) MiB, WAL \(walSize) MiB"
)
