import VoronkaCore

/// The import page's texts, in English and Russian.
extension ImportPage {
    typealias T = BilingualText

    static let title = T(en: "Import", ru: "Импорт")
    static let intro = T(en: "Bring your history from Bitrix24, amoCRM, Pipedrive, HubSpot, Salesforce or any spreadsheet: upload the CSV files of one export (leads, companies, contacts, deals, stage history). Nothing is written until you have checked how each file is read.",
                         ru: "Перенесите историю из Битрикс24, amoCRM, Pipedrive, HubSpot, Salesforce или любой таблицы: загрузите CSV-файлы одной выгрузки (лиды, компании, контакты, сделки, история этапов). Ничего не записывается, пока вы не проверите, как читается каждый файл.")
    static let filesLabel = T(en: "CSV files", ru: "CSV-файлы")
    static let filesHint = T(en: "Comma, semicolon or tab separated; UTF-8 or Windows-1251. Several files of one export at once.",
                             ru: "Разделитель — запятая, точка с запятой или табуляция; UTF-8 или Windows-1251. Можно сразу несколько файлов одной выгрузки.")
    static let uploadButton = T(en: "Upload and check", ru: "Загрузить и проверить")
    static let readAs = T(en: "Read as", ru: "Читать как")
    static let columnsChoice = T(en: "Columns as chosen below", ru: "Столбцы, как выбрано ниже")
    static let fileKind = T(en: "The file holds", ru: "В файле")
    static let dateFormat = T(en: "Date format", ru: "Формат дат")
    static let leaveOut = T(en: "Leave this file out of the import", ru: "Не импортировать этот файл")
    static let leftOutNote = T(en: "left out", ru: "не импортируется")
    static let dateAuto = T(en: "Detect", ru: "Определить")
    static let column = T(en: "Column", ru: "Столбец")
    static let firstValues = T(en: "First values", ru: "Первые значения")
    static let goesTo = T(en: "Goes to", ru: "Куда")
    static let ignore = T(en: "— ignore —", ru: "— не загружать —")
    static let customField = T(en: "Custom field “{name}”", ru: "Доп. поле «{name}»")
    static let checkHint = T(en: "Check this", ru: "Проверьте")
    static let missing = T(en: "No column is chosen for: {fields}. Rows of this file cannot be read until one is.",
                           ru: "Не выбран столбец для: {fields}. Строки этого файла не прочитать, пока он не выбран.")
    static let optionsTitle = T(en: "Options", ru: "Параметры")
    static let system = T(en: "Source system", ru: "Исходная система")
    static let systemHint = T(en: "Ids are remembered per system: importing the same export again changes nothing, a newer one updates what changed.",
                              ru: "Идентификаторы запоминаются для каждой системы: повторный импорт той же выгрузки ничего не меняет, более новая обновляет изменившееся.")
    static let pipeline = T(en: "Pipeline for deals that name none", ru: "Воронка для сделок без воронки")
    static let pipelineHint = T(en: "Empty: the file's own, else the first deal pipeline. A new name creates the pipeline.",
                                ru: "Пусто — из файла, иначе первая воронка сделок. Новое название создаст воронку.")
    static let unknownStages = T(en: "Stages the pipeline does not have", ru: "Этапы, которых нет в воронке")
    static let createStages = T(en: "Create them", ru: "Создать")
    static let rejectStages = T(en: "Leave such rows out", ru: "Пропустить такие строки")
    static let checkButton = T(en: "Check again", ru: "Проверить снова")
    static let startButton = T(en: "Import {rows} rows", ru: "Импортировать строк: {rows}")
    static let dryRun = T(en: "What the import would write", ru: "Что будет записано")
    static let kindColumn = T(en: "Records", ru: "Записи")
    static let rowsColumn = T(en: "Rows", ru: "Строк")
    static let fileRows = T(en: "{read} rows read, {imported} to import, {skipped} left out",
                            ru: "прочитано строк: {read}, к импорту: {imported}, пропущено: {skipped}")
    static let stagesFound = T(en: "Stages found", ru: "Найденные этапы")
    static let wonLost = T(en: "won / lost", ru: "выиграно / проиграно")
    static let existingStage = T(en: "In the pipeline", ru: "Есть в воронке")
    static let newStage = T(en: "A new stage", ru: "Новый этап")
    static let rejectStage = T(en: "Left out", ru: "Не загружать")
    static let intoStage = T(en: "Into “{stage}”", ru: "В этап «{stage}»")
    static let stageGoesTo = T(en: "Where the rows of “{stage}” go", ru: "Куда идут строки этапа «{stage}»")
    static let sourcesFound = T(en: "New lead channels", ru: "Новые каналы лидов")
    static let sourcesHint = T(en: "Channels the files name that Voronka does not have yet: each becomes a new channel, or choose an existing channel it is the same as. Channels can be merged later in the settings.",
                               ru: "Каналы из файлов, которых ещё нет в Воронке: каждый станет новым каналом, или выберите существующий канал, с которым он совпадает. Позже каналы можно объединить в настройках.")
    static let sourceAsWritten = T(en: "Channel in the file", ru: "Канал в файле")
    static let ungradedUnmapped = T(en: "Deals that will stay ungraded: {count}. No column is mapped to the need, the budget or the deadline; map them to grade the deals.",
                                    ru: "Сделок без оценки: {count}. Ни один столбец не сопоставлен с потребностью, бюджетом или сроком; сопоставьте их, чтобы оценить сделки.")
    static let ungradedEmpty = T(en: "Deals that will stay ungraded: {count}. Their rows leave the need, the budget and the deadline empty.",
                                 ru: "Сделок без оценки: {count}. В их строках не заполнены потребность, бюджет и срок.")
    static let newChannelsMade = T(en: "New lead channels ({count})", ru: "Новые каналы лидов ({count})")
    static let newChannelsHint = T(en: "Merge or regroup them in the settings", ru: "Объединить или сменить группу — в настройках")
    static let countsAs = T(en: "Goes to", ru: "Куда отнести")
    static let noChannel = T(en: "New channel “{name}”", ru: "Новый канал «{name}»")
    static let sourceGoesTo = T(en: "The channel of “{source}”", ru: "Канал для «{source}»")
    static let newOwners = T(en: "Owners no user matches (they become inactive users)", ru: "Ответственные без пользователя (станут неактивными пользователями)")
    static let problems = T(en: "Problems ({count})", ru: "Проблемы ({count})")
    static let noProblems = T(en: "No problems found.", ru: "Проблем не найдено.")
    static let moreProblems = T(en: "… and {count} more.", ru: "… и ещё {count}.")
    static let allProblems = T(en: "Download every problem (CSV)", ru: "Скачать все проблемы (CSV)")
    static let line = T(en: "Line", ru: "Строка")
    static let reason = T(en: "Reason", ru: "Причина")
    static let value = T(en: "Value", ru: "Значение")
    static let fileColumn = T(en: "File", ru: "Файл")
    static let running = T(en: "Importing…", ru: "Идёт импорт…")
    static let progressText = T(en: "{done} of {total} records written", ru: "Записано {done} из {total}")
    static let runningHint = T(en: "Each batch is written whole or not at all; if the import stops, start it again: it goes on without duplicates. This page refreshes itself.",
                                ru: "Каждая партия записывается целиком или не записывается вовсе; если импорт прервётся, запустите его снова — он продолжит без дублей. Страница обновляется сама.")
    static let finished = T(en: "Import finished", ru: "Импорт завершён")
    static let finishedSummary = T(en: "{rows} rows in {seconds} s.", ru: "Строк: {rows} за {seconds} с.")
    static let created = T(en: "Created", ru: "Создано")
    static let updated = T(en: "Updated", ru: "Обновлено")
    static let unchanged = T(en: "Unchanged", ru: "Без изменений")
    static let skipped = T(en: "Left out", ru: "Пропущено")
    static let failed = T(en: "The import stopped", ru: "Импорт остановлен")
    static let failedHint = T(en: "Batches written before stay. Upload the files again to finish: nothing is duplicated.",
                              ru: "Записанные партии сохранены. Загрузите файлы снова, чтобы закончить: ничего не задвоится.")
    static let another = T(en: "Import other files", ru: "Импортировать другие файлы")
    static let toPipelines = T(en: "Open the pipelines", ru: "Открыть воронки")
}
