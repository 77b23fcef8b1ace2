import VoronkaCore

/// Labels for the codes stored in free-text fields (a company's industry, segment and source): a known code reads in
/// the user's language; anything else, typed by a person or imported, shows as it was stored.
enum CodeLabels {
    static let industries: [String: BilingualText] = [
        "food": BilingualText(en: "Food", ru: "Пищевая промышленность"),
        "chemicals": BilingualText(en: "Chemicals", ru: "Химия"),
        "energy": BilingualText(en: "Energy", ru: "Энергетика"),
        "metallurgy": BilingualText(en: "Metallurgy", ru: "Металлургия"),
        "pharmaceuticals": BilingualText(en: "Pharmaceuticals", ru: "Фармацевтика"),
        "pulp and paper": BilingualText(en: "Pulp and paper", ru: "Целлюлозно-бумажная промышленность"),
        "construction materials": BilingualText(en: "Construction materials", ru: "Строительные материалы"),
        "oil and gas": BilingualText(en: "Oil and gas", ru: "Нефть и газ"),
        "machinery": BilingualText(en: "Machinery", ru: "Машиностроение"),
        "construction": BilingualText(en: "Construction", ru: "Строительство"),
        "logistics": BilingualText(en: "Logistics", ru: "Логистика"),
        "retail": BilingualText(en: "Retail", ru: "Розничная торговля"),
        "finance": BilingualText(en: "Finance", ru: "Финансы"),
        "software": BilingualText(en: "Software", ru: "Программное обеспечение"),
        "medical": BilingualText(en: "Medical", ru: "Медицина"),
        "telecommunications": BilingualText(en: "Telecommunications", ru: "Телекоммуникации"),
        "services": BilingualText(en: "Services", ru: "Услуги"),
        "marketing": BilingualText(en: "Marketing", ru: "Маркетинг"),
        "entertainment": BilingualText(en: "Entertainment", ru: "Развлечения"),
        "employment": BilingualText(en: "Employment", ru: "Кадровые услуги"),
    ]
    static let segments: [String: BilingualText] = [
        "enterprise": BilingualText(en: "Enterprise", ru: "Крупный бизнес"),
        "mid-market": BilingualText(en: "Mid-market", ru: "Средний бизнес"),
        "small": BilingualText(en: "Small business", ru: "Малый бизнес"),
        "large": BilingualText(en: "Large", ru: "Крупный"),
        "medium": BilingualText(en: "Medium", ru: "Средний"),
    ]
    static let sources: [String: BilingualText] = [
        "import": BilingualText(en: "Import", ru: "Импорт"),
        "web_form": BilingualText(en: "Web form", ru: "Форма на сайте"),
        "exhibition": BilingualText(en: "Exhibition", ru: "Выставка"),
        "referral": BilingualText(en: "Referral", ru: "Рекомендация"),
        "cold_call": BilingualText(en: "Cold call", ru: "Холодный звонок"),
        "tender_platform": BilingualText(en: "Tender platform", ru: "Тендерная площадка"),
        "partner": BilingualText(en: "Partner", ru: "Партнёр"),
        "phone": BilingualText(en: "Phone", ru: "Телефон"),
        "email": BilingualText(en: "E-mail", ru: "Электронная почта"),
        "event": BilingualText(en: "Event", ru: "Мероприятие"),
        "outbound": BilingualText(en: "Outbound", ru: "Исходящий поиск"),
        "reactivation": BilingualText(en: "Reactivation", ru: "Реактивация"),
    ]
}

extension Localizer {
    /// A company's industry as the user reads it.
    public func industry(_ code: String?) -> String? { code.map { CodeLabels.industries[$0].map(pick) ?? $0 } }
    /// A company's segment as the user reads it.
    public func segment(_ code: String?) -> String? { code.map { CodeLabels.segments[$0].map(pick) ?? $0 } }
    /// A company's source as the user reads it.
    public func companySource(_ code: String?) -> String? { code.map { CodeLabels.sources[$0].map(pick) ?? $0 } }
}
