import Testing
@testable import VoronkaWeb
