/// Voronka's funnel analytics: pure functions over an in-memory snapshot of the journal.
public enum VoronkaAnalytics {}
