// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Reach",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "reach", targets: ["reach"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // libncursesw as a Swift module; see Sources/CNcurses/shim.h for why the accessors exist.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // glibc's malloc_trim, which the app calls once a large start's temporaries are freed (see FreedMemory).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),

        // Pure domain: no I/O, no clock, no terminal. Tables of 100,000s of ids are `OrderedDictionary`s: a hash
        // table of small indexes beside plain arrays, a third of a `Dictionary`'s size at 200,000 deals.
        // Reading JSON bytes straight into values: the tape, the models' direct decoders' API, ISO 8601 dates.
        .target(name: "ReachJSON"),
        .target(name: "ReachCore", dependencies: ["ReachJSON", .product(name: "OrderedCollections", package: "swift-collections")]),
        // The reproducible demo data set behind `reach demo`, the tests and the benchmarks.
        .target(name: "ReachDemo", dependencies: ["ReachCore"]),

        // The JSON data folder: atomic writes, locking, schema versions, recovery, import/export.
        .target(
            name: "ReachStore",
            dependencies: [
                "ReachCore", "ReachJSON",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
                // The folder index (cache/index.sqlite): derived from the files, never the truth.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),

        // Cell buffer, widgets, key decoding, diff rendering; knows nothing of influencers.
        .target(name: "TerminalUI", dependencies: ["CNcurses"]),
        // Shows every widget on one screen; for screenshots and manual checks in tmux.
        .executableTarget(name: "tui-demo", dependencies: ["TerminalUI"]),

        // One state, actions, pure update, view.
        .target(
            name: "ReachApp",
            dependencies: ["ReachCore", "ReachStore", "TerminalUI", "CMalloc", .product(name: "OrderedCollections", package: "swift-collections")]
        ),

        // Test support: scripted store operations in a child process the reliability tests kill and race.
        .executableTarget(
            name: "reach-torture",
            dependencies: ["ReachStore", "ReachCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .executableTarget(
            name: "reach",
            dependencies: [
                "ReachApp", "ReachStore", "ReachCore", "ReachDemo", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Performance figures against the targets in docs/performance.md (`swift run -c release reach-bench`).
        .executableTarget(
            name: "reach-bench",
            dependencies: [
                "ReachCore", "ReachDemo", "ReachStore", "TerminalUI", "ReachApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(
            name: "ReachCoreTests",
            dependencies: ["ReachCore", "ReachDemo", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "ReachStoreTests",
            dependencies: ["ReachStore", "ReachCore", "ReachJSON", "ReachDemo", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Mail/Fixtures"]
        ),
        .testTarget(name: "ReachDemoTests", dependencies: ["ReachDemo", "ReachCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "ReachAppTests", dependencies: ["ReachApp", "ReachCore", "ReachStore", "TerminalUI"], exclude: ["Snapshots"]),
        // Drives the real `reach` binary inside tmux; needs the executable built first.
        .testTarget(name: "EndToEndTests", dependencies: ["reach", "ReachStore", "ReachCore", "ReachDemo"]),
        // Crash, concurrency, hostile-file and disk-error tests; runs `reach-torture` as a child process.
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "ReachStore", "ReachCore", "reach-torture",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
