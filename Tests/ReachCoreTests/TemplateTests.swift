import Foundation
import Testing
@testable import ReachCore

@Suite struct TemplateTests {
    let template = Template(id: Fx.id(300), createdAt: Fx.t0, name: "Outreach", subject: "{brand} × {handle}",
                            body: "Hi {first_name}! Loved {recent_post}. We offer {offer} for {campaign}; code {code} by {deadline}. {mood} {{literal}}")

    @Test func rendersAndReportsMissingAndUnknown() {
        var deal = Fx.deal()
        deal.recordOffer(by: .us, amount: Fx.eur(900), at: Fx.t0)
        let r = TemplateRenderer.render(template, influencer: Fx.influencer(), campaign: Fx.campaign(), deal: deal,
                                        context: TemplateContext(deadline: Fx.day(14)))
        #expect(r.subject == "Glow Lab × @liga.skin")
        #expect(r.body.hasPrefix("Hi Līga! Loved {recent_post}. We offer EUR 900.00 for Serum launch; code {code} by 15 June 2024."))
        #expect(r.body.hasSuffix("{mood} {literal}"))
        #expect(r.missing == ["recent_post", "code"])
        #expect(r.unknown == ["mood"])
        #expect(!r.isComplete)
    }

    @Test func completeWhenAllFilled() {
        var deal = Fx.deal()
        deal.agreedFee = Fx.eur(1_000)
        deal.tracking.discountCode = "LIGA15"
        let t = Template(id: Fx.id(301), createdAt: Fx.t0, name: "x", body: "{name} {offer} {code} {platform}")
        let r = TemplateRenderer.render(t, influencer: Fx.influencer(), campaign: Fx.campaign(), deal: deal)
        #expect(r.body == "Līga Bērziņa EUR 1,000.00 LIGA15 Instagram")
        #expect(r.isComplete)
        #expect(TemplateRenderer.placeholders(in: "{a} {b} {a} {{c}}") == ["a", "b"])
        #expect(t.validate().isEmpty)
        #expect(template.validate().map(\.message).contains { $0.contains("{mood}") })
    }

    @Test func briefPlaceholdersComeFromTheCampaignBrief() {
        var campaign = Fx.campaign()
        campaign.brief = CampaignBrief(keyMessage: "Visible results in 14 days", dos: ["show texture", " "], donts: ["medical claims", "filters"],
                                       callToAction: "Use code at checkout", link: "https://glowlab.example/serum",
                                       timeline: "Drafts by 1 July", disclosureRule: "#ad in the first line")
        let t = Template(id: Fx.id(302), createdAt: Fx.t0, name: "Brief",
                         body: "{key_message} | {call_to_action} {link} | do: {dos} | avoid: {donts} | {timeline} | {disclosure}")
        let r = TemplateRenderer.render(t, influencer: Fx.influencer(), campaign: campaign, deal: nil)
        #expect(r.body == "Visible results in 14 days | Use code at checkout https://glowlab.example/serum | do: show texture | "
                + "avoid: medical claims; filters | Drafts by 1 July | #ad in the first line")
        #expect(r.isComplete)
        #expect(t.validate().isEmpty, "brief placeholders are known, so no warning")
    }

    @Test func anEmptyBriefValueIsReportedMissing() {
        var campaign = Fx.campaign()
        campaign.brief = CampaignBrief(keyMessage: "  ", dos: [], timeline: "Drafts by 1 July")
        let t = Template(id: Fx.id(303), createdAt: Fx.t0, name: "Brief", body: "{key_message} {dos} {timeline} {disclosure} {call_to_action}")
        let r = TemplateRenderer.render(t, influencer: Fx.influencer(), campaign: campaign, deal: nil)
        #expect(r.missing == ["key_message", "dos", "disclosure", "call_to_action"])
        #expect(r.unknown.isEmpty)
        #expect(r.body == "{key_message} {dos} Drafts by 1 July {disclosure} {call_to_action}")
        #expect(!r.isComplete)
    }

    @Test func referralLinkFromUTMTemplate() {
        var c = Fx.campaign()
        c.utmTemplate = "https://glowlab.eu/serum?utm_source={platform}&utm_campaign={campaign}&utm_content={handle}"
        #expect(c.referralLink(influencer: Fx.influencer()) == "https://glowlab.eu/serum?utm_source=instagram&utm_campaign=serum-launch&utm_content=liga.skin")
    }
}
