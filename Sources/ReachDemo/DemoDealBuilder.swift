import Foundation
import ReachCore

/// Builds one realistic deal from a plan: it walks the pipeline with the domain's own operations
/// (stage moves, offers, follow-ups, payments), so histories, timelines and ledgers are consistent.
struct DemoDealBuilder {
    let now: Date
    let archetype: DemoCampaignArchetype
    let campaign: Campaign
    let influencer: Influencer
    let plan: DemoDealPlan
    var rng: DemoRandom
    /// Makes discount codes unique by construction (deals built in parallel cannot share a set of used codes).
    var codeTag: String? = nil

    private let pipeline = StagePipeline.default
    private static let day: Double = 86_400

    /// `now` moved by `days`; exactly 0 means "later today" (between now and midnight UTC), so it shows as due today, not overdue.
    private func at(_ days: Double) -> Date {
        guard days == 0 else { return now.addingTimeInterval(days * Self.day) }
        let midnight = (now.timeIntervalSince1970 / Self.day).rounded(.down) * Self.day + Self.day
        return Date(timeIntervalSince1970: (now.timeIntervalSince1970 + midnight) / 2)
    }
    private func index(_ stage: StageKey) -> Int { pipeline.index(of: stage) ?? 0 }

    /// How long a deal typically sits in each stage, in days.
    private static let typicalDays: [StageKey: ClosedRange<Double>] = [
        .prospect: 1...6, .vetting: 1...5, .shortlisted: 1...7, .contacted: 2...8, .negotiating: 2...9, .contracted: 2...6,
        .inProduction: 6...14, .contentReview: 1...5, .published: 7...14, .reporting: 4...12,
    ]

    /// Builds the deal; `codes` holds every discount code used so far (kept unique across the data set).
    mutating func build(codes: inout Set<String>) -> Deal {
        let isExit = pipeline.isSideExit(plan.stage)
        let reached = isExit ? plan.reached : plan.stage
        let path = pipeline.stages.prefix(index(reached) + 1).map(\.key)
        let exitAt = at(-plan.daysInStage)
        var entries = Array(repeating: isExit ? exitAt.addingTimeInterval(-rng.double(2...9) * Self.day) : exitAt, count: path.count)
        for i in stride(from: path.count - 2, through: 0, by: -1) {
            entries[i] = entries[i + 1].addingTimeInterval(-(rng.double(Self.typicalDays[path[i]] ?? 1...5)) * Self.day)
        }
        let fee = agreedFee()
        var deal = Deal(
            id: rng.recordID(at: entries[0]), createdAt: entries[0], influencerID: influencer.id, campaignID: campaign.id,
            owner: campaign.owner, stage: .prospect,
            source: plan.source ?? rng.pick(DealSource.allCases.filter { $0 != .other }),
            partnershipType: archetype.partnership, compensation: archetype.compensation, pricing: pricing(), notes: plan.notes)
        let found: [DealSource: String] = [.search: "found by search", .referral: "referred", .inbound: "inbound request",
                                           .agencyList: "from an agency list", .other: "other source"]
        log(&deal, at: entries[0], channel: .note, summary: "Added to \(campaign.name) (\(deal.source.flatMap { found[$0] } ?? "found by search"))",
            author: campaign.owner)

        for i in path.indices.dropFirst() {
            let until = i + 1 < path.count ? entries[i + 1] : (isExit ? exitAt : now)
            enter(path[i], at: entries[i], until: until, fee: fee, deal: &deal, codes: &codes)
        }
        // Follow-ups fall evenly between the first outreach and the exit (or now).
        let lastEntry = entries[entries.count - 1]
        let followUps = reached == .contacted ? (isExit ? max(plan.followUps, 1) : plan.followUps) : 0
        let gap = (isExit ? exitAt : now).timeIntervalSince(lastEntry) / Double(followUps + 1)
        for n in 0..<followUps { deal.recordFollowUpSent(at: lastEntry.addingTimeInterval(Double(n + 1) * gap)) }
        if isExit {
            do {
                try deal.move(to: plan.stage, at: exitAt, reason: plan.exitReason ?? "No reason given", author: campaign.owner)
            } catch {
                assertionFailure("demo side exit: \(error)")
            }
        }
        if index(reached) >= index(.contracted) {
            addDeliverables(to: &deal, entries: Dictionary(uniqueKeysWithValues: zip(path, entries)), exited: isExit)
            addPayments(to: &deal, entries: Dictionary(uniqueKeysWithValues: zip(path, entries)), exited: isExit)
        }
        if !pipeline.isClosed(plan.stage) { deal.nextAction = nextAction(for: deal) }
        finish(&deal)
        return deal
    }

    /// Logs a timeline entry. Its id is a placeholder (`finish` numbers every entry from the seed), which
    /// also spares `UUID()`: on Linux it reads /dev/urandom each time, a real cost for 200,000 deals.
    private func log(_ deal: inout Deal, at date: Date, channel: ActivityChannel, direction: ActivityDirection? = nil,
                     summary: String, author: String? = nil) {
        deal.logActivity(Activity(id: Self.placeholderID, at: date, channel: channel, direction: direction, summary: summary, author: author))
    }

    private static let placeholderID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    // MARK: Stages

    private mutating func enter(_ stage: StageKey, at t: Date, until: Date, fee: Money?, deal: inout Deal, codes: inout Set<String>) {
        let span = max(until.timeIntervalSince(t), 3_600)
        func within(_ fraction: Double) -> Date { t.addingTimeInterval(span * fraction) }
        let owner = campaign.owner
        switch stage {
        case .shortlisted:
            log(&deal, at: t, channel: .note, summary: "Vetting done: \(influencer.vetting.verdict.rawValue), score \(influencer.vetting.score ?? 0)", author: owner)
        case .contacted:
            let channel: ActivityChannel = influencer.contact.email == nil ? .dm : rng.pick([.email, .email, .dm])
            let language = influencer.languages.first == "ja" ? "Japanese" : "English"
            log(&deal, at: t, channel: channel, direction: .outbound, summary: "First outreach sent (\(language) template), mentioned a recent post", author: owner)
        case .negotiating:
            log(&deal, at: t, channel: .email, direction: .inbound, summary: rng.pick([
                "Replied: interested, asked for budget and dates", "Replied with rate card and media kit",
                "Manager replied: available, wants usage-rights details"]))
            if let fee {
                deal.recordOffer(by: .us, amount: DemoMoney.scaled(fee, by: rng.double(0.55...0.8)), at: within(0.15), note: "Opening offer")
                deal.recordOffer(by: .them, amount: DemoMoney.scaled(fee, by: rng.double(1.2...1.6)), at: within(0.45), note: "Rate card price")
            } else {
                log(&deal, at: within(0.3), channel: .email, direction: .outbound, summary: "Offered gifted kit + 15% commission", author: owner)
            }
        case .contracted:
            if let fee { deal.recordOffer(by: rng.pick([Party.us, .them]), amount: fee, at: t, note: "Final terms", agreed: true) }
            deal.contract = contract(signedAt: within(0.2))
            if let suffix = archetype.codeSuffix { deal.tracking.discountCode = uniqueCode(suffix: suffix, codes: &codes) }
            deal.tracking.referralLink = campaign.referralLink(influencer: influencer, deal: deal)
        case .inProduction:
            log(&deal, at: t, channel: .email, direction: .outbound,
                             summary: archetype.compensation == .paid ? "Brief sent with posting dates" : "Brief sent and product kit shipped", author: owner)
        case .contentReview:
            log(&deal, at: t, channel: .email, direction: .inbound, summary: "Draft submitted for review")
        case .reporting:
            log(&deal, at: t, channel: .email, direction: .outbound, summary: "Asked for insights screenshots (7-day figures)", author: owner)
        case .complete:
            log(&deal, at: t, channel: .note, summary: "Results recorded; all payments settled", author: owner)
        default:
            break
        }
        do {
            try deal.move(to: stage, at: t, author: owner)
        } catch {
            assertionFailure("demo stage walk: \(error)")
        }
    }

    // MARK: Money

    /// The agreed fee in the deal currency: the creator's rate for the package times the campaign's factor; nil when gifted or affiliate only.
    private mutating func agreedFee() -> Money? {
        guard archetype.compensation == .paid || archetype.compensation == .paidAndAffiliate else { return nil }
        let currency = plan.currency ?? archetype.currency
        var usd = 0.0
        for item in package() {
            let followers = Double(influencer.account(on: item.0)?.latestFollowers?.value ?? influencer.mainAccount?.latestFollowers?.value ?? 5_000)
            let factor = DemoCreatorFactory.contentTypes(for: item.0).first { $0.0 == item.1 }?.1 ?? 1
            usd += max(60, followers / 100_000 * rng.double(700...1_600)) * factor * Double(item.2)
        }
        return DemoMoney.around(usd: usd * archetype.feeFactor, in: currency)
    }

    private func pricing() -> Pricing {
        var pricing = archetype.pricing
        if archetype.compensation == .affiliate { pricing.barterDescription = "\(archetype.product), full kit" }
        return pricing
    }

    private mutating func contract(signedAt: Date) -> ContractTerms {
        var rights = archetype.usageRights
        rights.endsAt = plan.rightsEndInDays.map(at) ?? rights.durationDays.map { signedAt.addingTimeInterval(Double($0) * Self.day) }
        let exclusivity = archetype.exclusivityScope.map { scope in
            Exclusivity(endsAt: plan.exclusivityEndInDays.map(at) ?? signedAt.addingTimeInterval(Double(rng.int(60...180)) * Self.day),
                        scope: scope, competitors: archetype.competitors)
        }
        return ContractTerms(
            paymentSchedule: archetype.paymentSchedule, paymentMethod: archetype.paymentMethod,
            expensesCovered: archetype.key == "travel" ? "Flights and tour place covered by \(archetype.brand)" : "Product sent free of charge",
            usageRights: rights, exclusivity: exclusivity,
            whitelistingEndsAt: archetype.whitelistingDays.map { signedAt.addingTimeInterval(Double($0) * Self.day) },
            approvalRounds: 2, disclosure: archetype.disclosure,
            cancellation: "Either party with 7 days' written notice; work delivered is paid pro rata",
            confidentiality: "Campaign details confidential until the first post goes live",
            governingLaw: archetype.governingLaw, signedAt: signedAt)
    }

    private mutating func addPayments(to deal: inout Deal, entries: [StageKey: Date], exited: Bool) {
        let signedAt = deal.contract.signedAt ?? entries[.contracted] ?? now
        let reachedIndex = index(exited ? plan.reached : plan.stage)
        let firstLive = deal.deliverables.compactMap(\.postedAt).min()
        let complete = plan.stage == .complete
        let invoice = "INV-\(rng.int(1000...9999))"
        var payments: [Payment] = []
        var toPay: [UUID] = []
        if let fee = deal.agreedFee {
            let deposit = DemoMoney.share(fee, archetype.depositFraction)
            if !deposit.isZero {
                let payment = Payment(id: rng.uuid(), kind: .deposit, amount: deposit, dueDate: signedAt.addingTimeInterval(7 * Self.day),
                                      status: .due, invoiceRef: invoice + "-1", method: archetype.paymentMethod)
                payments.append(payment)
                if reachedIndex >= index(.inProduction) { toPay.append(payment.id) }
            }
            let balance = Money(minorUnits: fee.minorUnits - deposit.minorUnits, currency: fee.currency)
            let balanceDue = (firstLive ?? campaign.endDate ?? at(30)).addingTimeInterval(14 * Self.day)
            let status: PaymentStatus = reachedIndex >= index(.published) ? .due : .planned
            let payment = Payment(id: rng.uuid(), kind: .balance, amount: balance, dueDate: balanceDue, status: status,
                                  invoiceRef: invoice + "-2", method: archetype.paymentMethod)
            payments.append(payment)
            if complete { toPay.append(payment.id) }
        }
        if archetype.compensation == .affiliate || archetype.compensation == .paidAndAffiliate,
           let percent = archetype.pricing.commissionPercent {
            let revenue = deal.deliverables.compactMap { $0.results?.revenue?.minorUnits }.reduce(0, +)
            if revenue > 0 {
                let amount = Money(minorUnits: Int64((Double(revenue) * percent / 100).rounded()), currency: archetype.currency)
                let payment = Payment(id: rng.uuid(), kind: .commission, amount: amount, dueDate: at(Double(rng.int(3...20))),
                                      status: .planned, method: archetype.paymentMethod, note: "\(Int(percent))% of attributed sales")
                payments.append(payment)
                if complete { toPay.append(payment.id) }
            }
        }
        if plan.bonus, let fee = deal.agreedFee {
            let payment = Payment(id: rng.uuid(), kind: .bonus, amount: DemoMoney.share(fee, 0.2), dueDate: entries[.reporting] ?? now,
                                  status: .due, method: archetype.paymentMethod, note: "Sign-up target beaten by 40%")
            payments.append(payment)
            if complete { toPay.append(payment.id) }
        }
        if plan.cancelledExpense {
            payments.append(Payment(id: rng.uuid(), kind: .expense, amount: DemoMoney.around(usd: 180, in: deal.agreedFee?.currency ?? archetype.currency),
                                    dueDate: signedAt.addingTimeInterval(10 * Self.day), status: .cancelled,
                                    note: "Travel to the studio not needed: recorded remotely"))
        }
        // A deal that ended early cancels whatever it had not paid yet.
        for i in payments.indices where exited && !toPay.contains(payments[i].id) && payments[i].isOpen {
            payments[i].status = .cancelled
            payments[i].note = "Deal ended before publishing"
        }
        deal.payments = payments
        // Paid lines go through the ledger operation, so the timeline shows each payment.
        for id in toPay {
            guard let due = deal.payments.first(where: { $0.id == id })?.dueDate else { continue }
            let when = min(now.addingTimeInterval(-Self.day), due.addingTimeInterval(-rng.double(0...4) * Self.day))
            deal.markPaid(id, at: max(signedAt, when))
        }
        if let due = plan.openPaymentDueInDays, let i = deal.payments.firstIndex(where: \.isOpen) {
            deal.payments[i].dueDate = at(due)
            deal.payments[i].status = .due
        }
    }

    private mutating func uniqueCode(suffix: String, codes: inout Set<String>) -> String {
        let letters = TextFolding.fold(influencer.greetingName).uppercased().filter { $0.isASCII && $0.isLetter }
        var stem = String(letters.prefix(8))
        if stem.count < 3 { stem = String(TextFolding.fold(influencer.mainAccount?.handle ?? "creator").uppercased().filter { $0.isASCII && $0.isLetter }.prefix(8)) }
        if stem.isEmpty { stem = "REACH" }
        if let codeTag { stem = String(stem.prefix(6)) + codeTag }
        var code = stem + suffix
        while codes.contains(code) { code = stem + String(rng.int(2...999)) + suffix }
        codes.insert(code)
        return code
    }

    // MARK: Deliverables

    /// The campaign package limited to platforms the creator is on (else one piece on their main platform).
    private func package() -> [(Platform, ContentType, Int)] {
        let fitting = archetype.package.filter { influencer.account(on: $0.0) != nil }
        if !fitting.isEmpty { return fitting }
        let main = influencer.mainAccount?.platform ?? .instagram
        return [(main, DemoCreatorFactory.contentTypes(for: main).first?.0 ?? .feedPost, 1)]
    }

    private mutating func defaultPlan(position: Int, count: Int, exited: Bool) -> DemoDeliverablePlan {
        if exited { return DemoDeliverablePlan(status: .notStarted, dueInDays: rng.double(-10...10)) }
        switch plan.stage {
        case .contracted: return DemoDeliverablePlan(status: .notStarted, dueInDays: rng.double(7...25))
        case .inProduction:
            return DemoDeliverablePlan(status: position == 0 ? .draft : rng.pick([.notStarted, .draft]),
                                       dueInDays: rng.chance(0.15) ? -rng.double(1...4) : rng.double(2...14))
        case .contentReview:
            if position == 0 { return DemoDeliverablePlan(status: rng.chance(0.35) ? .changesRequested : .inReview, dueInDays: rng.double(-1...5)) }
            return DemoDeliverablePlan(status: rng.pick([.draft, .approved, .inReview]), dueInDays: rng.double(1...8))
        case .published:
            if position == 0 || rng.chance(0.6) { return DemoDeliverablePlan(status: .live, dueInDays: -rng.double(2...10)) }
            return DemoDeliverablePlan(status: .approved, dueInDays: rng.double(0...5))
        default:
            return DemoDeliverablePlan(status: .live, dueInDays: -plan.daysInStage - rng.double(8...20) - Double(count - position))
        }
    }

    private mutating func addDeliverables(to deal: inout Deal, entries: [StageKey: Date], exited: Bool) {
        let items = package()
        let reviewStart = entries[.contentReview] ?? at(-rng.double(1...3))
        for (position, item) in items.enumerated() {
            let wanted = plan.deliverables.flatMap { position < $0.count ? $0[position] : nil }
                ?? defaultPlan(position: position, count: items.count, exited: exited)
            let due = at(wanted.dueInDays)
            let deliverable = Deliverable(id: rng.uuid(), platform: item.0, contentType: item.1, count: item.2, dueDate: due,
                                          status: wanted.status == .notStarted ? .notStarted : .draft)
            deal.deliverables.append(deliverable)
            let id = deliverable.id
            let submitted = min(now.addingTimeInterval(-3_600), max(reviewStart, due.addingTimeInterval(-6 * Self.day)))
            switch wanted.status {
            case .notStarted, .draft:
                break
            case .inReview:
                deal.setDeliverableStatus(id, to: .inReview, at: submitted)
            case .changesRequested:
                deal.setDeliverableStatus(id, to: .inReview, at: submitted)
                deal.setDeliverableStatus(id, to: .changesRequested, at: min(now, submitted.addingTimeInterval(Self.day)),
                                          reason: plan.changesReason ?? rng.pick([
                                            "Add the disclosure in the first line", "Show the product label for 2 seconds",
                                            "Say the discount code out loud", "Remove the competitor product in the background"]))
            case .approved:
                deal.setDeliverableStatus(id, to: .inReview, at: submitted)
                deal.setDeliverableStatus(id, to: .approved, at: min(now, submitted.addingTimeInterval(Self.day)))
            case .live:
                // Reviewed when the deal entered content review (if that was before posting), approved half-way to posting.
                let posted = min(now.addingTimeInterval(-3_600), due)
                let reviewed = min(posted.addingTimeInterval(-3_600), entries[.contentReview] ?? posted.addingTimeInterval(-4 * Self.day))
                deal.setDeliverableStatus(id, to: .inReview, at: reviewed)
                deal.setDeliverableStatus(id, to: .approved, at: reviewed.addingTimeInterval(posted.timeIntervalSince(reviewed) / 2))
                deal.setDeliverableStatus(id, to: .live, at: posted, liveURL: liveURL(item.0, item.1))
                if let i = deal.deliverables.firstIndex(where: { $0.id == id }) {
                    deal.deliverables[i].results = results(item.0, item.1, posted: posted, code: deal.tracking.discountCode)
                }
            }
        }
    }

    private mutating func liveURL(_ platform: Platform, _ type: ContentType) -> String {
        let handle = influencer.account(on: platform)?.handle ?? influencer.mainAccount?.handle ?? "creator"
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        func token(_ n: Int) -> String { String((0..<n).map { _ in alphabet[rng.int(0...alphabet.count - 1)] }) }
        let digits = String((0..<19).map { _ in Character(String(rng.int(0...9))) })
        switch platform {
        case .instagram where type == .story: return "https://www.instagram.com/stories/\(handle)/\(digits)/"
        case .instagram: return "https://www.instagram.com/\(type == .reel ? "reel" : "p")/\(token(11))/"
        case .tiktok: return "https://www.tiktok.com/@\(handle)/video/\(digits)"
        case .youtube: return "https://www.youtube.com/watch?v=\(token(11))"
        case .linkedin: return "https://www.linkedin.com/posts/\(handle)_activity-\(digits)"
        case .douyin: return "https://www.douyin.com/video/\(digits)"
        case .xiaohongshu: return "https://www.xiaohongshu.com/explore/\(token(24))"
        case .wechat: return "https://mp.weixin.qq.com/s/\(token(22))"
        case .newsletter: return "https://\(handle).substack.com/p/\(token(8).lowercased())"
        default: return (DemoCreatorFactory.profileURL(platform, handle: handle) ?? "https://example.com/\(handle)") + "/posts/\(digits)"
        }
    }

    private mutating func results(_ platform: Platform, _ type: ContentType, posted: Date, code: String?) -> DeliverableResults {
        let account = influencer.account(on: platform) ?? influencer.mainAccount
        let followers = Double(account?.latestFollowers?.value ?? 5_000)
        let er = (account?.latestEngagementRate?.value ?? 3) / 100
        let isVideo = [ContentType.video, .reel, .liveStream].contains(type)
        let reachShare = type == .story ? rng.double(0.08...0.22) : isVideo ? rng.double(0.3...1.6) : rng.double(0.18...0.5)
        let reach = Int(followers * reachShare)
        let engagements = Double(reach) * er * rng.double(0.8...1.3)
        let clicks = Int(Double(reach) * rng.double(0.004...0.02))
        let codeUses = code == nil ? nil : Int(Double(clicks) * rng.double(0.05...0.2))
        let conversions = archetype.orderValueUSD == nil ? Int(Double(clicks) * rng.double(0.1...0.3)) : codeUses ?? Int(Double(clicks) * 0.03)
        let revenue = archetype.orderValueUSD.map { aov in
            Money(minorUnits: DemoMoney.around(usd: aov, in: archetype.currency).minorUnits * Int64(conversions), currency: archetype.currency)
        }
        return DeliverableResults(
            reach: reach, impressions: Int(Double(reach) * rng.double(1.15...1.6)), views: isVideo ? Int(Double(reach) * rng.double(0.9...1.3)) : nil,
            likes: Int(engagements * 0.82), comments: Int(engagements * 0.06), shares: Int(engagements * 0.05), saves: Int(engagements * 0.07),
            clicks: clicks, codeUses: codeUses, conversions: conversions, revenue: revenue,
            asOf: min(now, posted.addingTimeInterval(7 * Self.day)), source: rng.pick([.manual, .imported]))
    }

    // MARK: Next action and tidy-up

    private mutating func nextAction(for deal: Deal) -> NextAction? {
        if let (summary, days, party) = plan.next { return NextAction(summary: summary, due: at(days), whoseMove: party) }
        let due = at(rng.double(-5...8))
        switch plan.stage {
        case .prospect: return rng.chance(0.5) ? NextAction(summary: "Check audience insights", due: due) : nil
        case .vetting: return NextAction(summary: "Finish the vetting checklist", due: due)
        case .shortlisted: return NextAction(summary: "Send first outreach", due: due)
        case .contacted:
            return NextAction(summary: deal.followUpCount > 0 ? "Follow up again or move to Lost" : "Follow up if no reply", due: due, whoseMove: .them)
        case .negotiating:
            return rng.chance(0.5) ? NextAction(summary: "Answer their counter-offer", due: due)
                : NextAction(summary: "Waiting for their answer to our offer", due: due, whoseMove: .them)
        case .contracted: return NextAction(summary: "Send the brief and product", due: due)
        case .inProduction:
            let firstDue = deal.deliverables.compactMap(\.dueDate).min() ?? due
            return NextAction(summary: "Check on draft progress", due: firstDue.addingTimeInterval(-2 * Self.day), whoseMove: .them)
        case .contentReview: return NextAction(summary: "Review the draft and send feedback", due: at(rng.double(-2...1)))
        case .published: return NextAction(summary: "Collect results 7 days after posting", due: due)
        case .reporting:
            return rng.chance(0.5) ? NextAction(summary: "Waiting for insights screenshots", due: due, whoseMove: .them)
                : NextAction(summary: "Pay the balance and close the deal", due: due)
        default: return nil
        }
    }

    /// Gives generated sub-items reproducible ids, orders the timeline, and dates the last edit.
    private mutating func finish(_ deal: inout Deal) {
        for i in deal.offers.indices { deal.offers[i].id = rng.uuid() }
        deal.activities.sort { $0.at < $1.at }
        for i in deal.activities.indices { deal.activities[i].id = rng.uuid() }
        deal.updatedAt = min(now, max(deal.createdAt, deal.activities.last?.at ?? deal.createdAt))
    }
}
