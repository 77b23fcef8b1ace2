import Plot
import VoronkaCore

extension SettingsPage {
    // MARK: Users and roles

    /// A role's name.
    public static func roleName(_ role: Role, _ t: Localizer) -> String {
        switch role {
        case .salesRep: t[.setRoleSalesRep]
        case .accountManager: t[.setRoleAccountManager]
        case .projectManager: t[.setRoleProjectManager]
        case .headOfSales: t[.setRoleHeadOfSales]
        case .admin: t[.setRoleAdmin]
        }
    }

    static func stored(_ u: User) -> [String: String] {
        ["name": u.name, "email": u.email, "role": u.role.rawValue, "manager_id": u.managerID.map { String($0) } ?? "",
         "language": u.locale.rawValue, "active": flagValue(u.active)]
    }

    static func users(_ model: Model, _ users: [User], _ reset: NewPassword?, _ t: Localizer) -> Markup {
        let names = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let roles = Role.allCases.map { ($0.rawValue, roleName($0, t)) }
        let languages = Language.allCases.map { ($0.rawValue, Strings.autonym($0)) }
        func managers(except id: Int64?) -> [(value: String, label: String)] {
            [("", t[.setNoManager])] + users.filter { $0.active && $0.id != id }.map { (String($0.id), $0.name) }
        }
        let new = FormState("new-user", model.submission, stored: ["role": Role.salesRep.rawValue, "language": model.shell.language.rawValue])
        return .group(
            .unwrap(reset) { reset in
                .div(.class("banner token-once"), .attr("role", "status"),
                     .p(.strong(.plain(t(.setPasswordResetFor, ["name": names[reset.userID] ?? "#\(reset.userID)"])))),
                     .inputField(FieldInfo(id: "new-password", label: t[.setOneTimePassword], hint: t[.setPasswordOnce]), name: "password",
                                 value: reset.password, extra: [.flag("readonly"), .attr("autocomplete", "off"), .attr("spellcheck", "false")]))
            },
            .p(.class("hint"), .plain(t[.setUsersHint])),
            .div(.class("table-scroll"), .table(.class("list"),
                .caption(.class("visually-hidden"), .plain(t[.setUsers])),
                .thead(.tr(.th(.attr("scope", "col"), .plain(t[.name])), .th(.attr("scope", "col"), .plain(t[.email])),
                           .th(.attr("scope", "col"), .plain(t[.setRole])), .th(.attr("scope", "col"), .plain(t[.setManager])),
                           .th(.attr("scope", "col"), .plain(t[.setStatus])))),
                .tbody(.each(users) { u in
                    .tr(.th(.attr("scope", "row"), .a(.attr("href", "#user-\(u.id)"), .plain(u.name))), .td(.plain(u.email)),
                        .td(.plain(roleName(u.role, t))), .td(.plain(u.managerID.flatMap { names[$0] } ?? Format.dash)),
                        .td(.plain(u.active ? t[.setActive] : t[.setInactive])))
                }))),
            .each(users) { u in
                let s = FormState("user-\(u.id)", model.submission, stored: stored(u))
                return .details(.class("panel"), .flag("open", s.refused),
                    .summary(.h3(.class("summary-heading"), .plain(t(.setEditUser, ["name": u.name])))),
                    .embed(form(model, s, action: model.paths.user(u.id), label: t(.setEditUser, ["name": u.name]),
                         order: ["name", "email", "role", "manager_id", "language"], submit: t[.save],
                         text(s, "name", t[.name], required: true),
                         text(s, "email", t[.email], type: "email", required: true, extra: [.attr("autocomplete", "off")]),
                         select(s, "role", t[.setRole], roles),
                         select(s, "manager_id", t[.setManager], managers(except: u.id)),
                         select(s, "language", t[.interfaceLanguage], languages),
                         checkbox(s, "active", t[.setActiveUser]))),
                    .postForm(model.paths.userPassword(u.id), csrf: model.shell.csrfToken, class: "inline-form",
                              label: t(.setResetPasswordOf, ["name": u.name]),
                              .p(.class("hint"), .plain(t[.setResetPasswordHint])),
                              .submit(t[.setResetPassword], class: "button button-small")))
            },
            addPanel(t[.setAddUser], open: new.refused,
                     form(model, new, action: model.paths.newUser, label: t[.setAddUser],
                          order: ["name", "email", "role", "manager_id", "language", "password"], submit: t[.add],
                          text(new, "name", t[.name], required: true),
                          text(new, "email", t[.email], type: "email", required: true, extra: [.attr("autocomplete", "off")]),
                          select(new, "role", t[.setRole], roles),
                          select(new, "manager_id", t[.setManager], managers(except: nil)),
                          select(new, "language", t[.interfaceLanguage], languages),
                          // A refused password is never sent back to the browser.
                          .inputField(new.info("password", t[.setInitialPassword], hint: t[.setInitialPasswordHint]), name: "password",
                                      type: "password", required: true, extra: [.attr("autocomplete", "new-password")]))))
    }

    // MARK: API tokens

    static func tokens(_ model: Model, _ tokens: [Token], _ users: [User], _ secret: String?, _ t: Localizer) -> Markup {
        let f = t.format
        let new = FormState("new-token", model.submission, stored: [:])
        let owners = users.filter(\.active).map { (String($0.id), $0.name) }
        return .group(
            .unwrap(secret) { secret in
                .div(.class("banner token-once"), .attr("role", "status"),
                     .p(.strong(.plain(t[.setTokenCreated]))),
                     .inputField(FieldInfo(id: "new-token-secret", label: t[.setTokenSecret], hint: t[.setTokenOnce]), name: "token",
                                 value: secret, extra: [.flag("readonly"), .attr("autocomplete", "off"), .attr("spellcheck", "false")]))
            },
            .p(.class("hint"), .plain(t[.setTokensHint])),
            tokens.isEmpty ? .p(.class("empty"), .plain(t[.setNoTokens])) :
            .div(.class("table-scroll"), .table(.class("list"),
                .caption(.class("visually-hidden"), .plain(t[.setTokens])),
                .thead(.tr(.th(.attr("scope", "col"), .plain(t[.name])), .th(.attr("scope", "col"), .plain(t[.setTokenUser])),
                           .th(.attr("scope", "col"), .plain(t[.setTokenPrefix])), .th(.attr("scope", "col"), .plain(t[.createdAt])),
                           .th(.attr("scope", "col"), .plain(t[.setLastUsed])), .th(.attr("scope", "col"), .plain(t[.setStatus])))),
                .tbody(.each(tokens) { token in
                    .tr(.th(.attr("scope", "row"), .plain(token.name)), .td(.plain(token.userName)), .td(.code(.plain(token.prefix + "…"))),
                        .td(.instant(token.createdAt, f.date(token.createdAt))),
                        .td(token.lastUsedAt.map { Markup.instant($0, f.dateTime($0)) } ?? Markup.plain(t[.setNeverUsed])),
                        .td(token.revokedAt.map { Markup.group(.plain(t[.setRevoked] + " "), .instant($0, f.date($0))) } ??
                            Markup.postForm(model.paths.revokeToken(token.id), csrf: model.shell.csrfToken, class: "inline-form",
                                      label: t(.setRevokeToken, ["name": token.name]),
                                      .submit(t[.setRevoke], class: "button button-small"))))
                }))),
            addPanel(t[.setAddToken], open: new.refused || tokens.isEmpty,
                     form(model, new, action: model.paths.newToken, label: t[.setAddToken], order: ["name", "user_id"], submit: t[.setCreate],
                          text(new, "name", t[.name], required: true, hint: t[.setTokenNameHint]),
                          select(new, "user_id", t[.setTokenUser], owners))))
    }
}
