import BenchmarkSupport

/// The CSV benchmark's printed result: the table, the targets for onboard's count mode, and a
/// warning for every reader whose record count disagrees with the others.
struct CSVBenchmarkReport: Sendable {
    var inputPath: String
    var inputBytes: Int
    var runs: Int
    var measurements: [ReaderMeasurement]
    /// `/proc/loadavg` before the first and after the last reader: other work on the machine.
    var loadBefore: String
    var loadAfter: String

    /// The targets onboard's count mode is held to.
    static let targetSpeedupOverYaslab = 50.0
    static let targetMBPerSecond = 500.0
    static let targetPeakRSSMB = 32.0

    private func measurement(named name: String) -> ReaderMeasurement? {
        measurements.first { $0.reader.name == name }
    }

    private func mbPerSecond(_ measurement: ReaderMeasurement) -> Double {
        Double(inputBytes) / bytesPerMB / measurement.best.wallSeconds
    }

    /// Throughput by the CPU time of the best run: steadier than wall time on a shared machine.
    private func mbPerCPUSecond(_ measurement: ReaderMeasurement) -> Double {
        Double(inputBytes) / bytesPerMB / measurement.best.cpuSeconds
    }

    /// The record count most CSV readers agree on (onboard's count mode breaks a tie).
    var agreedRecords: Int? {
        let counts = measurements.filter { $0.reader.counts == .records }.compactMap(\.count)
        let tally = Dictionary(counts.map { ($0, 1) }, uniquingKeysWith: +)
        let onboard = measurement(named: ReaderUnderTest.onboardCount)?.count
        return tally.max { ($0.value, $0.key == onboard ? 1 : 0) < ($1.value, $1.key == onboard ? 1 : 0) }?
            .key
    }

    var rendered: String {
        let yaslab = measurement(named: ReaderUnderTest.yaslab).map(mbPerSecond)
        let onboard = measurement(named: ReaderUnderTest.onboardCount).map(mbPerSecond)
        var table = MarkdownTable(header: [
            "reader", "MB/s", "records/s", "peak RSS (MB)", "vs yaslab (x)", "vs onboard(count)",
            "best (s)", "median (s)", "CPU (s)", "MB/s by CPU", "counted",
        ])
        for measurement in measurements {
            let speed = mbPerSecond(measurement)
            let best = measurement.best
            let perSecond: String
            let counted: String
            switch (measurement.reader.counts, measurement.count) {
            case (.records, let count?):
                perSecond = (Double(count) / best.wallSeconds).rounded().fixedInteger
                counted = "\(count.grouped) records"
            case (.lines, let count?):
                perSecond = (Double(count) / best.wallSeconds).rounded().fixedInteger + " lines"
                counted = "\(count.grouped) lines"
            default:
                perSecond = "–"
                counted = "–"
            }
            table.append([
                measurement.reader.name,
                speed.fixed(1),
                perSecond,
                (Double(measurement.peakRSSBytes) / bytesPerMB).fixed(1),
                yaslab.map { (speed / $0).fixed(1) } ?? "–",
                onboard.map { (speed / $0).fixed(2) } ?? "–",
                best.wallSeconds.fixed(3),
                measurement.medianSeconds.fixed(3),
                best.cpuSeconds.fixed(3),
                mbPerCPUSecond(measurement).fixed(1),
                counted,
            ])
        }

        var text =
            "input: \(inputPath): \(inputBytes.grouped) bytes (\((Double(inputBytes) / bytesPerMB).fixed(1)) MB)"
        if let records = agreedRecords { text += ", \(records.grouped) records (header included)" }
        text +=
            "\nper reader: its own child process, 1 warm-up run, then \(runs) runs; time = best wall time "
        text +=
            "(monotonic clock around the child), peak RSS = highest ru_maxrss of the \(runs) runs (wait4); "
        text += "CPU (s) = user + system time of the best run; MB = 10^6 bytes\n"
        text += "load average (1, 5, 15 min): \(loadBefore) before, \(loadAfter) after\n\n"
        text += table.rendered + "\n"
        text += targetsLine + "\n"
        text += agreementLines.joined()
        return text
    }

    /// The three targets of onboard's count mode, each PASS or MISS with the measured figure.
    var targetsLine: String {
        guard let onboard = measurement(named: ReaderUnderTest.onboardCount) else {
            return "targets (onboard count): not measured (onboard's reader was not run)"
        }
        let speed = mbPerSecond(onboard)
        let rss = Double(onboard.peakRSSBytes) / bytesPerMB
        let yaslabMeasurement = measurement(named: ReaderUnderTest.yaslab)
        func verdict(_ passed: Bool) -> String { passed ? "PASS" : "MISS" }
        var parts: [String] = []
        if let yaslab = yaslabMeasurement.map(mbPerSecond) {
            let ratio = speed / yaslab
            parts.append(
                ">= \(Self.targetSpeedupOverYaslab.fixed(0))x yaslab: "
                    + "\(verdict(ratio >= Self.targetSpeedupOverYaslab)) (\(ratio.fixed(1))x)")
        } else {
            parts.append(
                ">= \(Self.targetSpeedupOverYaslab.fixed(0))x yaslab: not measured (yaslab was not run)")
        }
        parts.append(
            ">= \(Self.targetMBPerSecond.fixed(0)) MB/s: \(verdict(speed >= Self.targetMBPerSecond)) "
                + "(\(speed.fixed(1)) MB/s)")
        parts.append(
            "peak RSS <= \(Self.targetPeakRSSMB.fixed(0)) MB: \(verdict(rss <= Self.targetPeakRSSMB)) "
                + "(\(rss.fixed(1)) MB)")
        var byCPU = "\(mbPerCPUSecond(onboard).fixed(1)) MB/s"
        if let yaslabMeasurement {
            byCPU =
                "\((mbPerCPUSecond(onboard) / mbPerCPUSecond(yaslabMeasurement)).fixed(1))x yaslab, " + byCPU
        }
        return "targets (onboard count, by best wall time): " + parts.joined(separator: "; ")
            + "\n(by CPU time, for reference: \(byCPU))"
    }

    /// One warning per CSV reader whose record (or field) count differs from the agreed one.
    var agreementLines: [String] {
        guard let agreed = agreedRecords else { return [] }
        let readers = measurements.filter { $0.reader.counts == .records }
        var lines: [String] = []
        for measurement in readers where measurement.count != agreed {
            lines.append(
                "WARNING: \(measurement.reader.name) counted \(measurement.count?.grouped ?? "nothing") records, "
                    + "the others \(agreed.grouped)\n")
        }
        let agreeing = readers.filter { $0.count == agreed && $0.fields != nil }
        if let reference = agreeing.first(where: { $0.reader.name == ReaderUnderTest.onboardCount })
            ?? agreeing.first
        {
            for measurement in agreeing where measurement.fields != reference.fields {
                lines.append(
                    "WARNING: \(measurement.reader.name) counted \(measurement.fields!.grouped) fields, "
                        + "\(reference.reader.name) \(reference.fields!.grouped)\n")
            }
        }
        if lines.isEmpty {
            lines.append(
                "record counts: all \(readers.count) CSV readers counted \(agreed.grouped) records\n")
        }
        return lines
    }
}

extension Double {
    /// A rounded figure with thousands grouped and no decimals.
    var fixedInteger: String { fixed(0) }
}
