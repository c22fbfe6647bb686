import Foundation

extension WorkspaceSettings {
    /// Settings problems, each under the path of the field it concerns (`tierThresholds.macro`,
    /// `pipeline.stages[2].name`) so an editor can show it under that field; messages name the field and the value.
    public func validate() -> [ValidationIssue] {
        var issues = tierIssues()
        issues += stageIssues()
        for (i, r) in currencyRates.rates.enumerated() {
            let path = "currencyRates.rates[\(i)]"
            if r.rate <= 0 { issues.append(ValidationIssue(path + ".rate", "Rate \(r.from)→\(r.to) must be positive.")) }
            for (c, side) in [(r.from, "from"), (r.to, "to")] where !c.isKnown {
                issues.append(ValidationIssue("\(path).\(side)", "Unknown currency code \"\(c)\": use an ISO 4217 code such as EUR, USD or JPY."))
            }
            if r.from == r.to { issues.append(ValidationIssue(path + ".to", "A rate converts between two currencies: \(r.from)→\(r.to) is the same one.")) }
        }
        if !reportingCurrency.isKnown {
            issues.append(ValidationIssue("reportingCurrency", "Unknown currency code \"\(reportingCurrency)\": use an ISO 4217 code such as EUR."))
        }
        if staleMetricDays < 1 { issues.append(ValidationIssue("staleMetricDays", "Stale after (days) must be at least 1, not \(staleMetricDays).")) }
        if followUpAfterDays < 0 { issues.append(ValidationIssue("followUpAfterDays", "Follow-up after (days) cannot be negative (\(followUpAfterDays)).")) }
        if rightsExpiryWarningDays < 0 {
            issues.append(ValidationIssue("rightsExpiryWarningDays", "Rights warning (days) cannot be negative (\(rightsExpiryWarningDays))."))
        }
        issues += teamIssues()
        return issues
    }

    /// nano < micro < macro < mega: each threshold above the one before, the first above 0.
    private func tierIssues() -> [ValidationIssue] {
        let t = tierThresholds
        var issues: [ValidationIssue] = []
        if t.micro < 1 { issues.append(ValidationIssue("tierThresholds.micro", "Micro from must be at least 1 follower, not \(t.micro).")) }
        if t.macro <= t.micro {
            issues.append(ValidationIssue("tierThresholds.macro", "Macro from (\(t.macro)) must be above micro from (\(t.micro)): tiers ascend."))
        }
        if t.mega <= t.macro {
            issues.append(ValidationIssue("tierThresholds.mega", "Mega from (\(t.mega)) must be above macro from (\(t.macro)): tiers ascend."))
        }
        return issues
    }

    /// At least one stage; unique keys; every name non-empty and unique (case and spacing aside) across all stages.
    private func stageIssues() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if pipeline.stages.isEmpty { issues.append(ValidationIssue("pipeline.stages", "The pipeline has no stages: add at least one.")) }
        let keys = pipeline.allStages.map(\.key)
        if Set(keys).count != keys.count { issues.append(ValidationIssue("pipeline", "Two stages share a key: give each stage a unique key.")) }
        var seen: Set<String> = []
        let named = pipeline.stages.enumerated().map { ("pipeline.stages[\($0.offset)].name", $0.element.name) }
            + pipeline.sideExits.enumerated().map { ("pipeline.sideExits[\($0.offset)].name", $0.element.name) }
        for (path, name) in named {
            let folded = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if folded.isEmpty {
                issues.append(ValidationIssue(path, "Stage name is empty: enter a name."))
            } else if !seen.insert(folded).inserted {
                issues.append(ValidationIssue(path, "Another stage is already called \"\(name)\": give each stage its own name."))
            }
        }
        return issues
    }

    /// Logins non-empty, without spaces and unique; names non-empty.
    private func teamIssues() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var logins: Set<String> = []
        for (i, member) in teamMembers.enumerated() {
            let path = "teamMembers[\(i)]"
            let login = member.login.trimmingCharacters(in: .whitespaces)
            if login.isEmpty || login.contains(where: \.isWhitespace) {
                issues.append(ValidationIssue(path + ".login", "Login \"\(member.login)\" must be one word, as in $USER (e.g. marta)."))
            } else if !logins.insert(login.lowercased()).inserted {
                issues.append(ValidationIssue(path + ".login", "Login \(login) is already a team member."))
            }
            if member.name.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(ValidationIssue(path + ".name", "Name is empty: enter the name the team knows them by."))
            }
        }
        return issues
    }
}
