/// A consumer of a run's outcome stream: a report, a summary, a rejects file.
///
/// The pipeline calls `begin` once, `record` for every row in input order, then `finish` once; on a
/// failure it calls `abandon`, which leaves no half-written output under a final name. Sinks are
/// independent: each sees the same stream and needs nothing of the others.
public protocol ReportSink: AnyObject {
    /// The run starts: its metadata (without `finished`) and the input files.
    func begin(_ metadata: RunMetadata, files: [InputFileInfo]) throws
    /// One more row, in input order.
    func record(_ outcome: RowOutcome) throws
    /// The run ended: writes the rest and puts the output in place.
    func finish(_ ending: RunEnding) throws
    /// The run failed: drops what was written.
    func abandon()
}
