/// The fields an imported column can fill, named for the user.
extension ImportPage {
    static let fieldNames: [String: T] = [
        "source_id": T(en: "Id in the source system", ru: "Id в исходной системе"),
        "title": T(en: "Deal title", ru: "Название сделки"),
        "amount": T(en: "Amount", ru: "Сумма"),
        "currency": T(en: "Currency", ru: "Валюта"),
        "company_name": T(en: "Company", ru: "Компания"),
        "company_source_id": T(en: "Company id in the source", ru: "Id компании в источнике"),
        "tax_id": T(en: "Tax id (INN)", ru: "ИНН"),
        "industry": T(en: "Industry", ru: "Отрасль"),
        "annual_revenue": T(en: "Annual revenue", ru: "Годовая выручка"),
        "headcount": T(en: "Employees", ru: "Сотрудников"),
        "contact_name": T(en: "Contact name", ru: "Имя контакта"),
        "email": T(en: "Email", ru: "Email"),
        "phone": T(en: "Phone", ru: "Телефон"),
        "position": T(en: "Position", ru: "Должность"),
        "owner_name": T(en: "Owner (responsible)", ru: "Ответственный"),
        "manager_name": T(en: "Manager", ru: "Руководитель"),
        "team": T(en: "Team or office", ru: "Команда или офис"),
        "pipeline_name": T(en: "Pipeline", ru: "Воронка"),
        "stage_name": T(en: "Stage", ru: "Этап"),
        "status": T(en: "Status (won, lost, open)", ru: "Статус (выиграна, проиграна, открыта)"),
        "source": T(en: "Lead source", ru: "Источник"),
        "request_text": T(en: "Request text", ru: "Текст запроса"),
        "lead_source_id": T(en: "Lead id in the source", ru: "Id лида в источнике"),
        "deal_source_id": T(en: "Deal id in the source", ru: "Id сделки в источнике"),
        "received_at": T(en: "Received at", ru: "Дата обращения"),
        "created_at": T(en: "Created at", ru: "Дата создания"),
        "closed_at": T(en: "Closed at", ru: "Дата закрытия"),
        "expected_close": T(en: "Expected close", ru: "Ожидаемое закрытие"),
        "entered_at": T(en: "Entered the stage at", ru: "Дата перехода на этап"),
        "lost_reason": T(en: "Lost reason", ru: "Причина проигрыша"),
        "product_name": T(en: "Product", ru: "Продукт"),
        "category": T(en: "Category", ru: "Категория"),
        "price": T(en: "Price", ru: "Цена"),
        "need_text": T(en: "Client's need", ru: "Потребность клиента"),
        "budget_amount": T(en: "Client's budget", ru: "Бюджет клиента"),
        "deadline": T(en: "Deadline", ru: "Крайний срок"),
    ]

    /// A field's name in the user's language (the field's own name when it has none).
    static func fieldName(_ field: String, _ t: Localizer) -> String {
        fieldNames[field].map(t.pick) ?? field
    }
}
