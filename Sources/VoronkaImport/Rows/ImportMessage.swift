import VoronkaCore

/// What an import says about a row or a file, in either language: an English template with numbered slots ("{0}")
/// and the values that fill them. A slot holding a field or a kind of record reads as that field's or kind's name in
/// the language asked for. Every template has its Russian in `russian`; a test holds the two lists together.
public struct ImportMessage: Hashable, Sendable {
    public enum Argument: Hashable, Sendable {
        /// Shown as written (a value, a number, a file and line).
        case text(String)
        /// A target field ("stage_name"), shown by its label.
        case field(String)
        /// A kind of record ("deal", "deals"), shown by its name.
        case kind(String)
        /// A row's whole problem: where, the column, the value and what is wrong.
        indirect case row(RowProblem)
    }

    /// A row's problem as one message.
    public static func row(_ problem: RowProblem) -> ImportMessage { ImportMessage("{0}", .row(problem)) }

    public let template: String
    public let arguments: [Argument]

    public init(_ template: String, _ arguments: Argument...) {
        self.template = template; self.arguments = arguments
    }

    /// The message in English (what the API, the CLI and the logs show).
    public var english: String { text(.en) }

    /// The message in a language; a template without a translation stays English.
    public func text(_ language: Language) -> String {
        var out = language == .ru ? (Self.russian[template] ?? template) : template
        for (i, argument) in arguments.enumerated() {
            let value: String = switch argument {
            case .text(let s): s
            case .field(let f): language == .ru ? (ImportLabels.fields[f]?.ru ?? f) : f
            case .kind(let k): language == .ru ? (ImportLabels.kinds[k] ?? k) : k
            case .row(let problem): problem.description(in: language)
            }
            out = out.replacingOccurrences(of: "{\(i)}", with: value)
        }
        return out
    }

    /// The Russian of every template, keyed by the English.
    public static let russian: [String: String] = [
        // Rows and files
        "{0}": "{0}",
        "{0}: deal {1} names stage “{2}”, which this import rejects; left out": "{0}: сделка {1} указывает этап «{2}», который этот импорт отклоняет; не импортирована",
        "{0}: deal {1} names stage “{2}”, unknown in pipeline {3}; left out": "{0}: сделка {1} указывает этап «{2}», которого нет в воронке «{3}»; не импортирована",
        "{0}: deal {1} is {2}, and pipeline {3} has no {2} stage; left out": "{0}: сделка {1} — «{2}», а в воронке «{3}» нет такого этапа; не импортирована",
        "{0}: lead {1} is in stage “{2}”, which this import rejects; left out": "{0}: лид {1} на этапе «{2}», который этот импорт отклоняет; не импортирован",
        "{0}: deal {1} names lead {2}, which neither this import nor an earlier one of this system has; kept without its lead": "{0}: сделка {1} ссылается на лид {2}, которого нет ни в этом, ни в прежних импортах из этой системы; сделка импортирована без лида",
        "{0}: companies named by the source's id only: {1} ({2}…); neither this import nor an earlier one of this system has them, so a company called by its id is made for each (import the companies file to name them)": "{0}: компаний, указанных только своим id в исходной системе: {1} ({2}…); их нет ни в этом, ни в прежних импортах из этой системы, и для каждой создана компания с этим id вместо названия (импортируйте файл компаний, чтобы назвать их)",
        "{0}: no lead pipeline to put lead {1} in; left out": "{0}: нет воронки лидов для лида {1}; не импортирован",
        "{0} {1}: its record {2} was deleted in Voronka; left deleted": "{0} {1}: запись {2} удалена в Воронке и остаётся удалённой",
        "{0}: stage “{1}” is not in pipeline {2}; its rows are left out (unknown_stages: reject)": "{0}: этапа «{1}» нет в воронке «{2}»; его строки не импортированы (неизвестные этапы отклоняются)",
        "names lead {0}, which no leads file of this import has": "ссылается на лид {0}, которого нет ни в одном файле лидов этого импорта",
        "repeats {0} {1} of {2}; this later row is kept": "повторяет запись «{0}» {1} из {2}; оставлена эта, более поздняя строка",
        "names deal {0}, which no deals file of this import has; the deal's history rows are left out (import them with their deal)": "ссылается на сделку {0}, которой нет ни в одном файле сделок этого импорта; история этой сделки не импортирована (импортируйте её вместе со сделкой)",
        "{0}: the stage history of deal {1} is left out: history is written with its deal, and no deals file of this import has it": "{0}: история этапов сделки {1} не импортирована: история записывается вместе со сделкой, а в этом импорте нет файла сделок с ней",
        "no preset matches this header; give a mapping (--preset or a mapping file)": "заголовок не подходит ни к одному шаблону; задайте сопоставление столбцов",
        "has {0} fields where the header has {1}": "полей в строке: {0}, а в заголовке: {1}",
        "a quoted field opened on this line is not closed before the end of the file; the rest of the file was not read": "кавычка, открытая в этой строке, не закрыта до конца файла; остаток файла не прочитан",
        "a quoted field here runs over {0} lines, {1} of them shaped like rows of their own: a quote is probably not closed (the record is left out; close the quote and import again)": "поле в кавычках занимает здесь строк: {0}, и из них {1} похожи на отдельные записи: вероятно, кавычка не закрыта (запись не импортирована; закройте кавычку и импортируйте снова)",
        "is empty, and every lead needs the time it was received": "пусто, а у каждого лида должно быть время поступления",
        "is empty, and every stage event needs the time": "пусто, а у каждого перехода по этапам должно быть время",
        "is empty, and every {0} row needs {1}": "пусто, а в каждой строке «{0}» должно быть поле «{1}»",
        "is filled, but the outcome rule “{0}” leaves the deal open; correct one of them": "заполнено, но правило исхода «{0}» оставляет сделку открытой; исправьте одно из двух",
        "is filled, but the deal's stage “{0}” is open; correct one of them": "заполнено, но этап сделки «{0}» открытый; исправьте одно из двух",
        "no column is mapped to {0}: each row's outcome places it (won or lost stage, else the pipeline's first open stage)": "ни один столбец не сопоставлен полю «{0}»: этап каждой строки выбирается по её исходу (этап выигрыша или проигрыша, иначе первый открытый этап воронки)",
        "is outside what {0} takes: {1} to {2}": "вне допустимого для поля «{0}»: от {1} до {2}",
        "is negative": "отрицательное число",
        "is too large for an amount": "слишком большое для суммы",
        "has more decimals than {0} takes ({1})": "больше знаков после запятой, чем допускает {0} ({1})",
        "is not a known currency code (ISO 4217, such as RUB, USD, EUR, JPY)": "неизвестный код валюты (ISO 4217, например RUB, USD, EUR, JPY)",
        "is left out by the outcome rules": "не учтена по правилам исхода",
        "matches the outcome rule “{0}”": "подходит под правило исхода «{0}»",
        "is empty; the id is what makes a repeated import update instead of duplicate": "пусто; по этому id повторный импорт обновляет запись, а не создаёт дубль",
        "no column is mapped to {0}, which every {1} row needs; nothing was read from this file": "ни один столбец не сопоставлен полю «{0}», а оно нужно в каждой строке «{1}»; из файла ничего не прочитано",
        "contains a NUL byte (binary data?), which would cut the text short": "содержит нулевой байт (двоичные данные?), который обрезал бы текст",
        "is {0} characters long, and {1} holds at most {2}": "слишком длинный текст (символов: {0}); поле «{1}» вмещает не больше {2}",
        "the header has this column {0} times; the first filled one of them is read in each row (map them apart by place: “{1}”, “{1}#2”…)": "в заголовке этот столбец {0} раза; в каждой строке читается первый заполненный (чтобы сопоставить их по отдельности, укажите место: «{1}», «{1}#2»…)",
        "has no letters or digits to tell the company by": "нет ни букв, ни цифр, по которым можно узнать компанию",
        // Values
        "is not an amount (no digits)": "не сумма (нет цифр)",
        "has unexpected text “{0}” around the amount": "лишний текст «{0}» рядом с суммой",
        "has “{0}” inside the amount": "символ «{0}» внутри суммы",
        "mixes “,” and “.” in a way that does not tell the decimal mark": "запятые и точки смешаны так, что не понять, где дробная часть",
        "has separators after the decimal mark": "разделители после десятичного знака",
        "has more than four decimals": "больше четырёх знаков после запятой",
        "has two separators in a row": "два разделителя подряд",
        "has digit groups that are not of three digits": "группы цифр не по три",
        "is not a yes/no value (yes, no, да, нет, true, false, 1, 0)": "не «да» или «нет» (да, нет, yes, no, true, false, 1, 0)",
        "is not a whole number": "не целое число",
        "has unexpected text after the date": "лишний текст после даты",
        "has unexpected text after the time": "лишний текст после времени",
        "is not a date as MM/dd/yyyy (month {0}); if the day comes first, set the date format to dd/MM/yyyy": "не дата вида ММ/дд/гггг (месяц {0}); если первым идёт день, выберите формат дат дд/ММ/гггг",
        "is not a real calendar date": "такой даты в календаре нет",
        "must be a date from {0} to {1}": "дата должна быть от {0} до {1}",
        "is not a date (expected yyyy-MM-dd, dd.MM.yyyy or MM/dd/yyyy)": "не дата (ожидается гггг-ММ-дд, дд.ММ.гггг или ММ/дд/гггг)",
        "is not a date of the form {0}": "не дата вида {0}",
        "has a time that is not HH:mm": "время не в виде ЧЧ:мм",
        "has seconds that are not ss": "секунды не в виде сс",
        "has an hour outside 1–12 with AM/PM": "час вне 1–12 при AM/PM",
        "has an hour past 23": "час больше 23",
        "has a time zone offset that is not ±hh:mm": "смещение часового пояса не в виде ±чч:мм",
    ]
}

/// The names of import fields and kinds of record in both languages.
public enum ImportLabels {
    /// A target field's label, by its name (`ImportFieldLabels`).
    public static var fields: [String: BilingualText] { ImportFieldLabels.all }

    /// A kind of record or file in Russian, by its name in the singular or the plural.
    public static let kinds: [String: String] = [
        "company": "компания", "companies": "компании", "contact": "контакт", "contacts": "контакты",
        "lead": "лид", "leads": "лиды", "deal": "сделка", "deals": "сделки",
        "stage_history": "история этапов", "stage event": "переход по этапам", "stage events": "переходы по этапам",
        "user": "пользователь", "users": "пользователи", "product": "продукт", "products": "продукты",
    ]
}
