import Plot
import VoronkaCore

extension SettingsPage {
    // MARK: Audience rules

    static let builtInFields: [AudienceField] = [.industry, .segment, .source, .annualRevenue, .headcount, .tags]

    static func operatorName(_ name: String, _ t: Localizer) -> String {
        switch name {
        case "greater": t[.setOpGreater]
        case "greater_or_equal": t[.setOpGreaterOrEqual]
        case "less": t[.setOpLess]
        case "less_or_equal": t[.setOpLessOrEqual]
        case "equals": t[.setOpEquals]
        case "one_of": t[.setOpOneOf]
        case "is_true": t[.setOpIsTrue]
        case "is_false": t[.setOpIsFalse]
        case "contains": t[.setOpContains]
        default: name
        }
    }

    static let operatorNames = ["greater", "greater_or_equal", "less", "less_or_equal", "equals", "one_of", "is_true", "is_false", "contains"]

    static func stored(_ rule: AudienceRule) -> [String: String] {
        ["field": rule.field.name, "operator": rule.op.name, "value": rule.op.operand.map(Display.json) ?? "", "label": rule.label ?? "",
         "label_ru": rule.labelRu ?? "", "unit": rule.unit ?? ""]
    }

    static func audience(_ model: Model, _ rules: [AudienceRule], _ custom: [AttributeDefinition], _ t: Localizer) -> Markup {
        let fields = builtInFields.map { ($0.name, t.pick(AudienceRule($0, .isTrue).labelText)) }
            + custom.map { ("custom." + $0.key, t.language == .ru ? ($0.labelRu ?? $0.label) : $0.label) }
        let operators = operatorNames.map { ($0, operatorName($0, t)) }
        let new = FormState("new-rule", model.submission, stored: ["operator": "equals"])
        return .group(
            .p(.class("hint"), .plain(t[.setAudienceHint])),
            .if(rules.isEmpty, .p(.class("empty"), .plain(t[.setNoRules]))),
            .ol(.class("rule-forms"), .each(rules.enumerated()) { index, rule in
                let s = FormState("rule-\(index)", model.submission, stored: stored(rule))
                let sentence = t.pick(rule.labelText) + " " + operatorName(rule.op.name, t).lowercased()
                    + (rule.op.operand.map { " " + Display.json($0) } ?? "")
                return .li(.class("panel"),
                    .h3(.plain(sentence)),
                    ruleForm(model, s, action: model.paths.rule(index), label: t(.setRuleForm, ["rule": sentence]), submit: t[.save],
                             fields: fields, operators: operators, t),
                    .postForm(model.paths.deleteRule(index), csrf: model.shell.csrfToken, class: "inline-form",
                              label: t(.setDeleteRule, ["rule": sentence]),
                              .submit(t[.setDelete], class: "button button-quiet")))
            }),
            addPanel(t[.setAddRule], open: new.refused,
                     ruleForm(model, new, action: model.paths.newRule, label: t[.setAddRule], submit: t[.add], fields: fields,
                              operators: operators, t)))
    }

    static func ruleForm(_ model: Model, _ s: FormState, action: String, label: String, submit: String,
                         fields: [(value: String, label: String)], operators: [(value: String, label: String)], _ t: Localizer) -> Markup {
        form(model, s, action: action, label: label, order: ["field", "operator", "value", "label", "label_ru", "unit"], submit: submit,
             select(s, "field", t[.setRuleField], fields),
             select(s, "operator", t[.setRuleOperator], operators),
             text(s, "value", t[.setRuleValue], hint: t[.setRuleValueHint]),
             text(s, "label", t[.setRuleLabel]),
             text(s, "label_ru", t[.setRuleLabelRu]),
             text(s, "unit", t[.setRuleUnit]))
    }

    // MARK: Catalog

    static func stored(_ p: Product) -> [String: String] {
        ["name": p.name, "category": p.category ?? "", "keywords": p.keywords.joined(separator: ", "), "price": Display.moneyInput(p.price, currency: p.currency),
         "unit_cost": Display.moneyInput(p.unitCost, currency: p.currency), "currency": p.currency, "active": flagValue(p.active)]
    }

    static func catalog(_ model: Model, _ products: [Product], _ t: Localizer) -> Markup {
        let new = FormState("new-product", model.submission, stored: ["currency": "RUB", "active": "true"])
        return .group(
            .p(.class("hint"), .plain(t[.setCatalogHint])),
            .if(products.isEmpty, .p(.class("empty"), .plain(t[.setNoProducts]))),
            .each(products) { p in
                let heading = "product-\(p.id)-heading"
                let price = p.price.map { t.format.money($0, currency: p.currency) } ?? t[.notSet]
                return .section(.class("panel"), .attr("aria-labelledby", heading),
                    .h3(.id(heading), .plain(p.name), .span(.class("muted"), .plain(" · " + price + (p.active ? "" : " · " + t[.setInactive])))),
                    productForm(model, FormState("product-\(p.id)", model.submission, stored: stored(p)), action: model.paths.product(p.id),
                                label: t(.setProductForm, ["product": p.name]), submit: t[.save], t))
            },
            addPanel(t[.setAddProduct], open: new.refused,
                     productForm(model, new, action: model.paths.newProduct, label: t[.setAddProduct], submit: t[.add], t)))
    }

    static func productForm(_ model: Model, _ s: FormState, action: String, label: String, submit: String, _ t: Localizer) -> Markup {
        form(model, s, action: action, label: label, order: ["name", "category", "keywords", "price", "unit_cost", "currency"], submit: submit,
             text(s, "name", t[.name], required: true),
             text(s, "category", t[.setCategory]),
             text(s, "keywords", t[.setKeywords], hint: t[.setKeywordsHint]),
             moneyInput(s, "price", t[.setPrice]),
             moneyInput(s, "unit_cost", t[.setUnitCost]),
             select(s, "currency", t[.currency], Money.currencies.map { ($0, $0) }),
             checkbox(s, "active", t[.setActive]))
    }

    // MARK: Deal economics

    static func economics(_ model: Model, _ settings: EconomicsSettings?, _ currency: String, _ t: Localizer) -> Markup {
        let stored: [String: String] = settings.map {
            ["monthly_costs": Display.moneyInput($0.monthlyCosts), "deals_per_month": $0.dealsPerMonth.map { String($0) } ?? "",
             "fixed_minimum": Display.moneyInput($0.fixedMinimum)]
        } ?? [:]
        let s = FormState("economics", model.submission, stored: stored)
        let minimum = settings?.minimumProfit.map { t.format.money($0, currency: currency) } ?? t[.notSet]
        let sign = t.format.currencySign(currency)
        return .group(
            .p(.class("hint"), .plain(t[.setEconomicsHint])),
            .dl(.class("figures"), .div(.dt(.plain(t[.setMinimumProfit])), .dd(.plain(minimum)))),
            form(model, s, action: model.paths.economics, label: t[.setEconomics], order: ["monthly_costs", "deals_per_month", "fixed_minimum"],
                 submit: t[.save],
                 moneyInput(s, "monthly_costs", t(.setMonthlyCosts, ["currency": sign]), required: true),
                 number(s, "deals_per_month", t[.setDealsPerMonth], min: 1, max: 1_000_000),
                 moneyInput(s, "fixed_minimum", t(.setFixedMinimum, ["currency": sign]), hint: t[.setFixedMinimumHint])))
    }
}
