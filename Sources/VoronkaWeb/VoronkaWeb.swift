/// Voronka's web pages: models filled by controllers, views that render them without I/O, SVG charts, two languages.
public enum VoronkaWeb {}
