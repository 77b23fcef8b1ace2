import VoronkaCore
/// Names of people and companies for the demo: each in Russian and in Latin transliteration (for emails and domains).
enum DemoVocabulary {
    struct Word: Sendable {
        let ru: String
        let latin: String
        /// The Latin form capitalised ("Ural").
        let title: String
        init(_ ru: String, _ latin: String) { self.ru = ru; self.latin = latin; title = latin.prefix(1).uppercased() + latin.dropFirst() }
    }

    static let maleFirstNames: [Word] = [
        .init("Алексей", "aleksey"), .init("Андрей", "andrey"), .init("Дмитрий", "dmitry"), .init("Сергей", "sergey"),
        .init("Михаил", "mikhail"), .init("Иван", "ivan"), .init("Николай", "nikolay"), .init("Павел", "pavel"),
        .init("Евгений", "evgeny"), .init("Игорь", "igor"), .init("Олег", "oleg"), .init("Владимир", "vladimir"),
        .init("Артём", "artem"), .init("Роман", "roman"), .init("Константин", "konstantin"), .init("Максим", "maksim"),
        .init("Виктор", "viktor"), .init("Денис", "denis"), .init("Юрий", "yury"), .init("Кирилл", "kirill"),
        .init("Антон", "anton"), .init("Григорий", "grigory"), .init("Илья", "ilya"), .init("Станислав", "stanislav"),
    ]

    static let femaleFirstNames: [Word] = [
        .init("Елена", "elena"), .init("Ольга", "olga"), .init("Наталья", "natalya"), .init("Ирина", "irina"),
        .init("Татьяна", "tatyana"), .init("Анна", "anna"), .init("Мария", "maria"), .init("Светлана", "svetlana"),
        .init("Екатерина", "ekaterina"), .init("Юлия", "yulia"), .init("Марина", "marina"), .init("Ксения", "ksenia"),
        .init("Дарья", "darya"), .init("Алина", "alina"), .init("Вера", "vera"), .init("Галина", "galina"),
    ]

    /// Surnames in the masculine form; the feminine adds "а" / "a" (all end in -ов, -ев or -ин).
    static let lastNames: [Word] = [
        .init("Иванов", "ivanov"), .init("Смирнов", "smirnov"), .init("Кузнецов", "kuznetsov"), .init("Попов", "popov"),
        .init("Васильев", "vasiliev"), .init("Петров", "petrov"), .init("Соколов", "sokolov"), .init("Михайлов", "mikhailov"),
        .init("Новиков", "novikov"), .init("Фёдоров", "fedorov"), .init("Морозов", "morozov"), .init("Волков", "volkov"),
        .init("Алексеев", "alekseev"), .init("Лебедев", "lebedev"), .init("Семёнов", "semenov"), .init("Егоров", "egorov"),
        .init("Павлов", "pavlov"), .init("Козлов", "kozlov"), .init("Степанов", "stepanov"), .init("Николаев", "nikolaev"),
        .init("Орлов", "orlov"), .init("Андреев", "andreev"), .init("Макаров", "makarov"), .init("Никитин", "nikitin"),
        .init("Захаров", "zakharov"), .init("Зайцев", "zaitsev"), .init("Соловьёв", "soloviev"), .init("Борисов", "borisov"),
        .init("Яковлев", "yakovlev"), .init("Григорьев", "grigoriev"), .init("Романов", "romanov"), .init("Воробьёв", "vorobiev"),
        .init("Сергеев", "sergeev"), .init("Кузьмин", "kuzmin"), .init("Фролов", "frolov"), .init("Александров", "aleksandrov"),
        .init("Дмитриев", "dmitriev"), .init("Королёв", "korolev"), .init("Гусев", "gusev"), .init("Киселёв", "kiselev"),
        .init("Ильин", "ilyin"), .init("Максимов", "maksimov"), .init("Поляков", "polyakov"), .init("Сорокин", "sorokin"),
        .init("Виноградов", "vinogradov"), .init("Ковалёв", "kovalev"), .init("Белов", "belov"), .init("Медведев", "medvedev"),
        .init("Антонов", "antonov"), .init("Тарасов", "tarasov"), .init("Жуков", "zhukov"), .init("Баранов", "baranov"),
        .init("Филиппов", "filippov"), .init("Комаров", "komarov"), .init("Давыдов", "davydov"), .init("Беляев", "belyaev"),
        .init("Герасимов", "gerasimov"), .init("Богданов", "bogdanov"), .init("Осипов", "osipov"), .init("Сидоров", "sidorov"),
        .init("Матвеев", "matveev"), .init("Титов", "titov"), .init("Марков", "markov"), .init("Миронов", "mironov"),
        .init("Крылов", "krylov"), .init("Куликов", "kulikov"), .init("Карпов", "karpov"), .init("Власов", "vlasov"),
        .init("Мельников", "melnikov"), .init("Денисов", "denisov"),
    ]

    /// A person's name in Russian ("Елена Смирнова") and the Latin parts of it ("elena", "smirnova").
    static func person(_ rng: inout SplitMix64) -> (name: String, first: String, last: String) {
        let female = rng.chance(0.4)
        let first = female ? rng.pick(femaleFirstNames) : rng.pick(maleFirstNames)
        let last = rng.pick(lastNames)
        return female ? (first.ru + " " + last.ru + "а", first.latin, last.latin + "a") : (first.ru + " " + last.ru, first.latin, last.latin)
    }

    // MARK: Companies

    static let legalForms = ["ООО", "ООО", "ООО", "ООО", "ООО", "ООО", "АО", "АО", "ПАО", "ЗАО"]
    static let latinLegalForms = ["LLC", "LLC", "JSC"]

    static let roots: [Word] = [
        .init("Север", "sever"), .init("Урал", "ural"), .init("Волга", "volga"), .init("Сибирь", "sibir"),
        .init("Балтика", "baltika"), .init("Кама", "kama"), .init("Ангара", "angara"), .init("Енисей", "enisey"),
        .init("Дон", "don"), .init("Ока", "oka"), .init("Алтай", "altai"), .init("Байкал", "baikal"),
        .init("Ладога", "ladoga"), .init("Нева", "neva"), .init("Печора", "pechora"), .init("Вятка", "vyatka"),
        .init("Кубань", "kuban"), .init("Ямал", "yamal"), .init("Таймыр", "taimyr"), .init("Заря", "zarya"),
        .init("Восток", "vostok"), .init("Прогресс", "progress"), .init("Рассвет", "rassvet"), .init("Искра", "iskra"),
        .init("Кристалл", "kristall"), .init("Меридиан", "meridian"), .init("Гранит", "granit"), .init("Малахит", "malakhit"),
        .init("Сокол", "sokol"), .init("Атлант", "atlant"), .init("Титан", "titan"), .init("Вектор", "vektor"),
        .init("Гелиос", "gelios"), .init("Орион", "orion"), .init("Базис", "bazis"), .init("Стандарт", "standart"),
        .init("Европа", "evropa"), .init("Тайга", "taiga"), .init("Онега", "onega"), .init("Иртыш", "irtysh"),
        .init("Сура", "sura"), .init("Самара", "samara"), .init("Томь", "tom"), .init("Обь", "ob"),
        .init("Бирюса", "biryusa"), .init("Амур", "amur"), .init("Селенга", "selenga"), .init("Вега", "vega"),
        .init("Полярис", "polaris"), .init("Альтаир", "altair"), .init("Зенит", "zenit"), .init("Импульс", "impuls"),
        .init("Синтез", "sintez"), .init("Мега", "mega"), .init("Регион", "region"), .init("Центр", "tsentr"),
        .init("Южный", "yuzhny"), .init("Северный", "severny"), .init("Новый", "novy"), .init("Русский", "russky"),
    ]

    /// The industries of the demo's clients and the name endings that go with each.
    static let industries: [(name: String, suffixes: [Word])] = [
        ("food", [.init("Молоко", "moloko"), .init("Мясопродукт", "myasoprodukt"), .init("Хлеб", "khleb"), .init("Агро", "agro"),
                  .init("Сахар", "sakhar"), .init("Консерв", "konserv")]),
        ("chemicals", [.init("Химпром", "khimprom"), .init("Полимер", "polimer"), .init("Азот", "azot"), .init("Лак", "lak"),
                       .init("Синтезхим", "sintezkhim"), .init("Пласт", "plast")]),
        ("energy", [.init("Энерго", "energo"), .init("Теплосеть", "teploset"), .init("ТЭЦ", "tec"), .init("Генерация", "generatsiya"),
                    .init("Тепло", "teplo"), .init("Коммунэнерго", "kommunenergo")]),
        ("metallurgy", [.init("Сталь", "stal"), .init("Металл", "metall"), .init("Прокат", "prokat"), .init("Литьё", "litie"),
                        .init("Метиз", "metiz"), .init("Трубпром", "trubprom")]),
        ("pulp and paper", [.init("Бумага", "bumaga"), .init("Картон", "karton"), .init("Целлюлоза", "cellyuloza"),
                            .init("Лес", "les"), .init("Упаковка", "upakovka"), .init("Гофра", "gofra")]),
        ("pharmaceuticals", [.init("Фарм", "farm"), .init("Биотех", "biotekh"), .init("Медпрепараты", "medpreparaty"),
                             .init("Фармсинтез", "farmsintez"), .init("Витамины", "vitaminy"), .init("Биохим", "biokhim")]),
        ("construction materials", [.init("Бетон", "beton"), .init("Цемент", "tsement"), .init("Кирпич", "kirpich"),
                                    .init("Стройматериалы", "stroymaterialy"), .init("Гипс", "gips"), .init("Керамика", "keramika")]),
        ("oil and gas", [.init("Нефть", "neft"), .init("Газ", "gaz"), .init("Нефтехим", "neftekhim"), .init("Нефтесервис", "nefteservis"),
                         .init("Газпереработка", "gazpererabotka"), .init("Битум", "bitum")]),
    ]

    static let tails: [Word] = [
        .init("", ""), .init("", ""), .init(" Сервис", "-servis"), .init(" Трейд", "-treid"), .init(" Плюс", "-plus"),
        .init(" Холдинг", "-holding"), .init(" Инжиниринг", "-engineering"), .init(" Групп", "-group"), .init(" Комплекс", "-kompleks"),
        .init(" Завод", "-zavod"), .init(" Регион", "-region"), .init(" Производство", "-proizvodstvo"),
    ]

    static let cities = ["Москва", "Санкт-Петербург", "Екатеринбург", "Казань", "Нижний Новгород", "Челябинск", "Самара", "Уфа",
                         "Пермь", "Красноярск", "Новосибирск", "Омск", "Воронеж", "Ярославль", "Тюмень", "Липецк", "Череповец",
                         "Белгород", "Кемерово", "Архангельск"]
    /// Tax office region codes: the first two digits of a legal entity's INN.
    static let regionCodes = [77, 78, 66, 16, 52, 74, 63, 2, 59, 24, 54, 55, 36, 76, 72, 48, 35, 31, 42, 29]

    static let segments = ["enterprise", "mid-market", "small"]
    static let companySources = ["import", "web_form", "exhibition", "referral", "cold_call", "tender_platform", "partner"]
    static let companyTags = ["key_account", "holding", "state_owned", "tender_only", "export", "new_plant", "modernization", "price_sensitive"]
    static let companyNotes = [
        "Котельная 2×10 т/ч, оборудование 1998 года, планируют модернизацию.",
        "Работают только через тендерную площадку, 223-ФЗ.",
        "Решения принимает управляющая компания холдинга.",
        "Собственная ТЭЦ, интересуются автоматизацией.",
        "Строят новый цех, пар нужен с 2-го квартала.",
        "Сезонное производство: пик нагрузки осенью.",
    ]

    /// Positions at a client and the parts they play in buying.
    static let positions: [(title: String, roles: [BuyingRole])] = [
        ("Главный инженер", [.technical, .decisionMaker]),
        ("Главный энергетик", [.technical]),
        ("Генеральный директор", [.decisionMaker, .economicBuyer]),
        ("Начальник котельной", [.user]),
        ("Специалист отдела закупок", [.procurementOnly]),
        ("Финансовый директор", [.economicBuyer]),
        ("Технический директор", [.technical, .decisionMaker]),
        ("Инженер-теплотехник", [.technical, .user]),
        ("Руководитель службы снабжения", [.procurementOnly, .economicBuyer]),
        ("Энергетик цеха", [.user]),
    ]
    static let mailDomains = ["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru"]
}

extension DemoVocabulary {
    /// Digits of `value`, left-padded with zeros to `width` (no String(format:) in hot loops).
    static func digits(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// A Russian mobile number such as "+7 912 345-67-89".
    static func phone(_ rng: inout SplitMix64) -> String {
        "+7 9" + digits(rng.below(100), width: 2) + " " + digits(rng.below(1000), width: 3) + "-"
            + digits(rng.below(100), width: 2) + "-" + digits(rng.below(100), width: 2)
    }

    /// A 10-digit INN of a legal entity with a valid check digit; distinct `serial`s (below 10⁷) give distinct INNs.
    static func inn(region: Int, serial: Int) -> String {
        let body = digits(region, width: 2) + digits(serial % 10_000_000, width: 7)
        let weights = [2, 4, 10, 3, 5, 9, 4, 6, 8]
        var sum = 0
        for (i, c) in body.utf8.enumerated() { sum += Int(c - 48) * weights[i] }
        return body + String(sum % 11 % 10)
    }
}
