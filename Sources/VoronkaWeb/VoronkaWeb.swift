import VoronkaCore

/// Voronka's web pages: models filled by controllers, views that render them without I/O, SVG charts, two languages.
public enum VoronkaWeb {}

/// Plot also declares a `Language`; inside this module the name means the interface language.
typealias Language = VoronkaCore.Language
