/// ISO 4217 currencies and their minor units: how many decimals an amount in each takes (JPY none, KWD three).
public enum Currency {
    /// Every active ISO 4217 code (funds and precious metals aside), by its minor unit when it is not 2.
    private static let zero: Set<String> = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
                                            "VND", "VUV", "XAF", "XOF", "XPF"]
    private static let three: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]
    private static let four: Set<String> = ["CLF", "UYW"]
    private static let two: [String] = [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BMD", "BND", "BOB",
        "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP",
        "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HTG",
        "HUF", "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
        "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO",
        "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SBD", "SCR", "SDG",
        "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TOP", "TRY", "TTD",
        "TWD", "TZS", "UAH", "USD", "UYU", "UZS", "VES", "WST", "XCD", "YER", "ZAR", "ZMW", "ZWG",
    ]

    /// Every code Voronka takes, the most used by its users first, then in alphabetical order.
    public static let codes: [String] = {
        let first = ["RUB", "USD", "EUR", "CNY", "KZT", "BYN"]
        let rest = Set(two).union(zero).union(three).union(four).subtracting(first).sorted()
        return first + rest
    }()

    private static let known = Set(codes)

    /// Whether the code is an ISO 4217 currency Voronka takes.
    public static func isKnown(_ code: String) -> Bool { known.contains(code) }

    /// The decimals of an amount in this currency (2 for a code Voronka does not know).
    public static func digits(_ code: String?) -> Int {
        guard let code else { return 2 }
        if zero.contains(code) { return 0 }
        if three.contains(code) { return 3 }
        if four.contains(code) { return 4 }
        return 2
    }

    /// Minor units in one unit of the currency: 1, 100, 1000 or 10000.
    public static func scale(_ code: String?) -> Int64 {
        switch digits(code) { case 0: 1; case 3: 1000; case 4: 10_000; default: 100 }
    }
}
