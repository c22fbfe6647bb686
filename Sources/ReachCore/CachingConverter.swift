/// Converts many amounts into one currency with one set of rates, remembering each distinct amount.
///
/// A campaign dashboard converts tens of thousands of payments, fees and revenues, mostly a few round
/// amounts, and each exact `Decimal` conversion costs microseconds; a lookup costs nanoseconds.
struct CachingConverter {
    let rates: CurrencyRates
    let target: CurrencyCode
    private var cache: [Money: Result<Conversion, ConversionError>] = [:]

    init(rates: CurrencyRates, target: CurrencyCode) {
        self.rates = rates
        self.target = target
    }

    /// The same result as `rates.convert(money, to: target)`.
    mutating func convert(_ money: Money) -> Result<Conversion, ConversionError> {
        if money.currency == target {
            return .success(Conversion(original: money, converted: money, rate: nil, inverted: false))
        }
        if let known = cache[money] { return known }
        let result = Result { () throws(ConversionError) -> Conversion in try rates.convert(money, to: target) }
        cache[money] = result
        return result
    }
}
