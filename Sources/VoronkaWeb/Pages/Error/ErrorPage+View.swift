import Plot
import VoronkaCore

extension ErrorPage {
    /// Renders the error page.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let (title, text) = texts(model.problem)
        return Layout.page(model.shell, title: t.pick(title),
            .div(.class("narrow error-page"),
                .h1(.plain(t.pick(title))),
                .p(.plain(t.pick(text))),
                .if(!reasons(model.problem).isEmpty, .ul(.class("reasons"), .each(reasons(model.problem)) { .li(.plain(t.pick($0))) })),
                .p(.a(.class("button"), .attr("href", model.backURL), .plain(t.pick(back))))))
    }

    static let back = BilingualText(en: "Go back", ru: "Вернуться")

    static func reasons(_ problem: Problem) -> [BilingualText] {
        if case .refused(_, let reasons) = problem { reasons } else { [] }
    }

    /// The title and explanation of a problem in both languages.
    static func texts(_ problem: Problem) -> (BilingualText, BilingualText) {
        switch problem {
        case .csrf:
            (BilingualText(en: "The form has expired", ru: "Форма устарела"),
             BilingualText(en: "The form was not sent from this session's page, so nothing was changed. Open the page again and repeat.",
                           ru: "Форма отправлена не со страницы этого сеанса, поэтому ничего не изменено. Откройте страницу заново и повторите."))
        case .forbidden:
            (BilingualText(en: "Not allowed", ru: "Нет доступа"),
             BilingualText(en: "Your role does not allow this page or action.", ru: "Ваша роль не даёт доступа к этой странице или действию."))
        case .notFound:
            (BilingualText(en: "Not found", ru: "Не найдено"),
             BilingualText(en: "There is no such page, or it is not yours to see.", ru: "Такой страницы нет, или она вам недоступна."))
        case .refused:
            (BilingualText(en: "Not done", ru: "Не выполнено"),
             BilingualText(en: "Nothing was changed, because:", ru: "Ничего не изменено, потому что:"))
        case .server:
            (BilingualText(en: "Something went wrong", ru: "Что-то пошло не так"),
             BilingualText(en: "The server could not finish the request; the error is logged. Try again in a moment.",
                           ru: "Сервер не смог выполнить запрос; ошибка записана в журнал. Попробуйте ещё раз чуть позже."))
        }
    }
}
