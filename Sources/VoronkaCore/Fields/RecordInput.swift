import Foundation

/// Turns a JSON object from a request into field values, checking each against its specification.
public enum RecordInput {
    /// Applies `input` to `record`. On create, missing fields take their defaults and required ones are checked.
    /// Returns every problem found, one per field; the record is only meaningful when none are returned.
    public static func apply(_ input: [String: JSONValue], to record: inout Record, fields: [FieldSpec], creating: Bool) -> [FieldError] {
        var errors: [FieldError] = []
        let byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        // Amounts are read once the record's currency is known: they are kept in its minor units.
        var amounts: [(FieldSpec, JSONValue)] = []
        let currencyBefore = creating ? nil : record.text("currency")
        for (key, value) in input.sorted(by: { $0.key < $1.key }) {
            guard let spec = byName[key] else { errors.append(FieldError(key, .notAField)); continue }
            guard spec.writable else { errors.append(FieldError(key, .readOnly)); continue }
            if spec.type == .money, byName["currency"] != nil { amounts.append((spec, value)); continue }
            switch convert(value, spec: spec) {
            case .success(let value): record[key] = value
            case .failure(let error): errors.append(error)
            }
        }
        if creating {
            for spec in fields where input[spec.name] == nil && (spec.writable || !spec.defaultValue.isNull) {
                record[spec.name] = spec.defaultValue
            }
        }
        let currency = record.text("currency")
        // A new currency keeps the amounts not given anew as they read (10.00 USD becomes 10 JPY, not 1,000).
        if let before = currencyBefore, let now = currency, before != now, Currency.isKnown(now) {
            for spec in fields where spec.type == .money && input[spec.name] == nil {
                if case .int(let minor) = record[spec.name] {
                    amounts.append((spec, .number(Money.decimal(minorUnits: minor, currency: before))))
                }
            }
        }
        for (spec, value) in amounts {
            switch convert(value, spec: spec, currency: currency.flatMap { Currency.isKnown($0) ? $0 : nil }) {
            case .success(let value): record[spec.name] = value
            case .failure(let error): errors.append(error)
            }
        }
        // Read-only fields are the system's to fill (ids, times, derived values); only what a caller may write is checked.
        for spec in fields where spec.required && spec.writable && (creating || input[spec.name] != nil) {
            if record[spec.name].isNull, !errors.contains(where: { $0.field == spec.name }) {
                errors.append(FieldError(spec.name, .required))
            }
        }
        return errors
    }

    /// Converts one JSON value to the field's stored value; an amount to the minor units of `currency` (two decimals
    /// when nil).
    public static func convert(_ value: JSONValue, spec: FieldSpec, currency: String? = nil) -> Result<FieldValue, FieldError> {
        func fail(_ reason: String) -> Result<FieldValue, FieldError> { .failure(FieldError(spec.name, reason)) }
        func fail(_ code: FieldReason) -> Result<FieldValue, FieldError> { .failure(FieldError(spec.name, code)) }
        if case .null = value {
            return spec.required ? fail(.requiredNotNull) : .success(.null)
        }
        switch spec.type {
        case .id, .int:
            guard case .number(let n) = value, let i = Int64(exactly: n) else { return fail(.wholeNumber(got: describe(value))) }
            if spec.type == .id, i <= 0 { return fail(.positiveID) }
            if let range = spec.range, !range.contains(Double(i)) { return fail(.between(min: format(range.lowerBound), max: format(range.upperBound))) }
            return .success(.int(i))
        case .double:
            guard case .number(let n) = value, n.isFinite else { return fail(.number(got: describe(value))) }
            if let range = spec.range, !range.contains(n) { return fail(.between(min: format(range.lowerBound), max: format(range.upperBound))) }
            return .success(.double(n))
        case .money:
            let number: Double?
            switch value {
            case .number(let n): number = n
            case .string(let s): number = Double(s.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "."))
            default: number = nil
            }
            guard let n = number else { return fail(.amount(got: describe(value))) }
            guard let minor = Money.minorUnits(n, currency: currency) else {
                return fail(currency.map { .currencyDecimals(currency: $0, digits: Currency.digits($0)) } ?? .amountDecimals)
            }
            if let range = spec.range, !range.contains(n) { return fail(.between(min: format(range.lowerBound), max: format(range.upperBound))) }
            return .success(.int(minor))
        case .text:
            guard case .string(let s) = value else { return fail(.string(got: describe(value))) }
            if let allowed = spec.allowed, !allowed.contains(s) { return fail(.oneOf(allowed)) }
            if let max = spec.maxLength, s.count > max { return fail(.maxLength(max)) }
            return .success(.text(s))
        case .bool:
            guard case .bool(let b) = value else { return fail(.trueOrFalse(got: describe(value))) }
            return .success(.bool(b))
        case .timestamp:
            guard case .string(let s) = value, let date = Timestamp.parse(s) else { return fail(.dateTime) }
            guard Day.isSupported(date) else { return fail(.dateOutOfRange) }
            return .success(.time(date))
        case .day:
            guard case .string(let s) = value, let day = Day(s) else { return fail(.day) }
            guard day.isSupported else { return fail(.dateOutOfRange) }
            return .success(.day(day))
        case .json:
            switch spec.shape {
            case nil:
                return .success(.json(value))
            case .strings(let allowed)?:
                guard case .array(let items) = value else { return fail(.stringArray) }
                var out: [String] = []
                for item in items {
                    guard case .string(let s) = item else { return fail(.stringArray) }
                    if let allowed, !allowed.contains(s) { return fail(.valueNotAllowed(value: s, allowed: allowed)) }
                    let trimmed = s.trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty, !out.contains(trimmed) { out.append(trimmed) }
                }
                return .success(.json(.array(out.map(JSONValue.string))))
            case .ids?:
                guard case .array(let items) = value else { return fail(.idArray) }
                var out: [Int64] = []
                for item in items {
                    guard case .number(let n) = item, let id = Int64(exactly: n), id > 0 else { return fail(.positiveIDArray) }
                    if !out.contains(id) { out.append(id) }
                }
                return .success(.json(.array(out.map { .number(Double($0)) })))
            case .attributes?:
                guard case .object(let object) = value else { return fail(.attributesObject) }
                for (key, item) in object {
                    switch item {
                    case .array, .object: return fail(.attributeValueKind(key: key, got: item.typeName))
                    default: continue
                    }
                }
                return .success(.json(value))
            }
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): "\"\(s.prefix(40))\""
        case .number(let n): format(n)
        default: value.typeName
        }
    }

    private static func format(_ n: Double) -> String {
        n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    }
}
