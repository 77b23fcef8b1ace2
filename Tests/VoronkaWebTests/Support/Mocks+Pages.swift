import Foundation
import VoronkaCore
@testable import VoronkaWeb

extension LeadInboxPage.Model {
    /// Three leads: a hot one triaged to a deal and overdue, one triaged to junk and answered, one not triaged yet.
    static func mock(_ language: VoronkaCore.Language) -> Self {
        let hot = LeadInboxPage.Triage(suggested: .deal, reasons: [
            TriageReason(kind: .audienceRule, verdict: .pass, text: BilingualText(en: "steam output 5 t/h > 3 t/h", ru: "паропроизводительность 5 т/ч > 3 т/ч")),
            TriageReason(kind: .requestTerm, verdict: .pass, text: BilingualText(en: "request matches “Boiler” by name “boiler”", ru: "запрос совпадает с «Котёл» по названию «котёл»")),
        ], summary: BilingualText(en: "target audience, request within the catalog", ru: "целевая аудитория, запрос в рамках каталога"))
        let junk = LeadInboxPage.Triage(suggested: .junk, reasons: [
            TriageReason(kind: .audienceRule, verdict: .fail, text: BilingualText(en: "headcount 12 < 50", ru: "численность 12 < 50")),
        ], summary: BilingualText(en: "not the target audience", ru: "не целевая аудитория"))
        func actions(_ id: Int64) -> LeadInboxPage.Actions {
            .init(triage: SiteURL.leadTriage(id).path, convert: SiteURL.leadDecision(id, .deal).path,
                  nurture: SiteURL.leadDecision(id, .nurture).path, junk: SiteURL.leadDecision(id, .junk).path)
        }
        return .init(shell: .mock(language, section: .leads, path: SiteURL.leads.path), rows: [
            .init(id: 101, receivedAt: Clock.at(8, 5), age: 3 * 3600, timer: .overdue(by: 2 * 3600), companyName: "ТеплоМаш",
                  contactName: "Иван Петров", requestText: "Нужен паровой котёл на 5 т/ч, срок — декабрь.", source: .webForm,
                  ownerName: "Boris Orlov", fire: true, triage: hot, actions: actions(101)),
            .init(id: 102, receivedAt: Clock.at(9, 40, daysBefore: 3), age: 3 * 86_400 + 3600, timer: .answered(after: 35 * 60, onTime: true),
                  companyName: "Кафе «Уют»", requestText: "Сколько стоит кофемашина?", source: .email, triage: junk, actions: actions(102)),
            .init(id: 103, receivedAt: Clock.at(10, 50), age: 25 * 60, timer: .running(remaining: 35 * 60), contactName: "Олег",
                  source: .phone, actions: actions(103)),
        ])
    }
}

extension PipelineBoardPage.Model {
    static func card(_ id: Int64, _ title: String, company: String, amount: Int64, grade: DealGrade, days: Int, stalled: Bool = false,
                     owner: String? = "Boris Orlov") -> PipelineBoardPage.Card {
        .init(dealID: id, title: title, companyName: company, amount: amount, currency: "RUB", grade: grade, timeInStage: Double(days) * 86_400,
              stalled: stalled, ownerName: owner, url: SiteURL.deal(id).path, moveURL: SiteURL.dealMove(id).path)
    }

    /// Three stages of "Equipment sales"; the second is gated, one card is stalled; optionally a refused move.
    static func mock(_ language: VoronkaCore.Language, refused: Bool = false) -> Self {
        let refusal = PipelineBoardPage.Refusal(dealTitle: "Котельная для ТеплоМаш", stageName: "Proposal",
                                                reasons: [.needNotDescribed, .noDecisionMaker])
        return .init(shell: .mock(language, section: .pipeline, path: SiteURL.pipeline(1).path), pipelines: [
            .init(name: "Equipment sales", url: SiteURL.pipeline(1).path, isCurrent: true),
            .init(name: "Service", url: SiteURL.pipeline(2).path, isCurrent: false),
        ], pipelineName: "Equipment sales", currency: "RUB", columns: [
            .init(stageID: 11, name: "Qualification", probability: 10, count: 2, sum: 123_456_700, weightedSum: 12_345_670, cards: [
                card(501, "Котельная для ТеплоМаш", company: "ТеплоМаш", amount: 100_000_000, grade: .bbb, days: 3),
                card(502, "Spare parts", company: "Acme Ltd", amount: 23_456_700, grade: .ccc, days: 40, stalled: true, owner: nil),
            ]),
            .init(stageID: 12, name: "Proposal", probability: 40, gated: true, entryRule: "need, budget and a decision maker",
                  count: 1, sum: 500_000_000, weightedSum: 200_000_000, cards: [
                card(503, "Boiler house upgrade", company: "Northern Steel", amount: 500_000_000, grade: .aaa, days: 12),
            ]),
            .init(stageID: 13, name: "Won", kind: .won, probability: 100, count: 0, sum: 0, weightedSum: 0, cards: []),
        ], refusal: refused ? refusal : nil)
    }
}

extension DealPage.Model {
    static func mock(_ language: VoronkaCore.Language, problems: Bool = false) -> Self {
        var deal = Deal(id: 501, title: "Котельная для ТеплоМаш", companyID: 7, contactIDs: [1, 2], ownerID: 3, pipelineID: 1, stageID: 11,
                        amount: 123_456_700, currency: "RUB", expectedProfit: 20_000_000, expectedClose: Day(year: 2026, month: 12, day: 15),
                        probabilityOverride: 35, probabilityReason: "tender won last year", tags: ["boiler", "2026"],
                        custom: ["steam_output": .number(5), "whole_need": .bool(true)], needDescribed: true,
                        needText: "Steam boiler 5 t/h\nwith installation", budgetStatus: .allocated, budgetAmount: 150_000_000,
                        deadline: Day(year: 2026, month: 12, day: 1), stageEnteredAt: Clock.at(9, daysBefore: 3), createdAt: Clock.at(9, daysBefore: 20))
        deal.grade = .bbb
        let contacts = [
            Contact(id: 1, companyID: 7, name: "Иван Петров", position: "Главный инженер", email: "petrov@teplomash.ru", phone: "+7 (495) 123-45-67",
                    roles: [.technical, .user]),
            Contact(id: 2, companyID: 7, name: "Мария Кузнецова", position: "Финансовый директор", roles: [.economicBuyer]),
        ]
        let items = ChecklistItem.ID.allCases.enumerated().map { i, id in ChecklistItem(id: id, verdict: [.pass, .pass, .unknown, .fail][i % 4]) }
        var model = Self(shell: .mock(language, section: .pipeline, path: SiteURL.deal(501).path), deal: deal, companyName: "ТеплоМаш",
                         companyURL: SiteURL.company(7).path, pipelineName: "Equipment sales", stageName: "Qualification", stageKind: .open,
                         ownerName: "Boris Orlov", contacts: contacts, checklist: items, economics: .above, minimumProfit: 10_000_000,
                         probability: 35, weightedAmount: 43_209_845,
                         attributes: [AttributeDefinition(entity: "deal", key: "steam_output", type: .number, label: "Steam output",
                                                          labelRu: "Паропроизводительность", unit: "t/h")],
                         timeline: [
                            .init(at: Clock.at(11, 30), actorName: "Boris Orlov", kind: .meetingProtocol(subject: "Kick-off", body: "Agreed on scope.\nNext: site visit.")),
                            .init(at: Clock.at(10), actorName: "Boris Orlov", kind: .activity(.call, subject: "First call", body: nil, dueAt: nil, doneAt: Clock.at(10))),
                            .init(at: Clock.at(9, daysBefore: 1), actorName: nil, kind: .fieldChange(field: "amount", old: .int(100_000_000), new: .int(123_456_700))),
                            .init(at: Clock.at(9, daysBefore: 3), actorName: "Anna Smirnova", kind: .stageChange(from: "Lead", to: "Qualification")),
                            .init(at: Clock.at(9, daysBefore: 20), actorName: "Anna Smirnova", kind: .stageChange(from: nil, to: "Lead")),
                         ],
                         owners: [.init(id: 3, name: "Boris Orlov"), .init(id: 4, name: "Anna Smirnova")],
                         addActivityURL: SiteURL.dealActivities(501).path, editURL: SiteURL.deal(501).path)
        if problems {
            model.editProblems = [.init(field: "amount", message: BilingualText(en: "must be an amount with at most two decimals",
                                                                                 ru: "сумма — не более двух знаков после запятой"))]
        }
        return model
    }
}

extension CompanyPage.Model {
    static func mock(_ language: VoronkaCore.Language, purchases: Bool = true) -> Self {
        let company = Company(id: 7, name: "ТеплоМаш", taxID: "7701234567", industry: "Энергетика", segment: "Enterprise",
                              annualRevenue: 250_000_000_000, headcount: 1200, custom: ["steam_output": .number(5.5), "has_boiler_room": .bool(true)],
                              ownerID: 3, tags: ["key"], notes: "Prefers visits on Tuesdays.")
        let months = (0..<12).map { i -> CompanyPage.MonthAmount in
            let month = (9 + i) % 12 + 1
            return .init(year: month >= 10 ? 2025 : 2026, month: month, amount: month == 3 ? 450_000_000 : (month == 11 ? 120_000_000 : 0))
        }
        return .init(shell: .mock(language, section: .companies, path: SiteURL.company(7).path), company: company, ownerName: "Boris Orlov",
                     attributes: [
                        AttributeDefinition(entity: "company", key: "steam_output", type: .number, label: "Steam output", labelRu: "Паропроизводительность", unit: "t/h"),
                        AttributeDefinition(entity: "company", key: "has_boiler_room", type: .flag, label: "Own boiler room", labelRu: "Своя котельная"),
                     ],
                     contacts: [Contact(id: 1, companyID: 7, name: "Иван Петров", position: "Главный инженер", roles: [.technical])],
                     deals: [
                        .init(id: 501, title: "Котельная для ТеплоМаш", url: SiteURL.deal(501).path, stageName: "Qualification", stageKind: .open,
                              amount: 123_456_700, currency: "RUB", grade: .bbb, ownerName: "Boris Orlov"),
                        .init(id: 480, title: "Burner service 2025", url: SiteURL.deal(480).path, stageName: "Won", stageKind: .won,
                              amount: 450_000_000, currency: "RUB", grade: .aaa, ownerName: nil),
                     ],
                     purchases: purchases ? months : [], purchaseCurrency: "RUB",
                     yearlyBuyer: .init(month: 3, years: [2024, 2025, 2026], nextExpected: Day(year: 2027, month: 3, day: 1)))
    }
}

extension LoginPage.Model {
    static func mock(_ language: VoronkaCore.Language, problem: LoginPage.Problem? = nil) -> Self {
        .init(shell: .anonymous(language), action: SiteURL.login.path, email: problem == nil ? "" : "anna@example.com", problem: problem)
    }
}

extension SetupPage.Model {
    static func mock(_ language: VoronkaCore.Language, problems: [SetupPage.Problem] = []) -> Self {
        .init(shell: .anonymous(language), action: SiteURL.setup.path, name: "Anna", email: "anna@example", language: language,
              minimumPasswordLength: 12, problems: problems)
    }
}
