import VoronkaCore
/// The demo seller's catalog and the words its people write: requests, reasons, meeting protocols.
enum DemoTexts {
    struct CatalogItem: Sendable {
        let name: String
        let short: String
        let category: String
        let keywords: [String]
        /// Roubles.
        let price: Int64
        let unitCost: Int64
        /// Engineering and service work goes to the professional services pipeline.
        let isService: Bool
        /// How a client asks for it.
        let request: String
    }

    static let catalog: [CatalogItem] = [
        .init(name: "Паровой котёл ПК-2 (2 т/ч, газ)", short: "Паровой котёл ПК-2", category: "Steam boilers",
              keywords: ["boiler", "steam boiler", "steam", "котел", "котёл", "паровой котел", "пар"], price: 4_800_000, unitCost: 3_400_000,
              isService: false, request: "паровой котёл на 2 т/ч"),
        .init(name: "Паровой котёл ПК-10 (10 т/ч, газ/мазут)", short: "Паровой котёл ПК-10", category: "Steam boilers",
              keywords: ["boiler", "steam boiler", "steam", "котел", "котёл", "паровой котел", "пар", "мазут"], price: 14_500_000, unitCost: 10_700_000,
              isService: false, request: "паровой котёл на 10 т/ч"),
        .init(name: "Водогрейный котёл ВК-3 (3 МВт)", short: "Водогрейный котёл ВК-3", category: "Hot-water boilers",
              keywords: ["boiler", "hot water", "heating", "котел", "водогрейный", "отопление"], price: 3_900_000, unitCost: 2_800_000,
              isService: false, request: "водогрейный котёл 3 МВт"),
        .init(name: "Блочно-модульная котельная БМК-5", short: "Котельная БМК-5", category: "Boiler houses",
              keywords: ["boiler house", "modular", "steam", "котельная", "модульная котельная", "БМК", "пар"], price: 28_000_000, unitCost: 21_500_000,
              isService: false, request: "блочно-модульная котельная"),
        .init(name: "Пластинчатый теплообменник ПТО-150", short: "Теплообменник ПТО-150", category: "Heat exchangers",
              keywords: ["heat exchanger", "plate", "теплообменник", "пластинчатый", "ПТО"], price: 650_000, unitCost: 430_000,
              isService: false, request: "пластинчатый теплообменник"),
        .init(name: "Кожухотрубный теплообменник КТО-300", short: "Теплообменник КТО-300", category: "Heat exchangers",
              keywords: ["heat exchanger", "shell and tube", "теплообменник", "кожухотрубный"], price: 1_200_000, unitCost: 820_000,
              isService: false, request: "кожухотрубный теплообменник"),
        .init(name: "Центробежный насос ЦН-100", short: "Насос ЦН-100", category: "Pumps",
              keywords: ["pump", "centrifugal pump", "насос", "центробежный"], price: 320_000, unitCost: 210_000,
              isService: false, request: "центробежные насосы"),
        .init(name: "Питательный насос ПН-40", short: "Питательный насос ПН-40", category: "Pumps",
              keywords: ["pump", "feed pump", "boiler", "насос", "питательный насос", "котел"], price: 540_000, unitCost: 360_000,
              isService: false, request: "питательный насос для котла"),
        .init(name: "Деаэратор ДА-25", short: "Деаэратор ДА-25", category: "Water treatment",
              keywords: ["deaerator", "feed water", "steam", "деаэратор", "питательная вода", "пар"], price: 1_900_000, unitCost: 1_350_000,
              isService: false, request: "деаэратор на 25 т/ч"),
        .init(name: "Установка водоподготовки ХВО-10", short: "Водоподготовка ХВО-10", category: "Water treatment",
              keywords: ["water treatment", "softening", "водоподготовка", "ХВО", "умягчение"], price: 2_400_000, unitCost: 1_650_000,
              isService: false, request: "установка водоподготовки"),
        .init(name: "АСУ ТП котельной", short: "АСУ ТП котельной", category: "Automation",
              keywords: ["automation", "SCADA", "control system", "автоматизация", "АСУ ТП", "диспетчеризация"], price: 3_500_000, unitCost: 2_300_000,
              isService: false, request: "автоматизация котельной"),
        .init(name: "Шкаф управления насосами ШУН", short: "Шкаф управления ШУН", category: "Automation",
              keywords: ["control cabinet", "pump control", "automation", "шкаф управления", "автоматика", "насос"], price: 420_000, unitCost: 270_000,
              isService: false, request: "шкаф управления насосами"),
        .init(name: "Проектирование котельной", short: "Проект котельной", category: "Engineering services",
              keywords: ["design", "engineering", "project", "проектирование", "проект", "котельная"], price: 1_800_000, unitCost: 1_100_000,
              isService: true, request: "проект реконструкции котельной"),
        .init(name: "Пусконаладочные работы", short: "Пусконаладка", category: "Engineering services",
              keywords: ["commissioning", "start-up", "пусконаладка", "ПНР", "наладка"], price: 650_000, unitCost: 420_000,
              isService: true, request: "пусконаладочные работы"),
        .init(name: "Сервисное обслуживание котельной (год)", short: "Сервисное обслуживание", category: "Service",
              keywords: ["service", "maintenance", "сервис", "обслуживание", "ремонт", "котельная"], price: 900_000, unitCost: 560_000,
              isService: true, request: "годовое сервисное обслуживание котельной"),
        .init(name: "Режимно-наладочные испытания котлов", short: "Режимная наладка", category: "Engineering services",
              keywords: ["tuning", "efficiency", "boiler", "режимная наладка", "режимная карта", "котел"], price: 280_000, unitCost: 150_000,
              isService: true, request: "режимно-наладочные испытания котлов"),
    ]

    static let equipment = catalog.indices.filter { !catalog[$0].isService }
    static let services = catalog.indices.filter { catalog[$0].isService }

    static let requestOpenings = ["Просим подготовить КП: ", "Интересует ", "Нужна цена на ", "Требуется ", "Прошу рассчитать ",
                                  "Рассматриваем ", "Ищем поставщика: "]
    static let requestEndings = ["", ". Срок — до конца квартала.", ". Бюджет на следующий год.", ". Есть ТЗ, пришлём по запросу.",
                                 ". Нужна поставка с монтажом.", ". Срочно, текущее оборудование выходит из строя.",
                                 ". Закупка через тендер.", ". Просим перезвонить главному инженеру."]
    static let junkRequests = ["Ищу работу инженером-теплотехником", "Предлагаем услуги продвижения сайтов",
                               "Нужен котёл для частного дома", "Сколько стоит газовая колонка?", "Продаём б/у котлы, интересно?",
                               "Тест формы", "Хотим стать вашим дилером в регионе"]

    static let nurtureReasons = ["Проект на следующий год", "Нет бюджета в этом году", "Собирают предложения для бюджета",
                                 "Ждут решения собственника", "Сначала проектирование, потом закупка"]
    static let junkReasons = ["Нецелевой запрос", "Частное лицо", "Спам", "Дубль заявки", "Конкурент", "Нет связи с клиентом"]
    static let lostReasons = ["Выбрали конкурента по цене", "Проект отменён заказчиком", "Не прошли по техническим требованиям",
                              "Проиграли тендер", "Нет бюджета", "Не устроили сроки поставки", "Заказчик перестал отвечать",
                              "Решили ремонтировать старое оборудование"]
    static let belowMinimum = "Ниже минимальной экономики сделки"
    static let overrideReasons = ["Устная договорённость с директором", "Конкурент снялся с тендера", "Заказчик заморозил проект"]

    static let needOpenings = ["Замена изношенного оборудования", "Рост производства, не хватает мощности",
                               "Требование надзора по безопасности", "Снижение затрат на топливо", "Новый цех"]
    static let meetingTopics = ["технические параметры и режимы работы", "состав поставки и сроки", "коммерческое предложение и скидку",
                                "условия оплаты и гарантию", "результаты обследования котельной", "требования тендерной документации"]
    static let nextSteps = ["подготовить уточнённое КП", "выслать опросный лист", "организовать визит на референс-объект",
                            "согласовать ТЗ с главным инженером", "передать договор на согласование юристам", "провести обследование объекта"]
    static let callSubjects = ["Звонок: уточнение параметров", "Звонок: статус решения", "Звонок: условия оплаты", "Звонок: сроки поставки"]
    static let taskSubjects = ["Подготовить КП", "Выслать опросный лист", "Согласовать ТЗ", "Отправить договор", "Запросить реквизиты"]

    static let dealTags = ["urgent", "modernization", "new_plant", "export", "framework"]
}
