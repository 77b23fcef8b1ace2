import Testing
import VoronkaCore
@testable import VoronkaImport

@Suite("Import mappings from JSON")
struct ImportMappingTests {
    @Test("A spreadsheet's mapping file: columns, value maps, date format, zone, rules")
    func fullMapping() throws {
        // setup
        let json: JSONValue = [
            "kind": "deals",
            "columns": ["Сделка": "title", "Этап": "stage_name", "Сумма, руб": "amount", "Клиент": "company_name",
                        "ИНН": "tax_id", "Регион": "custom.region", "Служебное": "ignore"],
            "value_maps": ["stage_name": ["Оплачено": "Won", "Отказ": "Lost"]],
            "date_format": "dd.MM.yyyy HH:mm",
            "time_zone": "+03:00",
            "currency": "RUB",
            "pipeline": "Complex products",
            "unknown_stages": ["map_to": "Before qualification"],
            "stage_map": ["Счёт выставлен": "Proposal"],
            "outcome": [["column": "Статус", "equals": ["Выиграна"], "then": "won"], ["field": "amount", "test": "non_zero", "then": "won"]],
            "delimiter": ";",
            "encoding": "cp1251",
        ]
        // action
        let mapping = try ImportMapping(json: json)
        // check
        #expect(mapping.kind == .deals)
        #expect(mapping.columns["Регион"] == .custom("region") && mapping.columns["Служебное"] == .ignore)
        #expect(mapping.valueMaps[.stageName] == ["Оплачено": "Won", "Отказ": "Lost"])
        #expect(mapping.dateFormat == .dayMonthYear && mapping.utcOffset == 10_800)
        #expect(mapping.unknownStages == .mapTo("Before qualification"))
        #expect(mapping.stageTargets == ["Счёт выставлен": "Proposal"])
        #expect(mapping.outcomeRules == [OutcomeRule(.column("Статус"), .equals(["Выиграна"]), then: .won),
                                         OutcomeRule(.field(.amount), .nonZero, then: .won)])
        #expect(mapping.delimiter == .semicolon && mapping.encoding == .windows1251)
        #expect(try ImportMapping(json: mapping.json) == mapping)
        #expect(mapping.text.contains("Сумма, руб → amount"))
    }

    static let errorCases: [(JSONValue, String)] = [
        (["kind": "deals", "columns": ["Сумма": "sum"]], "columns.Сумма"),
        (["kind": "companies", "columns": ["Name": "company_name", "Amount": "amount"]], "columns.Amount"),
        (["kind": "deals", "columns": ["S": "stage_name"], "outcome": [["field": "stage_name", "equals": ["W"], "then": "won"], ["column": "X", "test": "true", "then": "maybe"]]], "outcome[1].then"),
        (["kind": "deals", "columns": ["S": "stage_name"], "outcome": [["column": "X", "test": "big", "then": "won"]]], "outcome[0].test"),
        (["kind": "deals", "columns": ["S": "stage_name"], "value_maps": ["stage": ["a": "b"]]], "value_maps.stage"),
        (["kind": "deals", "columns": ["S": "stage_name"], "value_maps": ["stage_name": ["a": 1]]], "value_maps.stage_name.a"),
        (["kind": "deals", "columns": ["S": "stage_name"], "time_zone": "Moscow"], "time_zone"),
        (["kind": "deals", "columns": ["S": "stage_name"], "currency": "RUR"], "currency"),
        (["kind": "deals", "columns": ["S": "stage_name"], "multipliers": ["amount": 0.5]], "multipliers.amount"),
        (["kind": "deals", "columns": ["S": "stage_name"], "unknown_stages": "ignore"], "unknown_stages"),
        (["kind": "deals", "columns": ["S": "stage_name"], "colums": [:]], "colums"),
        (["kind": "leads", "columns": ["T": "request_text"]], "columns"),
        (["kind": "users", "columns": ["Name": "owner_name", "Office": "custom.office"]], "columns.Office"),
        (["columns": ["T": "title"]], "kind"),
        (["preset": "excel"], "preset"),
        ("deals", "mapping"),
        ]

    @Test("Errors name the JSON path of the bad value", arguments: errorCases)
    func errors(json: JSONValue, path: String) {
        let error = #expect(throws: FieldError.self) { try ImportMapping(json: json) }
        #expect(error?.field == path, "\(error?.reason ?? "")")
    }

    @Test("A preset can be the start of a mapping: columns and value maps merge, the rest replaces")
    func presetOverride() throws {
        // action
        let mapping = try ImportMapping(json: [
            "preset": "amocrm-deals",
            "columns": ["ИНН компании": "tax_id"],
            "value_maps": ["stage_name": ["Переговоры": "Price agreed"]],
            "pipeline": "Complex products",
            "time_zone": "UTC",
        ])
        // check
        let preset = try #require(Presets.named("amocrm-deals"))
        #expect(mapping.columns["ИНН компании"] == .field(.taxID))
        #expect(mapping.columns["Бюджет"] == .field(.amount))
        #expect(mapping.valueMaps[.stageName] == ["Переговоры": "Price agreed"])
        #expect(mapping.pipelineName == "Complex products" && mapping.utcOffset == 0)
        #expect(mapping.outcomeRules == preset.mapping.outcomeRules && mapping.emptyValues == preset.mapping.emptyValues)
    }

    @Test("A mapped file uses value maps, custom columns and the unknown-stage policy it was given")
    func mappedSpreadsheet() throws {
        // setup
        let mapping = try ImportMapping(json: [
            "kind": "deals",
            "columns": ["№": "source_id", "Сделка": "title", "Этап": "stage_name", "Сумма": "amount", "Регион": "custom.region", "Дата": "created_at"],
            "value_maps": ["stage_name": ["Оплачено": "Won"]],
            "pipeline": "Complex products",
        ])
        let csv = "№;Сделка;Этап;Сумма;Регион;Дата;Лишнее\n1;Насосы;Оплачено;1 000;Урал;05.03.2024;x\n2;Котлы;КП отправлено;2 000;;06.03.2024;y\n"
        // action
        let file = ImportParser(mapping: mapping, file: "sheet.csv").parse(Array(csv.utf8))
        // check
        #expect(file.report.problems.isEmpty && file.report.unusedColumns == ["Лишнее"])
        #expect(file.deals.map(\.stageName) == ["Won", "КП отправлено"])
        #expect(file.deals.map(\.outcome) == [.won, .open])
        #expect(file.deals[0].custom == ["region": "Урал"] && file.deals[1].custom == [:])
        #expect(file.deals[0].currency == "RUB" && file.deals[0].amount == 100_000)
    }

    @Test("Target fields index arrays by their position in allCases")
    func ordinals() {
        #expect(TargetField.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
    }
}
