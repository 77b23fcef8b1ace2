/// Voronka's funnel analytics: pure functions (`Metrics`) over an in-memory snapshot of the journal (`Snapshot`,
/// built and kept current by `SnapshotBuilder`). No I/O.
public enum VoronkaAnalytics {}
