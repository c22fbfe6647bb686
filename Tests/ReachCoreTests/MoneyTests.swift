import Foundation
import Testing
@testable import ReachCore

@Suite struct MoneyTests {
    @Test func exponents() {
        #expect(CurrencyCode.jpy.minorUnitExponent == 0)
        #expect(CurrencyCode.uzs.minorUnitExponent == 2)
        #expect(CurrencyCode.eur.minorUnitExponent == 2)
        #expect(CurrencyCode("kwd").minorUnitExponent == 3)
        #expect(!CurrencyCode("XYZ").isKnown)
    }

    @Test func formatting() {
        #expect(Money(minorUnits: 125_000, currency: .eur).formatted == "EUR 1,250.00")
        #expect(Money(minorUnits: 150_000, currency: .jpy).formatted == "JPY 150,000")
        #expect(Money(minorUnits: -350, currency: .eur).formatted == "EUR -3.50")
        #expect(Money(minorUnits: 5, currency: .usd).formatted == "USD 0.05")
        #expect(Money(minorUnits: 123_456_789_00, currency: .uzs).formatted == "UZS 123,456,789.00")
    }

    @Test func arithmetic() throws {
        let a = Fx.eur(100), b = Money(minorUnits: 2_550, currency: .eur)
        #expect(try a.adding(b) == Money(minorUnits: 12_550, currency: .eur))
        #expect(try a.subtracting(b) == Money(minorUnits: 7_450, currency: .eur))
        #expect(throws: MoneyError.currencyMismatch(.eur, .usd)) { try a.adding(Fx.usd(1)) }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .max, currency: .eur).adding(Money(minorUnits: 1, currency: .eur)) }
        #expect(try Money.sum([a, b, a], currency: .eur).minorUnits == 22_550)
    }

    /// Amounts at the edges of Int64 come only from damaged or hostile files; they must not crash the app.
    @Test func extremeAmountsNeitherTrapNorWrap() throws {
        let lowest = Money(minorUnits: .min, currency: .eur)
        #expect(lowest.negated.minorUnits == .max)
        #expect(throws: MoneyError.overflow) { try Money.zero(.eur).subtracting(lowest) }
        #expect(try lowest.subtracting(Money(minorUnits: -1, currency: .eur)).minorUnits == .min + 1)
        #expect(throws: MoneyError.overflow) { try lowest.subtracting(Money(minorUnits: 1, currency: .eur)) }
        #expect(Int64.max.clampedAdding(1) == .max)
        #expect(Int64.min.clampedAdding(-1) == .min)
        #expect(Int64(5).clampedAdding(-7) == -2)
    }

    @Test(arguments: [
        ("1250", Int64(125_000)), ("1,250.50", 125_050), ("1 250,50", 125_050), ("1.250,50", 125_050),
        ("1,250", 125_000), ("1.250", 125_000), ("12,5", 1_250), ("0.5", 50), ("12.5k", 1_250_000),
        ("1.2m", 120_000_000), ("-40", -4_000), ("EUR 40", 4_000), ("1’250.00", 125_000), ("2,000,000", 200_000_000),
    ])
    func parsingEUR(_ text: String, _ expected: Int64) throws {
        #expect(try Money.parse(text, currency: .eur) == Money(minorUnits: expected, currency: .eur))
    }

    @Test func parsingJPYAndErrors() throws {
        #expect(try Money.parse("150,000", currency: .jpy).minorUnits == 150_000)
        #expect(try Money.parse("150000", currency: .jpy).minorUnits == 150_000)
        #expect(throws: MoneyParseError.tooManyDecimals(allowed: 0, currency: .jpy)) { try Money.parse("150.5", currency: .jpy) }
        #expect(throws: MoneyParseError.tooManyDecimals(allowed: 2, currency: .eur)) { try Money.parse("1.2555", currency: .eur) }
        #expect(throws: MoneyParseError.empty) { try Money.parse("  ", currency: .eur) }
        #expect(throws: MoneyParseError.invalidCharacters("12abc")) { try Money.parse("12abc", currency: .eur) }
    }

    @Test func conversionEURtoUSD() throws {
        let rates = CurrencyRates(rates: [ExchangeRate(from: .eur, to: .usd, rate: Decimal(string: "1.0845") ?? 0, asOf: Fx.t0, source: "ECB")])
        let c = try rates.convert(Fx.eur(1_000), to: .usd)
        #expect(c.converted == Money(minorUnits: 108_450, currency: .usd))
        #expect(c.rate?.source == "ECB")
        #expect(c.inverted == false)
        // Inverse: USD 108.45 → EUR 100.00
        let back = try rates.convert(Money(minorUnits: 10_845, currency: .usd), to: .eur)
        #expect(back.converted == Fx.eur(100))
        #expect(back.inverted)
    }

    @Test func conversionJPYAndRounding() throws {
        // 1 EUR = 162.37 JPY; EUR 12.34 → JPY 2003.6458 → 2004
        let rates = CurrencyRates(rates: [ExchangeRate(from: .eur, to: .jpy, rate: Decimal(string: "162.37") ?? 0, asOf: Fx.t0)])
        #expect(try rates.convert(Money(minorUnits: 1_234, currency: .eur), to: .jpy).converted == Money(minorUnits: 2_004, currency: .jpy))
        // JPY 150,000 → EUR 923.82 (150000 / 162.37 = 923.816...)
        #expect(try rates.convert(Money(minorUnits: 150_000, currency: .jpy), to: .eur).converted.minorUnits == 92_382)
        // Banker's rounding: 0.5 minor units rounds to even.
        let half = CurrencyRates(rates: [ExchangeRate(from: .usd, to: .eur, rate: Decimal(string: "0.5") ?? 0, asOf: Fx.t0)])
        #expect(try half.convert(Money(minorUnits: 5, currency: .usd), to: .eur).converted.minorUnits == 2)
        #expect(try half.convert(Money(minorUnits: 7, currency: .usd), to: .eur).converted.minorUnits == 4)
    }

    @Test func missingRateAndNewestRate() throws {
        var rates = CurrencyRates()
        #expect(throws: ConversionError.missingRate(from: .gel, to: .eur)) { try rates.convert(Money(minorUnits: 100, currency: .gel), to: .eur) }
        rates.set(ExchangeRate(from: .gel, to: .eur, rate: Decimal(string: "0.33") ?? 0, asOf: Fx.t0))
        rates.set(ExchangeRate(from: .gel, to: .eur, rate: Decimal(string: "0.34") ?? 0, asOf: Fx.day(10)))
        #expect(try rates.convert(Money(minorUnits: 10_000, currency: .gel), to: .eur).converted.minorUnits == 3_400)
        #expect(try rates.convert(Fx.eur(5), to: .eur).rate == nil)
    }

    @Test func rateRoundTripsExactly() throws {
        let r = ExchangeRate(from: .eur, to: .uzs, rate: Decimal(string: "13874.123456789") ?? 0, asOf: Fx.t0, source: "CBU")
        #expect(try roundTrip(r) == r)
    }
}
