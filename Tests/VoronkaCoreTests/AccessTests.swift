import Testing
@testable import VoronkaCore

@Suite("Teams and access")
struct AccessTests {
    // head(1) ← manager(2) ← rep(3), rep(4); manager(2) ← lead(5) ← rep(6); rep(7) alone
    let managers: [Int64: Int64?] = [1: nil, 2: 1, 3: 2, 4: 2, 5: 2, 6: 5, 7: nil]

    @Test("A manager's team is everyone below them, at any depth")
    func recursiveTeam() {
        #expect(Viewer.team(of: 2, managers: managers) == [2, 3, 4, 5, 6])
        #expect(Viewer.team(of: 5, managers: managers) == [5, 6])
        #expect(Viewer.team(of: 7, managers: managers) == [7])
    }

    @Test("A loop in the hierarchy does not hang")
    func loop() {
        #expect(Viewer.team(of: 1, managers: [1: 2, 2: 1]) == [1, 2])
    }

    @Test("Heads see everything; reps their own; unowned records only the heads")
    func owns() {
        // setup
        let head = Viewer(user: User(id: 1, name: "H", email: "h@x.io", role: .headOfSales), managers: managers)
        let rep = Viewer(user: User(id: 3, name: "R", email: "r@x.io", role: .salesRep, managerID: 2), managers: managers)
        // check
        #expect(head.owns(6) && head.owns(nil))
        #expect(rep.owns(3) && !rep.owns(4) && !rep.owns(nil))
    }

    @Test("The policy table: catalog by heads, settings and pipelines by admins, CRM records by ownership")
    func policy() {
        let rep = Viewer(userID: 3, role: .salesRep, visibleOwners: [3])
        let head = Viewer(userID: 1, role: .headOfSales, visibleOwners: nil)
        #expect(AccessPolicy.allows(rep, .read, .product, owner: nil))
        #expect(!AccessPolicy.allows(rep, .write, .product, owner: nil))
        #expect(AccessPolicy.allows(head, .write, .product, owner: nil))
        #expect(!AccessPolicy.allows(head, .write, .pipeline, owner: nil))
        #expect(AccessPolicy.allows(rep, .write, .deal, owner: 3))
        #expect(!AccessPolicy.allows(rep, .write, .deal, owner: 4))
        #expect(!AccessPolicy.allows(head, .read, .token, owner: nil))
    }
}
