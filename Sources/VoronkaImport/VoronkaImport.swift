/// Reading other systems' exports: CSV parsing, encodings, value parsers, mappings, presets and the import plan.
/// No I/O here: bytes in, normalised rows out; the store writes them.
public enum VoronkaImport {}
