/// Column names that usually hold a field, in English and Russian, for proposing a mapping of a header no preset
/// knows. Every preset's own columns count too, so a renamed or trimmed export of a known system still maps.
enum ColumnSynonyms {
    /// Candidate fields by column key (`key(_:)`), best first: a file's kind picks the first candidate it has.
    static let table: [String: [TargetField]] = {
        var out: [String: [TargetField]] = [:]
        func add(_ field: TargetField, _ names: [String]) {
            for name in names {
                let k = key(name)
                if !(out[k]?.contains(field) ?? false) { out[k, default: []].append(field) }
            }
        }
        // The field names themselves (a file written for Voronka, or exported by it).
        for field in TargetField.allCases { add(field, [field.rawValue]) }
        for (field, names) in words { add(field, names) }
        // The presets' columns, after the hand-made words so that those decide between candidates.
        for preset in Presets.all {
            for (column, target) in preset.mapping.columns.sorted(by: { $0.key < $1.key }) {
                if case .field(let field) = target { add(field, [column]) }
            }
        }
        return out
    }()

    /// A column name reduced to lower-case letters and digits ("Deal - Close Date" → "dealclosedate", "ё" → "е").
    static func key(_ name: String) -> String {
        var out = ""
        for scalar in Folding.fold(name).unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// The candidates of a column: its exact key, else those of the longest run of its words that is a known name
    /// ("Opportunity Amount (USD)" → amount, "Deal - Close Date" → closed_at); `partial` tells which. Among runs of
    /// one length, English headers put the noun that matters last ("Opportunity Amount"), Russian ones first
    /// ("Сумма сделки").
    static func candidates(_ column: String) -> (fields: [TargetField], partial: Bool) {
        if let exact = table[key(column)] { return (exact, false) }
        let words = Folding.fold(column).split { !$0.isLetter && !$0.isNumber }.map { key(String($0)) }.filter { !$0.isEmpty }
        guard words.count > 1 else { return ([], true) }
        let cyrillic = column.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        for length in stride(from: words.count - 1, through: 1, by: -1) {
            let starts = Array(0...(words.count - length))
            for start in cyrillic ? starts : starts.reversed() {
                let run = words[start..<start + length].joined()
                if run.count >= 2, let fields = table[run] { return (fields, true) }
            }
        }
        return ([], true)
    }

    /// Field → usual column names. Where one name fits several fields ("name"), it is listed under each, and the
    /// file's kind chooses.
    static let words: [(TargetField, [String])] = [
        (.sourceID, ["id", "record id", "external id", "ид", "идентификатор", "номер", "№", "код"]),
        (.title, ["title", "name", "deal", "deal name", "deal title", "opportunity", "opportunity name", "subject",
                  "название", "название сделки", "наименование", "сделка", "тема"]),
        (.amount, ["amount", "value", "deal value", "sum", "total", "budget", "revenue", "сумма", "бюджет", "стоимость",
                   "сумма сделки"]),
        (.currency, ["currency", "currency code", "валюта"]),
        (.companyName, ["company", "company name", "account", "account name", "organization", "organisation", "client",
                        "customer", "name", "компания", "название компании", "клиент", "организация", "контрагент",
                        "наименование"]),
        (.companySourceID, ["company id", "account id", "organization id", "id компании"]),
        (.taxID, ["tax id", "inn", "vat", "vat number", "vat id", "инн"]),
        (.industry, ["industry", "sector", "отрасль", "сфера деятельности", "сфера"]),
        (.annualRevenue, ["annual revenue", "revenue", "годовой оборот", "оборот", "выручка"]),
        (.headcount, ["employees", "headcount", "number of employees", "staff", "сотрудников", "численность",
                      "количество сотрудников"]),
        (.contactName, ["contact", "contact name", "contact person", "full name", "person", "name", "контакт",
                        "контактное лицо", "фио", "имя", "first name", "last name", "фамилия"]),
        (.email, ["email", "e-mail", "mail", "email address", "электронная почта", "почта", "рабочий email"]),
        (.phone, ["phone", "telephone", "mobile", "phone number", "телефон", "мобильный", "рабочий телефон"]),
        (.position, ["position", "job title", "role", "должность"]),
        (.ownerName, ["owner", "deal owner", "responsible", "assigned to", "sales agent", "sales rep", "salesperson",
                      "manager", "ответственный", "менеджер", "владелец", "исполнитель"]),
        (.managerName, ["manager", "team lead", "head", "руководитель"]),
        (.team, ["team", "office", "regional office", "department", "команда", "отдел", "офис"]),
        (.pipelineName, ["pipeline", "funnel", "sales pipeline", "воронка", "направление"]),
        (.stageName, ["stage", "deal stage", "sales stage", "status", "этап", "стадия", "этап сделки", "статус"]),
        (.status, ["status", "state", "result", "outcome", "won", "is won", "closed won", "статус", "результат", "итог"]),
        (.source, ["source", "lead source", "channel", "origin", "источник", "канал", "источник обращения"]),
        (.requestText, ["request", "message", "comment", "comments", "description", "inquiry", "запрос", "сообщение",
                        "комментарий", "описание", "обращение"]),
        (.leadSourceID, ["lead id", "lead", "id лида", "лид"]),
        (.dealSourceID, ["deal id", "opportunity id", "id сделки", "сделка"]),
        (.receivedAt, ["received", "received at", "date", "lead date", "request date", "created", "created at",
                       "first contact", "first contact date", "date of first contact", "first touch", "first touch date",
                       "дата первого контакта", "дата первого обращения",
                       "create date", "дата", "дата обращения", "дата заявки", "дата создания"]),
        (.createdAt, ["created", "created at", "create date", "created date", "date created", "creation date", "date",
                      "дата создания", "создано", "дата"]),
        (.closedAt, ["closed", "closed at", "close date", "closing date", "closed date", "date closed", "дата закрытия",
                     "закрыта", "дата завершения"]),
        (.wonAt, ["won", "won at", "won date", "date won", "win date", "won on", "дата выигрыша", "дата победы", "выиграна"]),
        (.lostAt, ["lost at", "lost date", "date lost", "lost on", "дата проигрыша", "проиграна"]),
        (.expectedClose, ["expected close", "expected close date", "planned close", "forecast close", "плановая дата закрытия",
                          "ожидаемая дата закрытия", "срок"]),
        (.enteredAt, ["entered", "entered at", "date entered", "changed at", "date", "created date", "дата перехода",
                      "дата изменения", "дата"]),
        (.needText, ["need", "needs", "client need", "pain", "потребность", "описание потребности", "потребность клиента"]),
        (.budgetAmount, ["budget amount", "client budget", "allocated budget", "бюджет клиента", "выделенный бюджет"]),
        (.deadline, ["deadline", "needed by", "дедлайн", "крайний срок", "срок поставки", "нужно к"]),
        (.lostReason, ["lost reason", "loss reason", "reason lost", "closed lost reason", "reason", "причина отказа",
                       "причина проигрыша", "причина"]),
        (.productName, ["product", "product name", "item", "service", "продукт", "товар", "услуга"]),
        (.category, ["category", "series", "product line", "категория", "группа"]),
        (.price, ["price", "list price", "sales price", "unit price", "цена"]),
    ]
}
