// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "sparkify-load",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sparkify-load", targets: ["sparkify-load"]),
        .executable(name: "sparkify-generate", targets: ["sparkify-generate"]),
        .library(name: "Core", targets: ["Core"]),
        .library(name: "BackendSQLite", targets: ["BackendSQLite"]),
        .library(name: "BackendPostgres", targets: ["BackendPostgres"]),
        .library(name: "BackendRedshift", targets: ["BackendRedshift"]),
        .library(name: "Presentation", targets: ["Presentation"]),
        .library(name: "S3Staging", targets: ["S3Staging"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "Core"),
        .target(name: "LibPQ", dependencies: ["CLibPQ"]),
        .target(name: "PostgresFamily", dependencies: ["Core", "LibPQ"]),
        .target(name: "BackendPostgres", dependencies: ["Core", "LibPQ", "PostgresFamily"]),
        .target(name: "BackendRedshift", dependencies: ["Core", "LibPQ", "PostgresFamily", "AWS", "S3Staging"]),
        .target(name: "BackendSQLite", dependencies: ["Core", "CSQLite"]),
        .target(name: "SampleGenerator"),
        .target(
            name: "AWS",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "Presentation", dependencies: ["Core"]),
        .target(name: "S3Staging", dependencies: ["Core", "AWS", .product(name: "NIOCore", package: "swift-nio")]),
        .target(
            name: "Cluster",
            dependencies: ["AWS", "BackendRedshift", "S3Staging", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOCore", package: "swift-nio")]
        ),
        .executableTarget(
            name: "sparkify-load",
            dependencies: [
                "Core",
                "Presentation",
                "BackendSQLite",
                "BackendPostgres",
                "BackendRedshift",
                "AWS",
                "S3Staging",
                "Cluster",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "sparkify-generate",
            dependencies: [
                "SampleGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A libFuzzer target over the staging reader when Scripts/fuzz.sh builds it; in a plain
        // build, a tool that runs the same checks on the files named.
        .executableTarget(name: "StagingFuzzer", dependencies: ["Core"]),
        .target(name: "WarehouseConformance", dependencies: ["Core"], path: "Tests/WarehouseConformance"),
        .target(name: "PostgresTestSupport", dependencies: ["LibPQ"], path: "Tests/PostgresTestSupport"),
        .target(name: "AWSTestSupport", dependencies: ["AWS", .product(name: "NIOCore", package: "swift-nio")], path: "Tests/AWSTestSupport"),
        .testTarget(
            name: "AWSTests",
            dependencies: ["AWS", "AWSTestSupport", .product(name: "Crypto", package: "swift-crypto"), .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(name: "ClusterTests", dependencies: ["Cluster", "AWS", "AWSTestSupport", "BackendRedshift", "WarehouseConformance"]),
        .testTarget(name: "LibPQTests", dependencies: ["LibPQ", "PostgresTestSupport"]),
        .testTarget(name: "PostgresFamilyTests", dependencies: ["PostgresFamily", "LibPQ", "PostgresTestSupport"]),
        .testTarget(
            name: "BackendPostgresTests",
            dependencies: ["BackendPostgres", "BackendSQLite", "PostgresTestSupport", "WarehouseConformance", "SampleGenerator"]
        ),
        .testTarget(
            name: "BackendRedshiftTests",
            dependencies: ["BackendRedshift", "BackendPostgres", "BackendSQLite", "LibPQ", "PostgresTestSupport", "WarehouseConformance",
                           "AWS", "AWSTestSupport", "S3Staging"]
        ),
        .testTarget(
            name: "S3StagingTests",
            dependencies: ["S3Staging", "AWS", "AWSTestSupport", "Core", "BackendSQLite", "WarehouseConformance"]
        ),
        .testTarget(name: "CoreTests", dependencies: ["Core", "WarehouseConformance"]),
        .testTarget(name: "BackendSQLiteTests", dependencies: ["BackendSQLite", "WarehouseConformance"]),
        .testTarget(name: "SampleGeneratorTests", dependencies: ["SampleGenerator", "Core", "WarehouseConformance"]),
        .testTarget(name: "PresentationTests", dependencies: ["Presentation", "Core", "WarehouseConformance"]),
        .testTarget(
            name: "SparkifyLoadTests",
            dependencies: ["sparkify-load", "WarehouseConformance", "PostgresTestSupport", "PostgresFamily", "AWS", "AWSTestSupport",
                           "Core", "BackendSQLite", "BackendPostgres", "SampleGenerator"]
        ),
    ]
)
