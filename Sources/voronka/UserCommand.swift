import ArgumentParser
import VoronkaCore
import VoronkaServer

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.",
                                                    subcommands: [Add.self, List.self, ResetPassword.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user and print their one-time password.")
        @OptionGroup var store: StoreOptions
        @ArgumentParser.Option(help: "Full name.") var name: String
        @ArgumentParser.Option(help: "Email (the login).") var email: String
        @ArgumentParser.Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String = Role.salesRep.rawValue
        @ArgumentParser.Option(help: "Email of their manager.") var manager: String?

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw fail(DomainError.invalid("role", "must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            do {
                try await store.withServices { _, services in
                    let (user, password) = try await UserAdmin.add(services, name: name, email: email, role: role, managerEmail: manager)
                    say("Created user \(user.id) \(user.email) (\(user.role.rawValue)). One-time password: \(password)")
                }
            } catch { throw fail(error) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            do {
                try await store.withServices { _, services in
                    for u in try await UserAdmin.list(services) {
                        say("\(u.id)\t\(u.email)\t\(u.role.rawValue)\t\(u.name)\(u.active ? "" : "\t(inactive)")")
                    }
                }
            } catch { throw fail(error) }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "Set a new generated password and print it once.")
        @OptionGroup var store: StoreOptions
        @ArgumentParser.Option(help: "The user's email.") var email: String

        func run() async throws {
            do {
                try await store.withServices { _, services in
                    say("New password for \(email): \(try await UserAdmin.resetPassword(services, email: email))")
                }
            } catch { throw fail(error) }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token for a user and print it once.")
        @OptionGroup var store: StoreOptions
        @ArgumentParser.Option(help: "The user's email.") var email: String
        @ArgumentParser.Option(help: "What the token is for.") var name = "integration"

        func run() async throws {
            do {
                try await store.withServices { _, services in
                    say(try await UserAdmin.createToken(services, email: email, name: name))
                }
            } catch { throw fail(error) }
        }
    }
}
