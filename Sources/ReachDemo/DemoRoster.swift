import Foundation
import ReachCore

/// The hand-written demo roster: creators from every market in the domain brief, in their own scripts.
/// Deal plans refer to creators by main handle.
enum DemoRoster {
    private static func c(_ displayName: String, real: String? = nil, first: String? = nil,
                          _ country: String, _ city: String, _ languages: [String], _ timeZone: String,
                          _ niches: [Niche], tags: [String] = [], _ accounts: [(Platform, String, Int)],
                          _ relationship: RelationshipStatus = .prospect, dnc: String? = nil, agent: AgentContact? = nil,
                          notes: String? = nil, metrics: DemoMetricQuality = .fresh, rating: CreatorRating? = nil,
                          fail: (VettingCheck, String)? = nil) -> DemoCreatorSpec {
        DemoCreatorSpec(displayName: displayName, realName: real, firstName: first, country: country, city: city, languages: languages,
                        timeZone: timeZone, niches: niches, tags: tags, accounts: accounts, relationship: relationship,
                        doNotContactReason: dnc, agent: agent, notes: notes, metrics: metrics, rating: rating, vettingFailure: fail)
    }

    private static func agent(_ name: String, _ agency: String, _ email: String, note: String? = nil) -> AgentContact {
        AgentContact(name: name, agency: agency, contact: ContactInfo(email: email), note: note)
    }

    private static let good = CreatorRating(stars: 5, wouldWorkAgain: true, note: "On time, great results, easy to work with.")
    private static let fine = CreatorRating(stars: 4, wouldWorkAgain: true, note: "Solid; needed a reminder about disclosure.")
    private static let meh = CreatorRating(stars: 2, wouldWorkAgain: false, note: "Missed two deadlines; results below estimate.")

    static let creators: [DemoCreatorSpec] = beauty + genZ + travel + japan + china + fashion + b2b + others

    // Skincare and beauty, Europe (serum launch).
    static let beauty: [DemoCreatorSpec] = [
        c("Līga Bērziņa", real: "Līga Bērziņa", "LV", "Rīga", ["lv", "en", "ru"], "Europe/Riga", ["skincare", "fashion & beauty"],
          tags: ["serum", "sensitive skin"], [(.instagram, "liga.glow", 48_300), (.tiktok, "liga.glow", 22_100)], .activePartner,
          notes: "Prefers voice notes on Telegram. Posts in Latvian with English subtitles.", rating: good),
        c("Camille Laurent", real: "Camille Laurent", "FR", "Paris", ["fr", "en"], "Europe/Paris", ["skincare"],
          tags: ["anti-ageing", "derm-approved"], [(.instagram, "camille.peau", 86_400), (.tiktok, "camillepeau", 141_000), (.youtube, "CamillePeau", 12_800)],
          .activePartner, rating: fine),
        c("Élodie Marchand", "FR", "Lyon", ["fr"], "Europe/Paris", ["skincare", "lifestyle"], tags: ["routine"],
          [(.instagram, "elodie.beaute", 12_300), (.tiktok, "elodiebeaute", 9_100)], .gifted),
        c("Lena Schäfer", real: "Lena Schäfer", "DE", "Berlin", ["de", "en"], "Europe/Berlin", ["skincare"], tags: ["ingredients"],
          [(.instagram, "lenaskincare", 64_200), (.youtube, "LenaSkincare", 18_400)], .activePartner, rating: fine),
        c("Jana Müller", "DE", "Hamburg", ["de"], "Europe/Berlin", ["skincare", "fashion & beauty"], tags: ["budget beauty"],
          [(.tiktok, "jana.glowup", 31_000), (.instagram, "jana.glowup", 9_400)]),
        c("Lucía Fernández", real: "Lucía Fernández García", first: "Lucía", "ES", "Madrid", ["es", "en"], "Europe/Madrid",
          ["skincare", "fashion & beauty"], tags: ["over 35"], [(.instagram, "luciaskin", 73_500), (.tiktok, "luciaskin", 52_000)]),
        c("Sofía Ramírez", "ES", "Barcelona", ["es", "ca", "en"], "Europe/Madrid", ["skincare"], tags: ["minimalist"],
          [(.instagram, "sofi.ramirez.beauty", 5_200), (.tiktok, "sofiramirezbeauty", 2_100)]),
        c("Emma Clarke", real: "Emma Clarke", "GB", "London", ["en"], "Europe/London", ["fashion & beauty", "skincare"],
          tags: ["luxury"], [(.instagram, "emmaclarkeskin", 420_000), (.youtube, "EmmaClarkeSkin", 212_000), (.tiktok, "emmaclarke", 380_000)],
          .inactive, agent: agent("Olivia Hart", "Bright Talent London", "olivia@brighttalent.example", note: "All fees via the agency; 20% commission included")),
        c("Ingrid Solberg", "NO", "Oslo", ["nb", "en"], "Europe/Oslo", ["skincare", "health & fitness"], tags: ["nordic skin"],
          [(.instagram, "ingridhud", 27_300)]),
        c("Maja ✨ Skin Diary", real: "Maja Lindqvist", first: "Maja", "SE", "Stockholm", ["sv", "en"], "Europe/Stockholm", ["skincare"],
          tags: ["acne", "texture"], [(.instagram, "majaskindiary", 18_900), (.tiktok, "majaskindiary", 24_500)], metrics: .estimate),
        c("Надя Иванова", real: "Nadežda Ivanova", first: "Nadja", "LV", "Daugavpils", ["ru", "lv"], "Europe/Riga", ["fashion & beauty"],
          tags: ["russian-speaking"], [(.instagram, "nadya.beauty.lv", 61_000)],
          notes: "Follower count jumped from 19k to 61k in March.",
          fail: (.authenticity, "Follower spike of +40k in 3 days in March; 60% of new followers have no posts. Likely bought.")),
    ]

    // Gen Z, TikTok first (Dewy Days).
    static let genZ: [DemoCreatorSpec] = [
        c("Chloe ✨ GRWM", real: "Chloe Bennett", first: "Chloe", "GB", "Manchester", ["en"], "Europe/London", ["skincare", "lifestyle"],
          tags: ["gen z", "grwm"], [(.tiktok, "chloegrwm", 8_700), (.instagram, "chloe.grwm", 900)], .gifted),
        c("Aisha Khan", "GB", "Birmingham", ["en", "ur"], "Europe/London", ["skincare"], tags: ["gen z", "acne"], [(.tiktok, "aishaglows", 640)]),
        c("Tyler Brooks", "US", "Austin", ["en"], "America/Chicago", ["skincare", "lifestyle"], tags: ["gen z", "men's skincare"],
          [(.tiktok, "tylerskinbro", 23_400), (.youtube, "TylerSkinBro", 3_100)], .gifted),
        c("Maddie Nguyen", "US", "San Jose", ["en", "vi"], "America/Los_Angeles", ["skincare"], tags: ["gen z"], [(.tiktok, "maddie.skin", 3_400)]),
        c("Zoë 🌸 acne journey", real: "Zoë Evans", first: "Zoë", "GB", "Cardiff", ["en", "cy"], "Europe/London", ["skincare"],
          tags: ["gen z", "acne"], [(.tiktok, "zoeacnejourney", 920)], metrics: .estimate),
        c("Ruby O'Connor", "IE", "Dublin", ["en", "ga"], "Europe/Dublin", ["skincare", "fashion & beauty"], tags: ["gen z"],
          [(.tiktok, "rubyoc", 15_200), (.instagram, "ruby.oconnor", 4_300)]),
        c("Liam Walsh", "IE", "Cork", ["en"], "Europe/Dublin", ["skincare"], tags: ["gen z", "men's skincare"], [(.tiktok, "liamskincare", 450)]),
        c("Priya Patel", "GB", "Leicester", ["en", "gu"], "Europe/London", ["skincare", "fashion & beauty"], tags: ["gen z", "brown skin"],
          [(.tiktok, "priyaxskin", 41_000), (.instagram, "priyaxskin", 12_100), (.snapchat, "priyaxskin", 6_000)], .activePartner, rating: good),
    ]

    // Travel and food travel (Nordlys).
    static let travel: [DemoCreatorSpec] = [
        c("Fjellfolk — Øystein Haugen", real: "Øystein Haugen", first: "Øystein", "NO", "Tromsø", ["nb", "en"], "Europe/Oslo", ["travel"],
          tags: ["aurora", "long-form"], [(.youtube, "fjellfolk", 312_000), (.instagram, "fjellfolk", 121_000)], .ambassador,
          agent: agent("Kari Nilsen", "Nordic Creators AS", "kari@nordiccreators.example"), rating: good),
        c("Åse Bjørnstad", "NO", "Bergen", ["nb", "en"], "Europe/Oslo", ["travel", "lifestyle"], tags: ["fjords"],
          [(.instagram, "aasebjornstad", 58_200), (.youtube, "AaseBjornstad", 21_000)], .activePartner),
        c("ნინო ბერიძე", real: "Nino Beridze", first: "ნინო", "GE", "Tbilisi", ["ka", "en", "ru"], "Asia/Tbilisi", ["travel", "food & drink"],
          tags: ["caucasus", "wine"], [(.instagram, "nino.beridze", 36_400), (.youtube, "NinoBeridze", 14_100)], .activePartner,
          notes: "Writes captions in Georgian and English. Best reached on WhatsApp after 18:00 Tbilisi time."),
        c("გიორგი მამალაძე", real: "Giorgi Mamaladze", first: "Giorgi", "GE", "Batumi", ["ka", "ru", "en"], "Asia/Tbilisi", ["travel"],
          tags: ["hiking", "svaneti"], [(.youtube, "giorgiontheroad", 92_000), (.instagram, "giorgi.ontheroad", 28_000)], .activePartner, rating: fine),
        c("Dilnoza Rashidova", "UZ", "Toshkent", ["uz", "ru", "en"], "Asia/Tashkent", ["travel", "lifestyle"], tags: ["silk road"],
          [(.instagram, "dilnoza.travels", 77_300), (.tiktok, "dilnozatravels", 45_000)], .activePartner),
        c("Жасур Каримов", real: "Jasur Karimov", first: "Жасур", "UZ", "Samarqand", ["uz", "ru"], "Asia/Samarkand", ["travel", "food & drink"],
          tags: ["plov", "samarkand"], [(.youtube, "jasurkarimov", 184_000), (.instagram, "jasur.karimov", 33_000)], .activePartner,
          notes: "Uzbek (Cyrillic) captions; Russian for contracts."),
        c("Oʻzbekiston boʻylab — Sardor Yoʻldoshev", real: "Sardor Yoʻldoshev", first: "Sardor", "UZ", "Buxoro", ["uz", "en"], "Asia/Tashkent",
          ["travel"], tags: ["heritage"], [(.instagram, "sardor.yuldoshev", 12_400), (.facebook, "sardortravels", 8_100)]),
        c("Mia & Jonas — Zwei Rucksäcke", real: "Mia Krause, Jonas Brandt", first: "Mia", "DE", "München", ["de", "en"], "Europe/Berlin",
          ["travel"], tags: ["couple", "vanlife"], [(.youtube, "zweirucksaecke", 1_340_000), (.instagram, "zweirucksaecke", 610_000)],
          agent: agent("Felix Baum", "Baum Media GmbH", "felix@baum-media.example", note: "Expects a full media plan before quoting")),
        c("Claire Dubois", "FR", "Marseille", ["fr", "en"], "Europe/Paris", ["travel", "food & drink"], tags: ["slow travel"],
          [(.instagram, "clairevoyage", 140_000), (.youtube, "ClaireVoyage", 45_000)], .activePartner, rating: good),
        c("Jack Morrison", "GB", "Edinburgh", ["en"], "Europe/London", ["travel"], tags: ["hiking", "scotland"],
          [(.youtube, "jackgoesnorth", 85_000), (.instagram, "jackgoesnorth", 40_200)], .inactive, metrics: .stale, rating: meh),
        c("Ļoti Garšīgi — Līga Ozoliņa", real: "Līga Ozoliņa", first: "Līga", "LV", "Rīga", ["lv", "en"], "Europe/Riga", ["food & drink", "travel"],
          tags: ["riga food", "recipes"], [(.instagram, "lotigarsigi", 31_200), (.youtube, "LotiGarsigi", 12_000), (.blog, "lotigarsigi", 9_000)],
          .gifted),
        c("Sigrid Aas", "NO", "Svolvær", ["nb"], "Europe/Oslo", ["travel"], tags: ["lofoten"], [(.instagram, "sigridaas", 9_300)], metrics: .estimate),
    ]

    // Japan (Gohan Go).
    static let japan: [DemoCreatorSpec] = [
        c("佐藤ゆい", real: "佐藤 結衣 (Yui Sato)", first: "ゆい", "JP", "東京", ["ja"], "Asia/Tokyo", ["food & drink"], tags: ["delivery", "ramen"],
          [(.tiktok, "yui_gohan", 121_000), (.instagram, "yui_gohan", 54_000)], .activePartner, rating: good),
        c("田中健太", real: "田中 健太 (Kenta Tanaka)", first: "健太", "JP", "大阪", ["ja"], "Asia/Tokyo", ["food & drink"], tags: ["street food"],
          [(.youtube, "kentaeats", 231_000), (.x, "kenta_eats", 40_000)]),
        c("山本さくら", real: "山本 さくら", first: "さくら", "JP", "福岡", ["ja"], "Asia/Tokyo", ["food & drink", "lifestyle"], tags: ["home cooking"],
          [(.instagram, "sakura_kitchen", 18_200)]),
        c("ラーメン王 🍜 Takumi", real: "井上 匠 (Takumi Inoue)", first: "匠", "JP", "札幌", ["ja"], "Asia/Tokyo", ["food & drink"], tags: ["ramen"],
          [(.youtube, "ramenking_takumi", 1_120_000), (.tiktok, "ramenking_takumi", 860_000)],
          agent: agent("鈴木 大輔 (Daisuke Suzuki)", "Kizuna Talent 株式会社", "suzuki@kizuna-talent.example", note: "Japanese only; replies within 2 business days")),
        c("中村あおい", real: "中村 葵", first: "あおい", "JP", "横浜", ["ja", "en"], "Asia/Tokyo", ["food & drink"], tags: ["cafe"],
          [(.tiktok, "aoi_nakamura", 7_800), (.instagram, "aoi.nakamura", 3_100)]),
        c("小林 翔", real: "小林 翔 (Sho Kobayashi)", first: "翔", "JP", "名古屋", ["ja"], "Asia/Tokyo", ["food & drink", "tech"], tags: ["food apps"],
          [(.x, "sho_foodlog", 26_000), (.instagram, "sho.foodlog", 14_000)]),
        c("Emily in Tokyo", real: "Emily Carter", first: "Emily", "JP", "東京", ["en", "ja"], "Asia/Tokyo", ["food & drink", "travel"],
          tags: ["expat"], [(.youtube, "emilyintokyo", 95_000), (.instagram, "emilyintokyo", 38_000)], .gifted),
        c("鈴木美咲", real: "鈴木 美咲", first: "美咲", "JP", "京都", ["ja"], "Asia/Tokyo", ["food & drink"], tags: ["bento"],
          [(.instagram, "misaki.bento", 880)], metrics: .estimate),
    ]

    // China (Cha Lan); most via an MCN agency.
    static let china: [DemoCreatorSpec] = [
        c("李娜 Lina", real: "李娜", first: "娜", "CN", "上海", ["zh"], "Asia/Shanghai", ["lifestyle", "fashion & beauty"], tags: ["KOL", "tea"],
          [(.douyin, "lina_daily", 412_000), (.xiaohongshu, "lina_daily", 263_000), (.weibo, "linadaily", 90_000)], .activePartner,
          agent: agent("周杰 (Zhou Jie)", "星河 MCN (Xinghe MCN)", "zhoujie@xinghe-mcn.example", note: "Contracts and Alipay invoices via the MCN")),
        c("王芳", real: "王芳", first: "芳", "CN", "北京", ["zh"], "Asia/Shanghai", ["lifestyle"], tags: ["KOC", "office life"],
          [(.wechat, "wangfang_life", 45_000), (.xiaohongshu, "wangfang", 30_000)]),
        c("张伟 吃遍中国", real: "张伟", first: "伟", "CN", "成都", ["zh"], "Asia/Shanghai", ["food & drink"], tags: ["KOL", "street food"],
          [(.douyin, "zhangwei_eats", 1_830_000), (.weibo, "zhangweieats", 420_000)],
          agent: agent("刘婷 (Liu Ting)", "麻辣 MCN", "liuting@mala-mcn.example")),
        c("陈静", real: "陈静", first: "静", "CN", "杭州", ["zh"], "Asia/Shanghai", ["lifestyle", "food & drink"], tags: ["KOC", "tea"],
          [(.xiaohongshu, "chenjing_tea", 12_400)]),
        c("刘洋", real: "刘洋", first: "洋", "CN", "成都", ["zh"], "Asia/Shanghai", ["food & drink"], tags: ["hotpot"], [(.douyin, "liuyang_food", 88_000)]),
        c("赵敏", real: "赵敏", first: "敏", "CN", "广州", ["zh", "yue"], "Asia/Shanghai", ["health & fitness", "lifestyle"], tags: ["KOL"],
          [(.weibo, "zhaomin_fit", 152_000), (.xiaohongshu, "zhaomin_fit", 61_000)]),
        c("黄小米", real: "黄小米", first: "小米", "CN", "深圳", ["zh"], "Asia/Shanghai", ["lifestyle"], tags: ["KOC"],
          [(.xiaohongshu, "xiaomi_huang", 780)], metrics: .estimate),
    ]

    // Sustainable fashion, EU (Verde Atelier).
    static let fashion: [DemoCreatorSpec] = [
        c("Manon Girard", "FR", "Nantes", ["fr", "en"], "Europe/Paris", ["sustainability", "fashion & beauty"], tags: ["slow fashion"],
          [(.instagram, "manon.slowfashion", 39_100), (.pinterest, "manonslowfashion", 120_000), (.tiktok, "manonslowfashion", 11_000)]),
        c("Katharina Vogel", first: "Kathi", "DE", "Köln", ["de", "en"], "Europe/Berlin", ["sustainability", "fashion & beauty"], tags: ["fair fashion"],
          [(.instagram, "kathi.fairfashion", 22_000), (.youtube, "KathiFairFashion", 8_200)]),
        c("Paula Ortega", "ES", "Sevilla", ["es"], "Europe/Madrid", ["sustainability", "fashion & beauty"], tags: ["second-hand"],
          [(.tiktok, "paula.sostenible", 44_000), (.instagram, "paula.sostenible", 15_000)]),
        c("Elīna Kalniņa", "LV", "Liepāja", ["lv", "en"], "Europe/Riga", ["sustainability", "fashion & beauty"], tags: ["thrifting"],
          [(.instagram, "elina.thrifts", 6_300), (.tiktok, "elinathrifts", 3_000)]),
        c("Noor van Dijk", "NL", "Utrecht", ["nl", "en"], "Europe/Amsterdam", ["sustainability", "fashion & beauty"], tags: ["capsule wardrobe"],
          [(.instagram, "noor.wears.green", 110_000), (.youtube, "NoorWearsGreen", 30_000)],
          agent: agent("Sem de Vries", "Groen Talent", "sem@groentalent.example")),
        c("Giulia Bianchi", "IT", "Milano", ["it", "en"], "Europe/Rome", ["fashion & beauty", "sustainability"], tags: ["vintage"],
          [(.instagram, "giulia.vintage", 67_000)]),
        c("Freja Holm", "DK", "København", ["da", "en"], "Europe/Copenhagen", ["sustainability", "lifestyle"], tags: ["minimalism"],
          [(.instagram, "frejaholm", 28_000), (.pinterest, "frejaholm", 54_000)]),
        c("Léa Moreau", "FR", "Bordeaux", ["fr"], "Europe/Paris", ["fashion & beauty"], tags: ["fast fashion hauls"],
          [(.instagram, "lea.moreau", 95_000), (.tiktok, "leamoreau", 130_000)], .doNotContact,
          dnc: "Asked us to stop contacting her (email of 12 March); erase her data if she asks again (GDPR). Also promotes Shein hauls."),
    ]

    // B2B on LinkedIn (Ledgerly).
    static let b2b: [DemoCreatorSpec] = [
        c("David Kim, CFO", real: "David Kim", first: "David", "US", "New York", ["en", "ko"], "America/New_York", ["business & finance"],
          tags: ["thought leader", "CFO"], [(.linkedin, "davidkim-cfo", 85_000), (.newsletter, "closingthebooks", 22_000), (.podcast, "cfo-coffee", 9_000)],
          .ambassador, rating: good),
        c("Sarah Mitchell", "US", "Chicago", ["en"], "America/Chicago", ["business & finance"], tags: ["fp&a"],
          [(.linkedin, "sarahmitchellops", 42_000), (.x, "sarahmops", 8_000)], .activePartner, rating: fine),
        c("Rahul Mehta", "GB", "London", ["en", "hi"], "Europe/London", ["business & finance", "tech"], tags: ["fintech"],
          [(.linkedin, "rahulmehta", 121_000), (.x, "rahul_fintech", 30_500), (.newsletter, "fintechfriday", 14_000)], .activePartner, rating: good),
        c("Markus Hoffmann", "DE", "Frankfurt am Main", ["de", "en"], "Europe/Berlin", ["business & finance"], tags: ["controlling"],
          [(.linkedin, "markushoffmann-controlling", 19_000), (.podcast, "zahlenmenschen", 5_000)], .activePartner),
        c("Ana Gómez", "ES", "Madrid", ["es", "en"], "Europe/Madrid", ["business & finance"], tags: ["accounting"],
          [(.linkedin, "anagomez-finanzas", 11_000)], .inactive),
        c("The Ledger Pod — Mike Ross", real: "Michael Ross", first: "Mike", "US", "Denver", ["en"], "America/Denver", ["business & finance", "tech"],
          tags: ["podcast"], [(.podcast, "theledgerpod", 30_000), (.linkedin, "mikeross-ledgerpod", 15_000)], .activePartner),
    ]

    // The rest of the roster: other platforms and niches, no deal yet or past ones.
    static let others: [DemoCreatorSpec] = [
        c("Jonas Krüger", "DE", "Leipzig", ["de", "en"], "Europe/Berlin", ["gaming", "tech"], tags: ["streamer"],
          [(.twitch, "jonaskrgaming", 64_000), (.youtube, "JonasKrGaming", 22_000), (.x, "jonaskr", 12_000)]),
        c("Matīss Liepa 🎮", real: "Matīss Liepa", first: "Matīss", "LV", "Jelgava", ["lv", "en"], "Europe/Riga", ["gaming"], tags: ["streamer"],
          [(.twitch, "matissplays", 4_800)], metrics: .stale),
        c("La Maison de Marie", real: "Marie Lefèvre", first: "Marie", "FR", "Rennes", ["fr"], "Europe/Paris", ["parenting", "lifestyle"],
          tags: ["family"], [(.facebook, "lamaisondemarie", 33_000), (.blog, "lamaisondemarie", 18_000), (.instagram, "lamaisondemarie", 9_000)], .gifted),
        c("Carlos Méndez", "MX", "Ciudad de México", ["es", "en"], "America/Mexico_City", ["health & fitness"], tags: ["calisthenics"],
          [(.instagram, "carlosmendezfit", 512_000), (.youtube, "CarlosMendezFit", 90_000)],
          agent: agent("Daniela Ruiz", "Fuerza Talent", "daniela@fuerzatalent.example")),
        c("Jordan Lee", "US", "Los Angeles", ["en"], "America/Los_Angeles", ["lifestyle"], tags: ["gen z"], [(.snapchat, "jordanlee", 75_000), (.tiktok, "jordanlee", 33_000)]),
        c("Eirik Nilsen", "NO", "Trondheim", ["nb", "en"], "Europe/Oslo", ["tech"], tags: ["newsletter"],
          [(.newsletter, "eiriknilsen", 14_000), (.x, "eiriknilsen", 6_100)], .prospect),
        c("Valentina Cruz", "ES", "Marbella", ["es", "en"], "Europe/Madrid", ["fashion & beauty", "lifestyle"], tags: ["luxury"],
          [(.instagram, "valentinacruz", 2_430_000), (.tiktok, "valentinacruz", 1_100_000)],
          agent: agent("Pablo Serrano", "Estrella Management", "pablo@estrella-mgmt.example", note: "Minimum fee EUR 25,000 per post")),
        c("Гулнора Юсупова", real: "Gulnora Yusupova", first: "Гулнора", "UZ", "Buxoro", ["uz", "ru"], "Asia/Tashkent", ["food & drink"],
          tags: ["plov", "home cooking"], [(.instagram, "gulnora.oshxona", 15_300)]),
        c("დავით ქავთარაძე", real: "Davit Kavtaradze", first: "დავით", "GE", "თელავი", ["ka", "en"], "Asia/Tbilisi", ["food & drink"],
          tags: ["wine", "qvevri"], [(.instagram, "davit.qvevri", 8_200), (.facebook, "davitqvevri", 5_000)], .inactive),
        c("Pinja Virtanen", "FI", "Helsinki", ["fi", "en"], "Europe/Helsinki", ["sustainability", "parenting"], tags: ["zero waste"],
          [(.pinterest, "pinjavirtanen", 88_000), (.instagram, "pinja.virtanen", 7_400)]),
        c("Sam Taylor", "GB", "Bristol", ["en"], "Europe/London", ["health & fitness"], tags: ["running"], [(.instagram, "samtaylorruns", 540)]),
    ]
}
