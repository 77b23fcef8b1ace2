/// Reading other systems' exports: CSV parsing, encodings, presets and mappings. No I/O: bytes in, rows out.
public enum VoronkaImport {}
