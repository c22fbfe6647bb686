import Testing
@testable import ReachStore

/// `$HOME` decides every default path when it is usable; otherwise the account's home does.
@Suite struct HomeDirectoryTests {
    @Test func anAbsoluteHomeWins() {
        #expect(HomeDirectory.resolve(environment: ["HOME": "/scratch/home"], fallback: "/home/account") == "/scratch/home")
    }

    @Test(arguments: [[:], ["HOME": ""], ["HOME": "relative/home"], ["HOME": "~/home"]])
    func anUnsetEmptyOrRelativeHomeFallsBack(_ environment: [String: String]) {
        #expect(HomeDirectory.resolve(environment: environment, fallback: "/home/account") == "/home/account")
    }

    @Test func theDefaultPathsFollowHome() {
        let environment = ["HOME": "/scratch/home"]
        let home = HomeDirectory.resolve(environment: environment, fallback: "/home/account")
        #expect(DataFolderLocation.resolve(explicit: nil, environment: environment, home: home) == "/scratch/home/.local/share/reach")
    }
}
