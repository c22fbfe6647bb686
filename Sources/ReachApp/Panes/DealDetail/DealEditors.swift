import Foundation
import ReachCore
import TerminalUI

/// The deal page's edits: offers, deliverables and their status and results, payments, terms and tracking.
/// Each reads the deal fresh from the state when submitted and saves through `Edits.commit`, so `u` undoes it.
enum DealEditors {
    /// The currency amounts on this deal default to: the agreed fee's, the last offer's, else the campaign's.
    static func currency(_ deal: Deal, _ state: AppState) -> CurrencyCode {
        deal.ledgerCurrency(campaign: state.workspace.campaigns[deal.campaignID], fallback: state.workspace.settings.workspace.reportingCurrency)
    }

    /// A `RecordForm` about one deal, saved under `label`.
    static func form(_ title: String, _ dealID: RecordID, fields: [FormField], focus: Int = 0, editorFields: Set<String> = [],
                     label: String, _ state: inout AppState,
                     apply: @escaping @Sendable (FormState, FormValues, inout Deal, AppState) -> FormOverlay.Outcome?) {
        RecordForm.open(title, dealID, fields: fields, focus: focus, editorFields: editorFields, label: { _, _ in label }, &state,
                        apply: apply)
    }

    // MARK: Offers

    /// The keys of each editor's fields, shared by the form and the code reading it back, so a label can be
    /// reworded without breaking either.
    enum OfferKey {
        static let by = "offer.by"
        static let amount = "offer.amount"
        static let note = "offer.note"
        static let agreed = "offer.agreed"
    }

    /// `o`: an offer or counter-offer; "agreed" also sets the agreed fee.
    static func recordOffer(_ dealID: RecordID, _ state: inout AppState) {
        guard let deal = state.workspace.deal(dealID) else { return }
        let currency = currency(deal, state)
        // The last recorded offer (offers made the same day tie on date): a counter comes from the other side.
        let nextParty: Party = deal.offers.last?.by == .us ? .them : .us
        form("Record offer", dealID, fields: [
            FormField("By", key: OfferKey.by, kind: .choice(Party.labels), value: nextParty.label),
            .money("Amount", key: OfferKey.amount, value: nil, defaultCurrency: currency, required: true),
            FormField("Note", key: OfferKey.note),
            FormField("Agreed", key: OfferKey.agreed, kind: .toggle),
        ], focus: 1, label: "record offer", &state) { _, values, deal, state in
            guard let amount = values.money(OfferKey.amount, defaultCurrency: currency) else { return nil }
            deal.recordOffer(by: Party.from(label: values.values[OfferKey.by]) ?? .us, amount: amount, at: state.now,
                             note: values.text(OfferKey.note), agreed: values.isOn(OfferKey.agreed))
            return nil
        }
    }

    // MARK: Deliverables

    enum DeliverableKey {
        static let platform = "deliverable.platform"
        static let contentType = "deliverable.contentType"
        static let count = "deliverable.count"
        static let due = "deliverable.due"
        static let draftURL = "deliverable.draftURL"
        static let liveURL = "deliverable.liveURL"
        static let note = "deliverable.note"
    }

    /// `D`: platform × content type × count, with a due date.
    static func addDeliverable(_ dealID: RecordID, _ state: inout AppState) {
        guard let deal = state.workspace.deal(dealID) else { return }
        let platform = state.workspace.influencer(deal.influencerID)?.mainAccount?.platform ?? .instagram
        let platforms = Platform.known.contains(platform) ? Platform.known : Platform.known + [platform]
        form("Add deliverable", dealID, fields: [
            FormField("Platform", key: DeliverableKey.platform, kind: .choice(platforms.map(\.displayName)), value: platform.displayName),
            FormField("Content type", key: DeliverableKey.contentType, kind: .choice(ContentType.known.map(\.displayName)),
                      value: ContentType.feedPost.displayName),
            FormField("Count", key: DeliverableKey.count, kind: .number, value: "1", isRequired: true) {
                Int($0).map { $0 >= 1 } == false ? "At least 1." : nil
            },
            .day("Due", key: DeliverableKey.due, value: nil, now: state.now, timeZone: state.timeZone),
            FormField("Note", key: DeliverableKey.note),
        ], label: "add deliverable", &state) { _, values, deal, _ in
            let platform = values.choice(DeliverableKey.platform, platforms, name: \.displayName) ?? .instagram
            let type = values.choice(DeliverableKey.contentType, ContentType.known, name: \.displayName) ?? .feedPost
            deal.deliverables.append(Deliverable(platform: platform, contentType: type, count: values.int(DeliverableKey.count) ?? 1,
                                                 dueDate: values.day(DeliverableKey.due), note: values.text(DeliverableKey.note)))
            return nil
        }
    }

    /// Chooses one of the deal's deliverables (directly when there is only one), then runs `then` with its id.
    private static func pickDeliverable(_ dealID: RecordID, _ purpose: String, _ state: inout AppState,
                                        then: @escaping @Sendable (UUID, inout AppState) -> [Effect]) -> [Effect] {
        guard let deal = state.workspace.deal(dealID) else { return [] }
        guard !deal.deliverables.isEmpty else {
            state.show("No deliverables yet: D adds one.", .warning)
            return []
        }
        if deal.deliverables.count == 1 { return then(deal.deliverables[0].id, &state) }
        let items = deal.deliverables.enumerated().map { index, item in
            PickerItem(id: item.id.uuidString, title: "\(index + 1). \(item.title)", detail: item.status.displayName)
        }
        state.overlays.append(.custom(Picker(title: purpose, items: items, state: state) { item, state in
            UUID(uuidString: item.id).map { then($0, &state) } ?? []
        }))
        return []
    }

    /// `s`: sets a deliverable's status; "changes requested" asks what to change, "live" asks for the post's URL.
    static func deliverableStatus(_ dealID: RecordID, _ state: inout AppState) -> [Effect] {
        pickDeliverable(dealID, "Status of which deliverable?", &state) { itemID, state in
            guard let item = state.workspace.deal(dealID)?.deliverables.first(where: { $0.id == itemID }) else { return [] }
            let items = DeliverableStatus.allCases.map {
                PickerItem(id: $0.rawValue, title: $0.displayName, detail: $0 == item.status ? "current" : nil)
            }
            let picker = Picker(title: "\(item.title): status", items: items, selected: item.status.rawValue,
                                state: state) { choice, state in
                guard let status = DeliverableStatus(rawValue: choice.id) else { return [] }
                return setStatus(dealID, itemID, status, &state)
            }
            state.overlays.append(.custom(picker))
            return []
        }
    }

    private static func setStatus(_ dealID: RecordID, _ itemID: UUID, _ status: DeliverableStatus, _ state: inout AppState) -> [Effect] {
        @Sendable func apply(reason: String?, url: String?, _ state: inout AppState) -> [Effect] {
            guard var deal = state.workspace.deal(dealID) else { return [] }
            deal.setDeliverableStatus(itemID, to: status, at: state.now, reason: reason, liveURL: url)
            return Edits.commit(.deal(deal), label: "deliverable \(status.displayName.lowercased())", &state)
        }
        switch status {
        case .changesRequested:
            state.overlays.append(.prompt(PromptOverlay(title: "Changes requested", label: "What to change",
                                                        hint: "Kept with the deliverable after approval.") { text, state in
                let reason = text.trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else { return .invalid("Say what should change.") }
                return .close(apply(reason: reason, url: nil, &state))
            }))
            return []
        case .live:
            let current = state.workspace.deal(dealID)?.deliverables.first { $0.id == itemID }?.liveURL ?? ""
            state.overlays.append(.prompt(PromptOverlay(title: "Live", label: "URL", hint: "Link to the live post.",
                                                        text: current) { text, state in
                let url = text.trimmingCharacters(in: .whitespaces)
                guard !url.isEmpty else { return .invalid("Paste the link to the live post.") }
                return .close(apply(reason: nil, url: url, &state))
            }))
            return []
        default:
            return apply(reason: nil, url: nil, &state)
        }
    }

    enum ResultKey {
        static let reach = "results.reach"
        static let impressions = "results.impressions"
        static let views = "results.views"
        static let likes = "results.likes"
        static let comments = "results.comments"
        static let shares = "results.shares"
        static let saves = "results.saves"
        static let clicks = "results.clicks"
        static let codeUses = "results.codeUses"
        static let conversions = "results.conversions"
        static let revenue = "results.revenue"
    }

    /// `r`: the measured results of a deliverable; ER, CPM, CPE, CPA and ROI follow from them.
    static func enterResults(_ dealID: RecordID, _ state: inout AppState) -> [Effect] {
        pickDeliverable(dealID, "Results of which deliverable?", &state) { itemID, state in
            guard let deal = state.workspace.deal(dealID),
                  let item = deal.deliverables.first(where: { $0.id == itemID }) else { return [] }
            let old = item.results ?? DeliverableResults()
            let currency = state.workspace.campaigns[deal.campaignID]?.reportingCurrency ?? currency(deal, state)
            let counts: [(key: String, label: String, value: Int?)] = [
                (ResultKey.reach, "Reach", old.reach), (ResultKey.impressions, "Impressions", old.impressions),
                (ResultKey.views, "Views", old.views), (ResultKey.likes, "Likes", old.likes),
                (ResultKey.comments, "Comments", old.comments), (ResultKey.shares, "Shares", old.shares),
                (ResultKey.saves, "Saves", old.saves), (ResultKey.clicks, "Clicks", old.clicks),
                (ResultKey.codeUses, "Code uses", old.codeUses), (ResultKey.conversions, "Conversions", old.conversions),
            ]
            let fields = counts.map { key, label, value in
                FormField(label, key: key, kind: .number, value: value.map(String.init) ?? "") { text in
                    Int(text).map { $0 < 0 } == true ? "Cannot be negative." : nil
                }
            } + [.money("Revenue", key: ResultKey.revenue, value: old.revenue, defaultCurrency: currency)]
            form("Results of \(item.title)", dealID, fields: fields, label: "enter results", &state) { _, values, deal, state in
                guard let index = deal.deliverables.firstIndex(where: { $0.id == itemID }) else { return nil }
                deal.deliverables[index].results = DeliverableResults(
                    reach: values.int(ResultKey.reach), impressions: values.int(ResultKey.impressions), views: values.int(ResultKey.views),
                    likes: values.int(ResultKey.likes), comments: values.int(ResultKey.comments), shares: values.int(ResultKey.shares),
                    saves: values.int(ResultKey.saves), clicks: values.int(ResultKey.clicks), codeUses: values.int(ResultKey.codeUses),
                    conversions: values.int(ResultKey.conversions), revenue: values.money(ResultKey.revenue, defaultCurrency: currency),
                    asOf: state.now, source: .manual)
                deal.logActivity(at: state.now, channel: .system, summary: "Results entered for \(deal.deliverables[index].title)",
                                 author: state.author)
                return nil
            }
            return []
        }
    }

    // MARK: Payments

    enum PaymentKey {
        static let kind = "payment.kind"
        static let amount = "payment.amount"
        static let due = "payment.due"
        static let status = "payment.status"
        static let paidOn = "payment.paidOn"
        static let invoice = "payment.invoice"
        static let method = "payment.method"
        static let note = "payment.note"
    }

    /// `p`: a line in the payment ledger (deposit, balance, bonus…); the amount defaults to what is still open.
    static func addPayment(_ dealID: RecordID, _ state: inout AppState) {
        guard let deal = state.workspace.deal(dealID) else { return }
        let currency = currency(deal, state)
        let planned = deal.payments.filter { $0.isOpen && $0.amount.currency == currency }.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let open = ((try? deal.balance()) ?? nil).map { Money(minorUnits: $0.minorUnits - planned, currency: $0.currency) }
        let kind: PaymentKind = deal.payments.isEmpty ? .deposit : .balance
        form("Add payment", dealID, fields: [
            FormField("Kind", key: PaymentKey.kind, kind: .choice(PaymentKind.labels), value: kind.label),
            .money("Amount", key: PaymentKey.amount, value: open.flatMap { $0.minorUnits > 0 ? $0 : nil }, defaultCurrency: currency,
                   required: true),
            .day("Due", key: PaymentKey.due, value: nil, now: state.now, timeZone: state.timeZone),
            FormField("Status", key: PaymentKey.status, kind: .choice(PaymentStatus.labels), value: PaymentStatus.planned.label),
            FormField("Invoice", key: PaymentKey.invoice),
            FormField("Method", key: PaymentKey.method, value: deal.contract.paymentMethod ?? ""),
        ], focus: 1, label: "add payment", &state) { _, values, deal, state in
            guard let amount = values.money(PaymentKey.amount, defaultCurrency: currency) else { return nil }
            let status = PaymentStatus.from(label: values.values[PaymentKey.status]) ?? .planned
            let payment = Payment(kind: PaymentKind.from(label: values.values[PaymentKey.kind]) ?? .balance, amount: amount,
                                  dueDate: values.day(PaymentKey.due), status: status == .paid ? .planned : status,
                                  invoiceRef: values.text(PaymentKey.invoice), method: values.text(PaymentKey.method))
            deal.addPayment(payment)
            // Paid right away: recorded through `markPaid` so the paid date and the timeline entry are set as usual.
            if status == .paid { deal.markPaid(payment.id, at: state.now) }
            return nil
        }
    }

    /// `P`: marks an open payment paid today (only paid counts as spend).
    static func markPaid(_ dealID: RecordID, _ state: inout AppState) -> [Effect] {
        guard let deal = state.workspace.deal(dealID) else { return [] }
        let open = deal.payments.filter(\.isOpen)
        @Sendable func pay(_ paymentID: UUID, _ state: inout AppState) -> [Effect] {
            guard var deal = state.workspace.deal(dealID) else { return [] }
            deal.markPaid(paymentID, at: state.now)
            return Edits.commit(.deal(deal), label: "mark payment paid", &state)
        }
        switch open.count {
        case 0:
            state.show("No open payment: p adds one.", .warning)
            return []
        case 1:
            return pay(open[0].id, &state)
        default:
            let items = open.map { payment in
                PickerItem(id: payment.id.uuidString, title: "\(payment.kind.label) \(payment.amount.formatted)",
                           detail: payment.dueDate.map { "due \(Humanize.day($0, timeZone: state.timeZone))" } ?? payment.status.label)
            }
            state.overlays.append(.custom(Picker(title: "Mark which payment paid?", items: items, state: state) { item, state in
                UUID(uuidString: item.id).map { pay($0, &state) } ?? []
            }))
            return []
        }
    }

    /// `C`: a due commission line for what the recorded sales earned beyond the commission already in the ledger,
    /// with how it was computed in its note (so a later import or edit can be checked against it).
    static func addOwedCommission(_ dealID: RecordID, _ state: inout AppState) -> [Effect] {
        guard var deal = state.workspace.deal(dealID) else { return [] }
        let owed: CommissionOwed?
        do {
            owed = try deal.commissionOwed(in: currency(deal, state), rates: state.workspace.settings.workspace.currencyRates)
        } catch {
            state.show("Commission: \(error.description)", .error)
            return []
        }
        guard let owed else {
            state.show("This deal has no commission rate: e sets Commission %.", .warning)
            return []
        }
        guard !owed.owed.isZero else {
            state.show("No commission owed: \(owed.earned.formatted) earned, \(owed.inLedger.formatted) already in the ledger.", .info)
            return []
        }
        deal.addPayment(deal.computedCommissionLine(owed, day: Humanize.day(state.now, timeZone: state.timeZone)))
        deal.logActivity(at: state.now, channel: .system, summary: "Commission owed \(owed.owed.formatted) added to the ledger", author: state.author)
        deal.updatedAt = state.now
        return Edits.commit(.deal(deal), label: "add owed commission", &state)
    }

    // MARK: Terms and tracking

    enum TermsKey {
        static let partnership = "terms.partnership"
        static let compensation = "terms.compensation"
        static let pricingModel = "terms.pricingModel"
        static let commission = "terms.commissionPercent"
        static let unitRate = "terms.unitRate"
        static let barter = "terms.barterDescription"
        static let barterValue = "terms.barterValue"
        static let retainer = "terms.retainerAmount"
        static let retainerPeriod = "terms.retainerPeriod"
        static let paymentSchedule = "terms.paymentSchedule"
        static let paymentMethod = "terms.paymentMethod"
        static let expenses = "terms.expensesCovered"
        static let organic = "terms.usageOrganic"
        static let paidAds = "terms.usagePaidAds"
        static let usageDays = "terms.usageDurationDays"
        static let territories = "terms.usageTerritories"
        static let usageEnds = "terms.usageRightsEnd"
        static let exclusivityScope = "terms.exclusivityScope"
        static let competitors = "terms.competitors"
        static let exclusivityEnds = "terms.exclusivityEnd"
        static let whitelisting = "terms.whitelisting"
        static let whitelistingEnds = "terms.whitelistingEnd"
        static let approvalRounds = "terms.approvalRounds"
        static let disclosure = "terms.disclosure"
        static let cancellation = "terms.cancellation"
        static let confidentiality = "terms.confidentiality"
        static let governingLaw = "terms.governingLaw"
        static let signed = "terms.signed"
        static let discountCode = "terms.discountCode"
        static let referralLink = "terms.referralLink"
    }

    /// `e`: partnership and pricing with every model's figures, the contract checklist (with rights end dates) and the
    /// tracking code and link.
    static func editTerms(_ dealID: RecordID, _ state: inout AppState) {
        guard let deal = state.workspace.deal(dealID) else { return }
        let terms = deal.contract
        let currency = currency(deal, state)
        let pricing = deal.pricing
        let periods = [""] + RetainerPeriod.allCases.map(\.rawValue)
        let now = state.now, tz = state.timeZone
        func day(_ label: String, _ key: String, _ date: Date?) -> FormField { .day(label, key: key, value: date, now: now, timeZone: tz) }
        let fields: [FormField] = [
            FormField("Partnership", key: TermsKey.partnership, kind: .choice(PartnershipType.labels), value: deal.partnershipType.label),
            FormField("Compensation", key: TermsKey.compensation, kind: .choice(Compensation.labels), value: deal.compensation.label),
            FormField("Pricing model", key: TermsKey.pricingModel, kind: .choice(PricingModel.labels), value: deal.pricing.model.label),
            FormField("Commission %", key: TermsKey.commission,
                      value: deal.pricing.commissionPercent.map { String(format: "%g", $0) } ?? "") { text in
                let number = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
                return number.isEmpty || Double(number) != nil ? nil : "Enter a percentage such as 10 or 12.5."
            },
            .money("Unit rate (CPC/CPM/CPE)", key: TermsKey.unitRate, value: pricing.unitRate, defaultCurrency: currency),
            FormField("Barter item", key: TermsKey.barter, value: pricing.barterDescription ?? ""),
            .money("Barter value", key: TermsKey.barterValue, value: pricing.barterValue, defaultCurrency: currency),
            .money("Retainer", key: TermsKey.retainer, value: pricing.retainerAmount, defaultCurrency: currency),
            FormField("Retainer per", key: TermsKey.retainerPeriod, kind: .choice(periods),
                      value: pricing.retainerPeriod?.rawValue ?? ""),
            FormField("Payment schedule", key: TermsKey.paymentSchedule, value: terms.paymentSchedule ?? ""),
            FormField("Payment method", key: TermsKey.paymentMethod, value: terms.paymentMethod ?? ""),
            FormField("Expenses", key: TermsKey.expenses, value: terms.expensesCovered ?? ""),
            FormField("Usage: organic", key: TermsKey.organic, kind: .toggle, value: terms.usageRights?.organic == true ? "true" : "false"),
            FormField("Usage: paid ads", key: TermsKey.paidAds, kind: .toggle, value: terms.usageRights?.paidAds == true ? "true" : "false"),
            FormField("Usage days", key: TermsKey.usageDays, kind: .number, value: terms.usageRights?.durationDays.map(String.init) ?? "") {
                Int($0).map { $0 < 1 } == true ? "Usage days: at least 1, or leave empty." : nil
            },
            FormField("Usage territories", key: TermsKey.territories, value: terms.usageRights?.territories.joined(separator: ", ") ?? ""),
            day("Usage rights end", TermsKey.usageEnds, terms.usageRights?.endsAt),
            FormField("Exclusivity scope", key: TermsKey.exclusivityScope, value: terms.exclusivity?.scope ?? ""),
            FormField("Competitors", key: TermsKey.competitors, value: terms.exclusivity?.competitors.joined(separator: ", ") ?? ""),
            day("Exclusivity ends", TermsKey.exclusivityEnds, terms.exclusivity?.endsAt),
            FormField("Whitelisting", key: TermsKey.whitelisting, kind: .toggle,
                      value: terms.whitelisting == true || terms.whitelistingEndsAt != nil ? "true" : "false"),
            day("Whitelisting ends", TermsKey.whitelistingEnds, terms.whitelistingEndsAt),
            FormField("Approval rounds", key: TermsKey.approvalRounds, kind: .number, value: terms.approvalRounds.map(String.init) ?? ""),
            FormField("Disclosure", key: TermsKey.disclosure, value: terms.disclosure ?? ""),
            FormField("Cancellation", key: TermsKey.cancellation, value: terms.cancellation ?? ""),
            FormField("Confidentiality", key: TermsKey.confidentiality, value: terms.confidentiality ?? ""),
            FormField("Governing law", key: TermsKey.governingLaw, value: terms.governingLaw ?? ""),
            day("Signed", TermsKey.signed, terms.signedAt),
            FormField("Discount code", key: TermsKey.discountCode, value: deal.tracking.discountCode ?? ""),
            FormField("Referral link", key: TermsKey.referralLink, value: deal.tracking.referralLink ?? ""),
        ]
        form("Terms and tracking", dealID, fields: fields, label: "edit terms", &state) { form, values, deal, state in
            if let code = values.text(TermsKey.discountCode), state.workspace.isDiscountCodeTaken(code, excluding: dealID) {
                let message = "Code \(code.uppercased()) is used by another deal: codes must be unique so sales are attributable."
                return FormIssues.stay([ValidationIssue("tracking.discountCode", message)], fields: termsIssueFields, form: form)
            }
            apply(values, currency: currency, to: &deal)
            let issues = deal.validate(pipeline: state.workspace.pipeline).filter { issue in
                termsIssueFields.contains { issue.field.hasPrefix($0.prefix) }
            }
            return FormIssues.stay(issues, fields: termsIssueFields, form: form)
        }
    }

    /// Which terms field shows a `Deal.validate()` issue.
    private static let termsIssueFields: [(prefix: String, key: String)] = [
        ("tracking.discountCode", TermsKey.discountCode), ("pricing.commissionPercent", TermsKey.commission),
    ]

    private static func apply(_ values: FormValues, currency: CurrencyCode, to deal: inout Deal) {
        deal.partnershipType = PartnershipType.from(label: values.values[TermsKey.partnership]) ?? deal.partnershipType
        deal.compensation = Compensation.from(label: values.values[TermsKey.compensation]) ?? deal.compensation
        deal.pricing.model = PricingModel.from(label: values.values[TermsKey.pricingModel]) ?? deal.pricing.model
        deal.pricing.commissionPercent = values.double(TermsKey.commission)
        deal.pricing.unitRate = values.money(TermsKey.unitRate, defaultCurrency: currency)
        deal.pricing.barterDescription = values.text(TermsKey.barter)
        deal.pricing.barterValue = values.money(TermsKey.barterValue, defaultCurrency: currency)
        deal.pricing.retainerAmount = values.money(TermsKey.retainer, defaultCurrency: currency)
        deal.pricing.retainerPeriod = RetainerPeriod(rawValue: values.values[TermsKey.retainerPeriod] ?? "")
        var terms = deal.contract
        terms.paymentSchedule = values.text(TermsKey.paymentSchedule)
        terms.paymentMethod = values.text(TermsKey.paymentMethod)
        terms.expensesCovered = values.text(TermsKey.expenses)
        let territories = values.list(TermsKey.territories)
        let usageEnds = values.day(TermsKey.usageEnds)
        let usageDays = values.int(TermsKey.usageDays)
        if values.isOn(TermsKey.organic) || values.isOn(TermsKey.paidAds) || !territories.isEmpty || usageEnds != nil || usageDays != nil {
            var rights = terms.usageRights ?? UsageRights()
            rights.organic = values.isOn(TermsKey.organic)
            rights.paidAds = values.isOn(TermsKey.paidAds)
            rights.durationDays = usageDays
            rights.territories = territories
            rights.endsAt = usageEnds
            terms.usageRights = rights
        } else {
            terms.usageRights = nil
        }
        let scope = values.text(TermsKey.exclusivityScope)
        let competitors = values.list(TermsKey.competitors)
        let exclusivityEnds = values.day(TermsKey.exclusivityEnds)
        terms.exclusivity = scope == nil && competitors.isEmpty && exclusivityEnds == nil ? nil
            : Exclusivity(endsAt: exclusivityEnds, scope: scope, competitors: competitors)
        terms.whitelistingEndsAt = values.day(TermsKey.whitelistingEnds)
        // An end date means whitelisting is agreed; with neither, the field stays absent as in older files.
        terms.whitelisting = values.isOn(TermsKey.whitelisting) || terms.whitelistingEndsAt != nil ? true : nil
        terms.approvalRounds = values.int(TermsKey.approvalRounds)
        terms.disclosure = values.text(TermsKey.disclosure)
        terms.cancellation = values.text(TermsKey.cancellation)
        terms.confidentiality = values.text(TermsKey.confidentiality)
        terms.governingLaw = values.text(TermsKey.governingLaw)
        terms.signedAt = values.day(TermsKey.signed)
        deal.contract = terms
        deal.tracking.discountCode = values.text(TermsKey.discountCode)
        deal.tracking.referralLink = values.text(TermsKey.referralLink)
    }

    /// `y`: copies the referral link (the deal's own, else the campaign's UTM link), else the discount code.
    static func copyTrackingLink(_ dealID: RecordID, _ state: inout AppState) -> [Effect] {
        guard let deal = state.workspace.deal(dealID) else { return [] }
        if let link = deal.tracking.referralLink ?? DealPage.campaignLink(deal, state) { return [.copy(link)] }
        if let code = deal.tracking.discountCode { return [.copy(code)] }
        state.show("No tracking link or code: e sets them, or add a UTM template to the campaign.", .warning)
        return []
    }
}
