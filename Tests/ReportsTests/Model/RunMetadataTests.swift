import Foundation
import Reports
import Testing

struct RunMetadataTests {
    @Test func sourceDateEpochMakesTheRunDeterministic() {
        let metadata = RunMetadata.starting(
            command: .plan, toolVersion: "1.0", jobs: 2, seed: 9,
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(metadata.isDeterministic, "SOURCE_DATE_EPOCH alone turns it on")
        #expect(
            metadata.started == Date(timeIntervalSince1970: 1_700_000_000), "the start is SOURCE_DATE_EPOCH")
        #expect(metadata.finishing(at: Date()).finished == metadata.started, "and so is the end")
    }

    @Test func theRunIDComesFromTheSeed() {
        let a = RunMetadata.starting(
            command: .import, toolVersion: "1", jobs: 1, deterministic: true, seed: 1, environment: [:])
        let b = RunMetadata.starting(
            command: .import, toolVersion: "1", jobs: 1, deterministic: true, seed: 1, environment: [:])
        let c = RunMetadata.starting(
            command: .import, toolVersion: "1", jobs: 1, deterministic: true, seed: 2, environment: [:])
        #expect(a.runID == b.runID && a.runID != c.runID, "same seed, same id; other seed, other id")
        #expect(
            a.runID.count == 36 && a.started == Date(timeIntervalSince1970: 0), "UUID-shaped; epoch start")
    }

    @Test func aNormalRunHasAFreshIDAndTheClocksTime() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let a = RunMetadata.starting(command: .plan, toolVersion: "1", jobs: 1, environment: [:], now: now)
        let b = RunMetadata.starting(command: .plan, toolVersion: "1", jobs: 1, environment: [:], now: now)
        #expect(!a.isDeterministic && a.runID != b.runID && a.started == now, "random id, real time")
    }
}
