// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "voronka",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "voronka", targets: ["voronka"]),
        .library(name: "VoronkaCore", targets: ["VoronkaCore"]),
        .library(name: "VoronkaServer", targets: ["VoronkaServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .target(name: "VoronkaCore"),
        // The demo company generator: deterministic data from a seed, no I/O.
        .target(name: "VoronkaDemo", dependencies: ["VoronkaCore"]),
        .target(name: "VoronkaAnalytics", dependencies: ["VoronkaCore"]),
        .target(name: "VoronkaImport", dependencies: ["VoronkaCore"]),
        .target(name: "VoronkaWeb", dependencies: ["VoronkaCore", "VoronkaAnalytics", .product(name: "Plot", package: "Plot")]),
        .target(name: "VoronkaStore", dependencies: [
            "VoronkaCore", "VoronkaAnalytics",
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ]),
        .target(name: "VoronkaServer", dependencies: [
            "VoronkaCore", "VoronkaDemo", "VoronkaStore", "VoronkaAnalytics", "VoronkaImport", "VoronkaWeb",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .executableTarget(name: "voronka", dependencies: [
            "VoronkaServer", "VoronkaCore", "VoronkaImport",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The analytics benchmark (benchmarks/analytics-duckdb.sh runs it; figures in BENCHMARKS.md).
        .executableTarget(name: "voronka-analytics-bench", dependencies: ["VoronkaServer", "VoronkaStore", "VoronkaAnalytics", "VoronkaCore"],
                          path: "benchmarks/analytics-bench"),
        .executableTarget(name: "voronka-nudge-bench", dependencies: ["VoronkaServer", "VoronkaStore", "VoronkaAnalytics", "VoronkaCore"],
                          path: "benchmarks/nudge-bench"),
        .executableTarget(name: "voronka-webhook-bench", dependencies: [
            "VoronkaServer", "VoronkaStore", "VoronkaCore", .product(name: "Vapor", package: "vapor"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], path: "benchmarks/webhook-bench"),
        // Test databases on both engines and sample exports: what the storage and import tests need.
        .target(name: "VoronkaTestDatabase", dependencies: [
            "VoronkaCore", "VoronkaStore",
            .product(name: "PostgresKit", package: "postgres-kit"),
        ]),
        // The test application (the server with a sales team) on a test database.
        .target(name: "VoronkaTestSupport", dependencies: [
            "VoronkaCore", "VoronkaStore", "VoronkaServer", "VoronkaTestDatabase",
            .product(name: "VaporTesting", package: "vapor"),
        ]),
        .testTarget(name: "VoronkaCoreTests", dependencies: ["VoronkaCore"]),
        .testTarget(name: "VoronkaDemoTests", dependencies: ["VoronkaDemo", "VoronkaCore"]),
        .testTarget(name: "VoronkaAnalyticsTests", dependencies: ["VoronkaAnalytics"]),
        .testTarget(name: "VoronkaImportTests", dependencies: ["VoronkaImport", "VoronkaTestDatabase"]),
        .testTarget(name: "VoronkaWebTests", dependencies: ["VoronkaWeb", "VoronkaAnalytics"]),
        .testTarget(name: "VoronkaStoreTests", dependencies: ["VoronkaStore", "VoronkaAnalytics", "VoronkaTestDatabase"]),
        .testTarget(name: "VoronkaServerTests", dependencies: [
            "VoronkaServer", "VoronkaTestSupport", "VoronkaTestDatabase", "VoronkaImport", "VoronkaWeb", "VoronkaStore", "VoronkaCore", "VoronkaAnalytics",
            .product(name: "VaporTesting", package: "vapor"),
        ]),
    ]
)
