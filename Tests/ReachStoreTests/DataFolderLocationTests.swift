import Testing
@testable import ReachStore

@Suite struct DataFolderLocationTests {
    @Test func explicitWins() {
        let env = ["REACH_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg"]
        #expect(DataFolderLocation.resolve(explicit: "/cli", environment: env, home: "/home/u") == "/cli")
    }

    @Test func environmentVariableNext() {
        let env = ["REACH_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg"]
        #expect(DataFolderLocation.resolve(explicit: nil, environment: env, home: "/home/u") == "/env")
    }

    @Test func xdgThenHome() {
        #expect(DataFolderLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/xdg/"], home: "/home/u") == "/xdg/reach")
        #expect(DataFolderLocation.resolve(explicit: nil, environment: [:], home: "/home/u") == "/home/u/.local/share/reach")
    }

    @Test func emptyAndRelativeValuesAreIgnored() {
        let env = ["REACH_DATA_DIR": "", "XDG_DATA_HOME": "relative/dir"]
        #expect(DataFolderLocation.resolve(explicit: "", environment: env, home: "/home/u") == "/home/u/.local/share/reach")
    }

    @Test func tildeIsExpanded() {
        #expect(DataFolderLocation.resolve(explicit: "~/crm", environment: [:], home: "/home/u") == "/home/u/crm")
        #expect(DataFolderLocation.resolve(explicit: nil, environment: ["REACH_DATA_DIR": "~/team"], home: "/home/u/") == "/home/u/team")
    }
}
