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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .target(name: "LibPQ", dependencies: ["Core", "CLibPQ"]),
        .target(name: "BackendPostgres", dependencies: ["Core", "LibPQ"]),
        .target(name: "BackendRedshift", dependencies: ["Core", "LibPQ"]),
        .target(name: "BackendSQLite", dependencies: ["Core", "CSQLite"]),
        .target(name: "SampleGenerator"),
        .executableTarget(
            name: "sparkify-load",
            dependencies: [
                "Core",
                "BackendSQLite",
                "BackendPostgres",
                "BackendRedshift",
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
        .testTarget(name: "LibPQTests", dependencies: ["LibPQ", "PostgresTestSupport"]),
        .testTarget(
            name: "BackendPostgresTests",
            dependencies: ["BackendPostgres", "BackendSQLite", "PostgresTestSupport", "WarehouseConformance", "SampleGenerator"]
        ),
        .testTarget(
            name: "BackendRedshiftTests",
            dependencies: ["BackendRedshift", "BackendPostgres", "BackendSQLite", "LibPQ", "PostgresTestSupport", "WarehouseConformance"]
        ),
        .testTarget(name: "CoreTests", dependencies: ["Core", "WarehouseConformance"]),
        .testTarget(name: "BackendSQLiteTests", dependencies: ["BackendSQLite", "WarehouseConformance"]),
        .testTarget(name: "SampleGeneratorTests", dependencies: ["SampleGenerator", "Core", "WarehouseConformance"]),
        .testTarget(name: "SparkifyLoadTests", dependencies: ["sparkify-load", "WarehouseConformance", "PostgresTestSupport"]),
    ]
)
