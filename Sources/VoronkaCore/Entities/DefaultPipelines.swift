/// A pipeline and its stages before they are stored (no ids yet).
public struct PipelineTemplate: Sendable {
    public let pipeline: Pipeline
    public let stages: [Stage]
}

/// The funnels a new installation starts with; all editable afterwards.
public enum DefaultPipelines {
    public static let leadFunnel = "Lead funnel"
    public static let complexProducts = "Complex products"
    public static let professionalServices = "Professional services"

    public static let all: [PipelineTemplate] = [
        template(leadFunnel, "Воронка лидов", .lead, 0, [
            ("New", "Новый", .open, 0, 1, false),
            ("In work", "В работе", .open, 0, 3, false),
            ("Qualified", "Квалифицирован", .won, 100, nil, false),
            ("Nurture", "Взращивание", .postponed, 0, nil, false),
            ("Junk", "Нецелевой", .lost, 0, nil, false),
        ]),
        template(complexProducts, "Сложные продукты", .deal, 1, [
            ("Before qualification", "До квалификации", .open, 0, 14, false),
            ("Qualified", "Квалифицирована", .open, 10, 30, true),
            ("Technical solution agreed", "Техническое решение согласовано", .open, 40, 45, true),
            ("Price agreed", "Цена согласована", .open, 50, 30, true),
            ("Tender won or handshake", "Тендер выигран или договорённость", .open, 85, 30, true),
            ("Won", "Выиграна", .won, 100, nil, false),
            ("Lost", "Проиграна", .lost, 0, nil, false),
            ("Postponed", "Отложена", .postponed, 0, 90, false),
        ]),
        template(professionalServices, "Профессиональные услуги", .deal, 2, [
            ("Briefing", "Брифинг", .open, 10, 7, false),
            ("Estimate", "Оценка", .open, 25, 14, false),
            ("Awaiting decision", "Ожидание решения", .open, 50, 21, true),
            ("Contract signed", "Договор подписан", .won, 100, 7, false),
            ("Postponed", "Отложено", .postponed, 0, 90, false),
            ("In progress", "В работе", .won, 100, 60, false),
            ("Final invoice", "Финальный счёт", .won, 100, 14, false),
            ("Warranty", "Гарантия", .won, 100, 365, false),
            ("Completed", "Завершено", .won, 100, nil, false),
            ("Lost", "Проиграно", .lost, 0, nil, false),
        ]),
    ]

    private static func template(_ name: String, _ nameRu: String, _ kind: PipelineKind, _ position: Int64,
                                 _ stages: [(String, String, StageKind, Int64, Int64?, Bool)]) -> PipelineTemplate {
        PipelineTemplate(
            pipeline: Pipeline(name: name, nameRu: nameRu, kind: kind, position: position),
            stages: stages.enumerated().map { i, s in
                Stage(pipelineID: 0, name: s.0, nameRu: s.1, kind: s.2, position: Int64(i), probability: s.3,
                      expectedDays: s.4, requiresQualification: s.5)
            })
    }
}
