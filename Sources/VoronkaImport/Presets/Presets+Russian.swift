import VoronkaCore

/// Bitrix24 and amoCRM, whose exports have Russian headers, Moscow times and dd.MM.yyyy dates.
extension Presets {
    /// Moscow time, in which Russian CRMs write their exports unless the portal says otherwise.
    static let moscow = 3 * 3600

    /// Bitrix24's currency names as its export writes them.
    static let bitrixCurrencies = [
        "Российский рубль": "RUB", "Рубль": "RUB", "Доллар США": "USD", "Евро": "EUR", "Белорусский рубль": "BYN",
        "Гривна": "UAH", "Тенге": "KZT", "Юань": "CNY", "Китайский юань": "CNY",
    ]

    /// Bitrix24's standard lead sources.
    static let bitrixSources = [
        "Звонок": "phone", "Обратный звонок": "phone", "Электронная почта": "email", "Веб-сайт": "web_form",
        "CRM-форма": "web_form", "По рекомендации": "referral", "Выставка": "event", "Существующий клиент": "reactivation",
        // Advertising, online chat and "other" stay channels of their own (channels are an open list).
    ]

    /// Bitrix24 deals: "Экспорт в CSV" of the deal list (semicolons, often Windows-1251).
    static let bitrix24Deals = Preset(
        id: "bitrix24-deals", title: "Bitrix24 deals",
        signature: ["ID", "Название сделки", "Стадия сделки"],
        mapping: ImportMapping(
            kind: .deals,
            columns: ImportMapping.columns([
                "ID": "source_id", "Название сделки": "title", "Стадия сделки": "stage_name", "Воронка": "pipeline_name",
                "Направление": "pipeline_name", "Сумма": "amount", "Валюта": "currency", "Компания": "company_name",
                "ИНН": "tax_id", "Контакт": "contact_name", "Ответственный": "owner_name", "Дата создания": "created_at",
                "Дата завершения": "closed_at", "Источник": "source", "Дополнительно об источнике": "custom.source_details",
                "Лид": "lead_source_id", "Тип": "custom.type", "Комментарий": "custom.comment",
                "Сделка закрыта": "status", "Причина отказа": "lost_reason", "Товар": "product_name",
                "Дата изменения": "ignore", "Вероятность": "ignore", "Дата начала": "ignore",
                "Кем создана": "ignore", "Кем изменена": "ignore", "Доступна для всех": "ignore",
            ]),
            valueMaps: [.currency: bitrixCurrencies, .source: bitrixSources],
            dateFormat: .dayMonthYear, utcOffset: moscow, currency: "RUB",
            outcomeRules: [
                .field(.stageName, equals: ["Сделка успешна", "Успешно", "Успешная сделка"], then: .won),
                .field(.stageName, equals: ["Сделка провалена", "Провалена", "Анализ причины провала"], then: .lost),
                .column("Сделка закрыта", isTrue: .lost),
            ]))

    /// Bitrix24 leads: the lead list export, into Voronka's lead funnel.
    static let bitrix24Leads = Preset(
        id: "bitrix24-leads", title: "Bitrix24 leads",
        signature: ["ID", "Название лида", "Статус"],
        mapping: ImportMapping(
            kind: .leads,
            columns: ImportMapping.columns([
                "ID": "source_id", "Название лида": "request_text", "Комментарий": "request_text", "Статус": "stage_name",
                "Дополнительно о статусе": "lost_reason", "Источник": "source", "Дополнительно об источнике": "custom.source_details",
                "Имя": "contact_name", "Отчество": "contact_name", "Фамилия": "contact_name",
                "Название компании": "company_name", "Должность": "custom.position",
                "Рабочий телефон": "phone", "Мобильный телефон": "phone", "Телефон": "phone",
                "Рабочий e-mail": "email", "Частный e-mail": "email", "E-mail": "email",
                "Ответственный": "owner_name", "Дата создания": "received_at", "Сделка": "deal_source_id",
                "Сумма": "custom.amount", "Валюта": "ignore", "Дата изменения": "ignore", "Кем создан": "ignore",
                "Кем изменен": "ignore", "Доступен для всех": "ignore",
            ]),
            valueMaps: [
                .source: bitrixSources,
                .stageName: [
                    "Не обработан": "New", "Новый": "New", "В работе": "In work", "Обработан": "In work",
                    "Качественный лид": "Qualified", "Сконвертирован": "Qualified", "Некачественный лид": "Junk",
                ],
            ],
            dateFormat: .dayMonthYear, utcOffset: moscow, currency: "RUB", pipelineName: DefaultPipelines.leadFunnel,
            outcomeRules: [
                .field(.stageName, equals: ["Качественный лид", "Сконвертирован"], then: .won),
                .field(.stageName, equals: ["Некачественный лид"], then: .lost),
            ]))

    /// amoCRM deals: the "Экспорт" of the deal list; 'не закрыта' in "Дата закрытия" means still open.
    static let amoCRMDeals = Preset(
        id: "amocrm-deals", title: "amoCRM deals",
        signature: ["ID", "Название сделки", "Бюджет", "Этап сделки"],
        mapping: ImportMapping(
            kind: .deals,
            columns: ImportMapping.columns([
                "ID": "source_id", "Название сделки": "title", "Бюджет": "amount", "Ответственный": "owner_name",
                "Этап сделки": "stage_name", "Воронка": "pipeline_name", "Дата создания": "created_at",
                "Дата закрытия": "closed_at", "Компания": "company_name", "Контакт": "contact_name",
                "Основной контакт": "contact_name", "Полное имя контакта": "contact_name",
                "Рабочий телефон (контакт)": "phone", "Мобильный телефон (контакт)": "phone",
                "Рабочий email (контакт)": "email", "Личный email (контакт)": "email",
                "Причина отказа": "lost_reason", "Источник": "source", "Теги": "custom.tags", "Примечание": "custom.note",
                "Кем создана": "ignore", "Дата редактирования": "ignore", "Кем редактирована": "ignore",
            ]),
            valueMaps: [.source: bitrixSources],
            emptyValues: ["-", "не закрыта"],
            dateFormat: .dayMonthYear, utcOffset: moscow, currency: "RUB",
            outcomeRules: [
                .field(.stageName, equals: ["Успешно реализовано"], then: .won),
                .field(.stageName, equals: ["Закрыто и не реализовано"], then: .lost),
            ]))
}
