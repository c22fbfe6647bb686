import Foundation

/// The outcome of vetting a creator before outreach.
public enum VettingVerdict: String, Codable, Sendable, CaseIterable {
    case pending
    case approved
    case approvedWithReservations
    case onHold
    case rejected

    public var displayName: String {
        switch self {
        case .pending: "Pending"
        case .approved: "Approved"
        case .approvedWithReservations: "Approved with reservations"
        case .onHold: "On hold"
        case .rejected: "Rejected"
        }
    }
}

/// The checks from the vetting checklist in the domain brief.
public enum VettingCheck: String, Codable, Sendable, CaseIterable {
    case audienceFit
    case engagementHealthy
    case contentQuality
    case authenticity
    case brandSafety
    case competitorConflicts
    case postingRegularity
    case disclosureHabits

    public var displayName: String {
        switch self {
        case .audienceFit: return "Audience fits target"
        case .engagementHealthy: return "ER healthy"
        case .contentQuality: return "Content quality and style fit the brand"
        case .authenticity: return "Authenticity (fake followers, sudden jumps)"
        case .brandSafety: return "Brand safety (past controversies)"
        case .competitorConflicts: return "Past sponsorships / competitor conflicts"
        case .postingRegularity: return "Posting regularity"
        case .disclosureHabits: return "Disclosure habits"
        }
    }

    /// At most 20 characters, for form labels at 80 columns.
    public var shortName: String {
        switch self {
        case .audienceFit: return "Audience fit"
        case .engagementHealthy: return "ER healthy"
        case .contentQuality: return "Content & brand fit"
        case .authenticity: return "Authenticity"
        case .brandSafety: return "Brand safety"
        case .competitorConflicts: return "Competitor conflicts"
        case .postingRegularity: return "Posting regularity"
        case .disclosureHabits: return "Disclosure habits"
        }
    }
}

/// Pass, fail or not yet checked.
public enum CheckResult: String, Codable, Sendable, CaseIterable {
    case unknown
    case pass
    case fail

    public var displayName: String {
        switch self {
        case .unknown: "Not checked"
        case .pass: "Pass"
        case .fail: "Fail"
        }
    }
}

/// One checklist line with its result and a note.
public struct VettingItem: Hashable, Codable, Sendable {
    public var check: VettingCheck
    public var result: CheckResult
    public var note: String?

    public init(check: VettingCheck, result: CheckResult = .unknown, note: String? = nil) {
        self.check = check
        self.result = result
        self.note = note
    }
}

/// The vetting record for a creator: verdict, 0–100 score, checklist and notes.
public struct Vetting: Hashable, Codable, Sendable {
    public var verdict: VettingVerdict
    /// 0–100; nil until scored.
    public var score: Int?
    public var checklist: [VettingItem]
    public var notes: String?
    public var vettedAt: Date?
    public var vettedBy: String?

    /// A fresh vetting has every check `unknown`.
    public init(verdict: VettingVerdict = .pending, score: Int? = nil,
                checklist: [VettingItem] = VettingCheck.allCases.map { VettingItem(check: $0) },
                notes: String? = nil, vettedAt: Date? = nil, vettedBy: String? = nil) {
        self.verdict = verdict
        self.score = score
        self.checklist = checklist
        self.notes = notes
        self.vettedAt = vettedAt
        self.vettedBy = vettedBy
    }

    public func result(for check: VettingCheck) -> CheckResult {
        checklist.first { $0.check == check }?.result ?? .unknown
    }

    /// Sets (or adds) a checklist line.
    public mutating func set(_ check: VettingCheck, _ result: CheckResult, note: String? = nil) {
        if let i = checklist.firstIndex(where: { $0.check == check }) {
            checklist[i].result = result
            if let note { checklist[i].note = note }
        } else {
            checklist.append(VettingItem(check: check, result: result, note: note))
        }
    }

    public var failedChecks: [VettingCheck] { checklist.filter { $0.result == .fail }.map(\.check) }
    public var uncheckedChecks: [VettingCheck] { checklist.filter { $0.result == .unknown }.map(\.check) }
}
