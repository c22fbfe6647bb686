import Foundation

/// One person who works in the data folder: the Unix login they sign in with and the name the team knows them by.
public struct TeamMember: Hashable, Codable, Sendable {
    public var login: String
    public var name: String

    public init(login: String, name: String) {
        self.login = login
        self.name = name
    }
}

/// Who is using Reach right now. Owners, activity authors and "mine" all go through it, so a deal owned by
/// "Marta Kalniņa" is Marta's whether she is known here by that name or by her login `marta`.
public struct UserIdentity: Hashable, Sendable {
    /// What new records are stamped with: the team member's display name, else what the environment said.
    public var name: String
    /// The Unix login, when known.
    public var login: String?
    /// True when the name was found among the team members (not just taken from `$USER`).
    public var isTeamMember: Bool

    public init(name: String, login: String? = nil, isTeamMember: Bool = false) {
        self.name = name
        self.login = login
        self.isTeamMember = isTeamMember
    }

    /// `$REACH_USER` (a team member's display name or login), else the team member whose login is `$USER`,
    /// else `$USER` itself; nil when the environment names nobody.
    public static func resolve(environment: [String: String], team: [TeamMember]) -> UserIdentity? {
        if let wanted = nonEmpty(environment["REACH_USER"]) {
            if let member = team.first(where: { same($0.login, wanted) || same($0.name, wanted) }) {
                return UserIdentity(name: member.name, login: member.login, isTeamMember: true)
            }
            return UserIdentity(name: wanted, login: nil)
        }
        guard let login = nonEmpty(environment["USER"]) else { return nil }
        if let member = team.first(where: { same($0.login, login) }) {
            return UserIdentity(name: member.name, login: member.login, isTeamMember: true)
        }
        return UserIdentity(name: login, login: login)
    }

    /// Whether `owner` (as stored on a deal or campaign) names this user, by display name or login.
    public func owns(_ owner: String?) -> Bool {
        guard let owner else { return false }
        return Self.same(owner, name) || login.map { Self.same(owner, $0) } == true
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Names compare without regard to case or surrounding space ("marta" is "Marta").
    public static func same(_ a: String, _ b: String) -> Bool {
        a.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(b.trimmingCharacters(in: .whitespaces)) == .orderedSame
    }
}

/// Whose deals a list shows: the current user's, everyone's, or one named owner's.
public enum OwnerScope: Hashable, Sendable {
    case mine
    case everyone
    case owner(String)

    /// Whether a deal or campaign owned by `owner` is shown for `user`.
    public func includes(_ owner: String?, user: UserIdentity?) -> Bool {
        switch self {
        case .everyone: true
        case .mine: user?.owns(owner) ?? true
        case .owner(let name): owner.map { UserIdentity.same($0, name) } ?? false
        }
    }

    /// `includes` for a pass over many deals: each distinct owner name is compared once (a folder has a handful),
    /// since comparing names without regard to case was most of building Today over 200k deals.
    public func matcher(user: UserIdentity?) -> (String?) -> Bool {
        if case .everyone = self { return { _ in true } }
        var verdicts: [String: Bool] = [:]
        return { owner in
            guard let owner else { return self.includes(nil, user: user) }
            if let known = verdicts[owner] { return known }
            let verdict = self.includes(owner, user: user)
            verdicts[owner] = verdict
            return verdict
        }
    }

    /// The scope a list opens with: "mine" when the folder has more than one owner and the user is one of
    /// them or a team member; everyone else (an auditor, root on the demo) would see an empty list.
    public static func initial(owners: Set<String>, user: UserIdentity?) -> OwnerScope {
        guard let user, owners.count > 1 else { return .everyone }
        return user.isTeamMember || owners.contains(where: user.owns) ? .mine : .everyone
    }

    /// mine → everyone → each other owner in turn → mine.
    public func next(owners: [String], user: UserIdentity?) -> OwnerScope {
        let others = owners.filter { !(user?.owns($0) ?? false) }
        switch self {
        case .mine: return .everyone
        case .everyone: return others.first.map(OwnerScope.owner) ?? .mine
        case .owner(let name):
            guard let i = others.firstIndex(where: { UserIdentity.same($0, name) }), i + 1 < others.count else { return .mine }
            return .owner(others[i + 1])
        }
    }

    /// "mine", "everyone", "Tom Becker".
    public var label: String {
        switch self {
        case .mine: "mine"
        case .everyone: "everyone"
        case .owner(let name): name
        }
    }
}
