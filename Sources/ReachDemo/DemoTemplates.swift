import Foundation
import ReachCore

/// The demo's outreach templates, written as an account manager would, using only placeholders `TemplateRenderer` knows.
enum DemoTemplates {
    static func make(now: Date, rng: inout DemoRandom) -> [Template] {
        let specs: [(String, TemplateKind, String, String?, String)] = [
            ("First outreach — EN", .firstOutreach, "en", "{brand} × {name}: paid collaboration for {campaign}?",
             """
             Hi {first_name},

             I'm with the influencer team at {brand}. Your post {recent_post} stopped me scrolling: the way you explain \
             your routine is exactly the honest voice we look for.

             We're launching {product} and would love you to be part of {campaign}. We're offering {offer} for the \
             content described in the brief, with your own discount code {code} for your audience.

             What we'd ask: the pieces in the brief, posted before {deadline}, clearly marked as an ad.

             Would you be open to a quick call this week? Happy to send the full brief first.

             Best,
             """),
            ("Follow-up (no reply after 4 days)", .followUp, "en", "Re: {brand} × {name}",
             """
             Hi {first_name},

             Just floating this back to the top of your inbox: we'd still love to work with you on {campaign}. \
             The offer ({offer}) stands until {deadline}.

             If the timing isn't right, a quick "not now" is totally fine and we'll keep you in mind for later.

             Thanks!
             """),
            ("Brief — posting details", .brief, "en", "{campaign}: your brief, code and link",
             """
             Hi {first_name},

             Thanks again for joining {campaign}! Here is everything in one place:

             • The message: {key_message}
             • Do: {dos}
             • Please avoid: {donts}
             • Ask your audience: {call_to_action}
             • Your code: {code} (please say it and show it on screen)
             • Your link: {link}
             • Post on {platform} ({handle}) before {deadline}; timeline: {timeline}
             • Disclosure: {disclosure}

             Send the draft a few days before posting so we can approve it within 48 hours.
             """),
            ("初回のご連絡 — JA", .firstOutreach, "ja", "【{brand}】{campaign}のご相談（{name}様）",
             """
             {name}様

             突然のご連絡失礼いたします。{brand}でインフルエンサーマーケティングを担当しております。

             先日の{recent_post}の投稿を拝見し、料理の魅力を丁寧に伝えるスタイルにとても惹かれました。

             このたび「{product}」の{campaign}にご参加いただけないかと思い、ご連絡いたしました。\
             謝礼は{offer}を想定しております。フォロワーの皆さま向けの専用クーポンコード{code}もご用意いたします。

             投稿期限：{deadline}（#PR の表記をお願いいたします）

             ご興味がございましたら、詳細の資料をお送りいたします。
             どうぞよろしくお願いいたします。
             """),
            ("Draft feedback", .draftFeedback, "en", "Feedback on your {platform} draft",
             """
             Hi {first_name},

             Thanks for the draft — it looks great. Two small things before we approve:

             1. Please mention the code {code} out loud as well as on screen.
             2. Add the disclosure in the first line of the caption.

             Once that's in, you're good to post before {deadline}.
             """),
        ]
        return specs.enumerated().map { index, spec in
            let created = now.addingTimeInterval(-Double(200 - index * 20) * 86_400)
            return Template(id: rng.recordID(at: created), createdAt: created, name: spec.0, kind: spec.1, language: spec.2, subject: spec.3, body: spec.4)
        }
    }
}
