import Testing
@testable import VoronkaAnalytics
