import Foundation
import ReachCore

/// Name pools for generated creators, one per market, in the market's own script with a romanised form for handles.
struct DemoLocale: Sendable {
    /// A name in its own script and in ASCII (for handles and emails).
    typealias Name = (native: String, roman: String)

    var country: String
    var cities: [String]
    var timeZone: String
    var languages: [String]
    var female: [Name]
    var male: [Name]
    var femaleSurnames: [Name]
    var maleSurnames: [Name]
    /// Japanese and Chinese names are written family name first.
    var familyNameFirst = false
    /// Chinese names are written without a space.
    var separator = " "
    /// Platforms creators in this market mostly use, main account first.
    var platforms: [Platform]
    /// Relative share of generated creators.
    var weight: Double

    /// Latin-script names: the romanised form is the folded one (`Ļoti` → `loti`, `Øystein` → `oystein`).
    static func latin(_ names: [String]) -> [Name] { names.map { ($0, TextFolding.fold($0)) } }

    static let all: [DemoLocale] = [
        DemoLocale(country: "US", cities: ["New York", "Los Angeles", "Austin", "Chicago", "Miami", "Seattle", "Denver"], timeZone: "America/New_York",
                   languages: ["en"], female: latin(["Emily", "Madison", "Ava", "Olivia", "Harper", "Chloe", "Mia", "Zoe", "Grace", "Hannah"]),
                   male: latin(["Jacob", "Ethan", "Mason", "Logan", "Tyler", "Noah", "Caleb", "Dylan", "Ryan", "Jordan"]),
                   femaleSurnames: latin(["Johnson", "Miller", "Davis", "Garcia", "Nguyen", "Brooks", "Carter", "Reed", "Kim", "Lopez"]),
                   maleSurnames: latin(["Johnson", "Miller", "Davis", "Garcia", "Nguyen", "Brooks", "Carter", "Reed", "Kim", "Lopez"]),
                   platforms: [.instagram, .tiktok, .youtube, .snapchat, .x, .linkedin, .podcast, .twitch], weight: 14),
        DemoLocale(country: "GB", cities: ["London", "Manchester", "Leeds", "Bristol", "Glasgow", "Brighton"], timeZone: "Europe/London",
                   languages: ["en"], female: latin(["Amelia", "Isla", "Poppy", "Freya", "Ellie", "Sophie", "Imogen", "Niamh"]),
                   male: latin(["Oliver", "Harry", "George", "Alfie", "Callum", "Rhys", "Finley", "Jack"]),
                   femaleSurnames: latin(["Smith", "Jones", "Taylor", "Wilson", "Patel", "Evans", "Hughes", "Khan"]),
                   maleSurnames: latin(["Smith", "Jones", "Taylor", "Wilson", "Patel", "Evans", "Hughes", "Khan"]),
                   platforms: [.instagram, .tiktok, .youtube, .linkedin, .newsletter], weight: 8),
        DemoLocale(country: "ES", cities: ["Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga", "Bilbao"], timeZone: "Europe/Madrid",
                   languages: ["es", "en"], female: latin(["Lucía", "Sofía", "Martina", "Paula", "Alba", "Irene", "Noelia", "Begoña"]),
                   male: latin(["Hugo", "Pablo", "Álvaro", "Sergio", "Íñigo", "Javier", "Adrián", "Raúl"]),
                   femaleSurnames: latin(["García López", "Fernández", "Martínez Ruiz", "Sánchez", "Pérez Gómez", "Muñoz", "Jiménez", "Núñez"]),
                   maleSurnames: latin(["García López", "Fernández", "Martínez Ruiz", "Sánchez", "Pérez Gómez", "Muñoz", "Jiménez", "Núñez"]),
                   platforms: [.instagram, .tiktok, .youtube, .twitch], weight: 9),
        DemoLocale(country: "DE", cities: ["Berlin", "München", "Hamburg", "Köln", "Leipzig", "Düsseldorf"], timeZone: "Europe/Berlin",
                   languages: ["de", "en"], female: latin(["Lena", "Hannah", "Jülide", "Sophie", "Marie", "Anja", "Jana", "Greta"]),
                   male: latin(["Lukas", "Jonas", "Felix", "Maximilian", "Jörg", "Tobias", "Niklas", "Paul"]),
                   femaleSurnames: latin(["Müller", "Schäfer", "Weiß", "Becker", "Hoffmann", "Krüger", "Schröder", "Groß"]),
                   maleSurnames: latin(["Müller", "Schäfer", "Weiß", "Becker", "Hoffmann", "Krüger", "Schröder", "Groß"]),
                   platforms: [.instagram, .youtube, .tiktok, .twitch, .linkedin, .podcast], weight: 8),
        DemoLocale(country: "FR", cities: ["Paris", "Lyon", "Marseille", "Bordeaux", "Lille", "Nantes", "Toulouse"], timeZone: "Europe/Paris",
                   languages: ["fr", "en"], female: latin(["Camille", "Léa", "Chloé", "Inès", "Manon", "Éloïse", "Zoé", "Anaïs"]),
                   male: latin(["Lucas", "Hugo", "Théo", "Noé", "Raphaël", "Mathéo", "Gaël", "Jérôme"]),
                   femaleSurnames: latin(["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine", "Roussel"]),
                   maleSurnames: latin(["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine", "Roussel"]),
                   platforms: [.instagram, .tiktok, .youtube, .pinterest, .blog], weight: 8),
        DemoLocale(country: "LV", cities: ["Rīga", "Jūrmala", "Liepāja", "Daugavpils", "Cēsis", "Jelgava"], timeZone: "Europe/Riga",
                   languages: ["lv", "en", "ru"], female: latin(["Līga", "Elīna", "Anete", "Madara", "Ieva", "Kristīne", "Zane", "Laura"]),
                   male: latin(["Jānis", "Mārtiņš", "Kārlis", "Edgars", "Matīss", "Roberts", "Artūrs", "Rihards"]),
                   femaleSurnames: latin(["Bērziņa", "Ozoliņa", "Kalniņa", "Liepiņa", "Krūmiņa", "Zariņa", "Pētersone", "Vītola"]),
                   maleSurnames: latin(["Bērziņš", "Ozoliņš", "Kalniņš", "Liepiņš", "Krūmiņš", "Zariņš", "Pētersons", "Vītols"]),
                   platforms: [.instagram, .tiktok, .youtube, .facebook], weight: 5),
        DemoLocale(country: "NO", cities: ["Oslo", "Bergen", "Trondheim", "Tromsø", "Stavanger", "Ålesund"], timeZone: "Europe/Oslo",
                   languages: ["nb", "en"], female: latin(["Ingrid", "Åse", "Sigrid", "Solveig", "Tuva", "Maren", "Ragnhild", "Frøya"]),
                   male: latin(["Øystein", "Håkon", "Bjørn", "Eirik", "Sindre", "Ørjan", "Magnus", "Aksel"]),
                   femaleSurnames: latin(["Haugen", "Bjørnstad", "Solberg", "Løken", "Dahl", "Hansen", "Sæther", "Østby"]),
                   maleSurnames: latin(["Haugen", "Bjørnstad", "Solberg", "Løken", "Dahl", "Hansen", "Sæther", "Østby"]),
                   platforms: [.instagram, .youtube, .tiktok, .newsletter], weight: 5),
        DemoLocale(country: "UZ", cities: ["Toshkent", "Samarqand", "Buxoro", "Xiva", "Namangan"], timeZone: "Asia/Tashkent",
                   languages: ["uz", "ru", "en"], female: latin(["Dilnoza", "Gulnora", "Madina", "Shahzoda", "Oʻgiloy", "Nilufar"]),
                   male: latin(["Sardor", "Jasur", "Otabek", "Bekzod", "Oʻtkir", "Sherzod"]),
                   femaleSurnames: latin(["Rashidova", "Yusupova", "Karimova", "Toshmatova", "Yoʻldosheva", "Ergasheva"]),
                   maleSurnames: latin(["Rashidov", "Yusupov", "Karimov", "Toshmatov", "Yoʻldoshev", "Ergashev"]),
                   platforms: [.instagram, .youtube, .tiktok], weight: 3),
        DemoLocale(country: "UZ", cities: ["Тошкент", "Самарқанд", "Бухоро", "Фарғона"], timeZone: "Asia/Samarkand",
                   languages: ["uz", "ru"],
                   female: [("Дилноза", "dilnoza"), ("Гулнора", "gulnora"), ("Мадина", "madina"), ("Нилуфар", "nilufar"), ("Зарина", "zarina")],
                   male: [("Жасур", "jasur"), ("Бекзод", "bekzod"), ("Отабек", "otabek"), ("Шерзод", "sherzod"), ("Фаррух", "farrukh")],
                   femaleSurnames: [("Каримова", "karimova"), ("Юсупова", "yusupova"), ("Рашидова", "rashidova"), ("Эргашева", "ergasheva")],
                   maleSurnames: [("Каримов", "karimov"), ("Юсупов", "yusupov"), ("Рашидов", "rashidov"), ("Эргашев", "ergashev")],
                   platforms: [.instagram, .youtube], weight: 2),
        DemoLocale(country: "GE", cities: ["თბილისი", "ბათუმი", "ქუთაისი", "თელავი"], timeZone: "Asia/Tbilisi", languages: ["ka", "en", "ru"],
                   female: [("ნინო", "nino"), ("მარიამ", "mariam"), ("ანა", "ana"), ("თამარ", "tamar"), ("ეკა", "eka"), ("სალომე", "salome")],
                   male: [("გიორგი", "giorgi"), ("დავით", "davit"), ("ლაშა", "lasha"), ("ლევან", "levan"), ("ნიკა", "nika"), ("ირაკლი", "irakli")],
                   femaleSurnames: [("ბერიძე", "beridze"), ("მამალაძე", "mamaladze"), ("კაპანაძე", "kapanadze"), ("გელაშვილი", "gelashvili"),
                                    ("ქავთარაძე", "kavtaradze"), ("ლომიძე", "lomidze")],
                   maleSurnames: [("ბერიძე", "beridze"), ("მამალაძე", "mamaladze"), ("კაპანაძე", "kapanadze"), ("გელაშვილი", "gelashvili"),
                                  ("ქავთარაძე", "kavtaradze"), ("ლომიძე", "lomidze")],
                   platforms: [.instagram, .youtube, .facebook, .tiktok], weight: 3),
        DemoLocale(country: "JP", cities: ["東京", "大阪", "名古屋", "福岡", "札幌", "京都", "横浜"], timeZone: "Asia/Tokyo", languages: ["ja"],
                   female: [("ゆい", "yui"), ("さくら", "sakura"), ("美咲", "misaki"), ("葵", "aoi"), ("陽菜", "hina"), ("結衣", "yui"), ("愛", "ai")],
                   male: [("健太", "kenta"), ("翔", "sho"), ("大輝", "daiki"), ("蓮", "ren"), ("匠", "takumi"), ("悠真", "yuma"), ("拓海", "takumi")],
                   femaleSurnames: [("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"), ("伊藤", "ito"), ("渡辺", "watanabe"),
                                    ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi")],
                   maleSurnames: [("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"), ("伊藤", "ito"), ("渡辺", "watanabe"),
                                  ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi")],
                   familyNameFirst: true, platforms: [.instagram, .tiktok, .youtube, .x], weight: 10),
        DemoLocale(country: "CN", cities: ["上海", "北京", "成都", "杭州", "广州", "深圳", "武汉"], timeZone: "Asia/Shanghai", languages: ["zh"],
                   female: [("芳", "fang"), ("娜", "na"), ("静", "jing"), ("敏", "min"), ("丽", "li"), ("小米", "xiaomi"), ("婷婷", "tingting")],
                   male: [("伟", "wei"), ("洋", "yang"), ("磊", "lei"), ("强", "qiang"), ("杰", "jie"), ("浩然", "haoran"), ("子轩", "zixuan")],
                   femaleSurnames: [("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("赵", "zhao"), ("黄", "huang")],
                   maleSurnames: [("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("赵", "zhao"), ("黄", "huang")],
                   familyNameFirst: true, separator: "", platforms: [.douyin, .xiaohongshu, .weibo, .wechat], weight: 10),
        DemoLocale(country: "IT", cities: ["Milano", "Roma", "Torino", "Napoli", "Bologna"], timeZone: "Europe/Rome", languages: ["it", "en"],
                   female: latin(["Giulia", "Chiara", "Francesca", "Aurora", "Martina"]), male: latin(["Lorenzo", "Matteo", "Niccolò", "Andrea", "Davide"]),
                   femaleSurnames: latin(["Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Esposito"]),
                   maleSurnames: latin(["Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Esposito"]),
                   platforms: [.instagram, .tiktok, .youtube], weight: 3),
        DemoLocale(country: "NL", cities: ["Amsterdam", "Utrecht", "Rotterdam", "Den Haag"], timeZone: "Europe/Amsterdam", languages: ["nl", "en"],
                   female: latin(["Noor", "Sanne", "Fleur", "Lotte", "Iris"]), male: latin(["Daan", "Bram", "Sem", "Thijs", "Joris"]),
                   femaleSurnames: latin(["de Vries", "van Dijk", "Bakker", "Janssen", "Visser"]), maleSurnames: latin(["de Vries", "van Dijk", "Bakker", "Janssen", "Visser"]),
                   platforms: [.instagram, .youtube, .linkedin], weight: 2),
    ]
}

/// Generates creator specs with realistic spreads: tiers skewed to nano/micro, names from many scripts, a few emoji.
enum DemoNames {
    private static let emoji = ["✨", "🌸", "🍜", "🎮", "🌿", "💄", "📸", "🏔️", "☕", "🧘‍♀️"]
    private static let nicheWords: [Niche: String] = [
        "skincare": "Skin Diary", "fashion & beauty": "Style", "travel": "Travels", "food & drink": "Kitchen", "health & fitness": "Fit",
        "gaming": "Plays", "tech": "Tech", "lifestyle": "Daily", "parenting": "Family", "business & finance": "Money Talk", "sustainability": "Green",
    ]
    private static let agencies = ["Bright Talent", "Nordic Creators", "Kizuna Talent", "星河 MCN", "Estrella Management", "Groen Talent", "Fuerza Talent"]
    private static let doNotContactReasons = [
        "Asked not to be contacted again (GDPR objection).", "Posted our offer email publicly.", "Repeated brand-safety problems.",
        "Missed payment dispute, legal advised no contact.",
    ]
    private static let vettingFailures: [(VettingCheck, String)] = [
        (.authenticity, "Sudden follower jump; many empty accounts among followers."), (.brandSafety, "Offensive jokes in older videos."),
        (.engagementHealthy, "Engagement pods: same 40 accounts comment on every post."),
    ]

    static func spec(index: Int, rng: inout DemoRandom, usedHandles: inout Set<String>) -> DemoCreatorSpec {
        let locale = rng.pick(DemoLocale.all, weights: DemoLocale.all.map(\.weight))
        let female = rng.chance(0.62)
        let given = rng.pick(female ? locale.female : locale.male)
        let family = rng.pick(female ? locale.femaleSurnames : locale.maleSurnames)
        let realName = locale.familyNameFirst ? family.native + locale.separator + given.native : given.native + " " + family.native
        var niches: [Niche] = [rng.pick(Niche.suggested)]
        if rng.chance(0.4) { niches.append(rng.pick(Niche.suggested.filter { $0 != niches[0] })) }

        var displayName = realName
        let style = rng.double(0...1)
        if style < 0.12, let word = nicheWords[niches[0]] {
            displayName = "\(given.native)'s \(word)"
        } else if style < 0.22 {
            displayName = "\(nicheWords[niches[0]] ?? "Daily") — \(realName)"
        } else if style < 0.26 {
            displayName = "\(given.native) \(rng.pick(emoji))"
        }

        // Tiers skew to nano and micro, as on real rosters.
        let tier = rng.pick([Tier.nano, .micro, .macro, .mega], weights: [35, 50, 12, 3])
        let followers: Int
        switch tier {
        case .nano: followers = rng.int(80...999)
        case .micro: followers = rng.logUniform(1_000, 99_999)
        case .macro: followers = rng.logUniform(100_000, 999_999)
        case .mega: followers = rng.logUniform(1_000_000, 9_000_000)
        }
        let business = niches.contains("business & finance")
        var platforms = [business && rng.chance(0.7) ? Platform.linkedin : rng.pick(locale.platforms)]
        for _ in 0..<rng.int(0...2) {
            let extra = rng.pick(locale.platforms)
            if !platforms.contains(extra) { platforms.append(extra) }
        }
        let base = given.roman + (rng.chance(0.5) ? "." : "_") + family.roman.filter { $0.isLetter || $0.isNumber }
        var handle = base.filter { $0.isASCII }
        if handle.count < 4 { handle = "creator_\(index)" }
        while usedHandles.contains(handle) { handle = base.filter { $0.isASCII } + String(rng.int(2...9_999)) }
        usedHandles.insert(handle)
        let accounts = platforms.enumerated().map { i, p in (p, handle, i == 0 ? followers : max(50, Int(Double(followers) * rng.double(0.05...0.9)))) }

        let relationship = rng.pick(RelationshipStatus.allCases, weights: [55, 10, 19, 3, 11, 2])
        return DemoCreatorSpec(
            displayName: displayName, realName: realName, firstName: given.native,
            country: locale.country, city: rng.pick(locale.cities), languages: locale.languages, timeZone: locale.timeZone,
            niches: niches, tags: rng.chance(0.3) ? [rng.pick(["ugc", "long-form", "reviews", "tutorials", "humour", "gen z", "family"])] : [],
            accounts: accounts, relationship: relationship,
            doNotContactReason: relationship == .doNotContact ? rng.pick(doNotContactReasons) : nil,
            agent: tier >= .macro && rng.chance(0.6)
                ? AgentContact(name: "Talent manager", agency: rng.pick(agencies), contact: ContactInfo(email: "talent+\(handle)@agency.example")) : nil,
            metrics: rng.pick([DemoMetricQuality.fresh, .stale, .estimate], weights: [60, 30, 10]),
            rating: relationship == .activePartner || relationship == .ambassador
                ? CreatorRating(stars: rng.int(3...5), wouldWorkAgain: true) : nil,
            vettingFailure: rng.chance(0.02) ? rng.pick(vettingFailures) : nil)
    }
}
