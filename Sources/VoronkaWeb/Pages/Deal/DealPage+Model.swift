import Foundation
import VoronkaCore

/// One deal: its fields, buying centre, self-check, economics, probability, timeline, and the forms to add an
/// activity and to edit the main fields.
public enum DealPage {
    /// One thing that happened to the deal, from the journal and the activities.
    public struct TimelineEntry: Sendable, Hashable {
        /// What happened.
        public enum Kind: Sendable, Hashable {
            /// Moved between stages; `from` is nil when the deal was created in `to`.
            case stageChange(from: String?, to: String)
            /// A field's value changed (the journal's FieldChange); `field` is the stored field name.
            case fieldChange(field: String, old: FieldValue, new: FieldValue)
            case activity(ActivityKind, subject: String?, body: String?, dueAt: Date?, doneAt: Date?)
            case meetingProtocol(subject: String?, body: String)
        }

        public var at: Date
        /// Nil for changes the system made.
        public var actorName: String?
        public var kind: Kind
        /// Where the entry is changed (an activity's edit form), when it can be.
        public var editURL: String?

        public init(at: Date, actorName: String?, kind: Kind, editURL: String? = nil) {
            self.at = at; self.actorName = actorName; self.kind = kind; self.editURL = editURL
        }
    }

    /// An error of a submitted form, on one field.
    public struct FieldProblem: Sendable, Hashable {
        /// The form field's name, e.g. "amount".
        public var field: String
        public var message: BilingualText
        public init(field: String, message: BilingualText) { self.field = field; self.message = message }
    }

    /// A choice of a select: an id and a name.
    public struct Choice: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public init(id: Int64, name: String) { self.id = id; self.name = name }
    }

    /// A stage of the deal's pipeline, for the move form.
    public struct StageChoice: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var kind: StageKind
        public init(id: Int64, name: String, kind: StageKind) { self.id = id; self.name = name; self.kind = kind }
    }

    /// Everything the deal page shows; the controller loads the deal, its contacts, journal and activities.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var deal: Deal
        public var companyName: String
        public var companyURL: String
        public var pipelineName: String
        public var stageName: String
        public var stageKind: StageKind
        public var ownerName: String?
        /// The contacts of the deal's contact_ids.
        public var contacts: [Contact]
        /// The seven points, in order (`Checklist.evaluate`).
        public var checklist: [ChecklistItem]
        public var economics: EconomicsResult
        /// The minimum worthwhile profit in the deal's currency, when set.
        public var minimumProfit: Int64?
        /// The probability in force, in percent: the override or the stage's.
        public var probability: Int
        /// Amount × probability, minor units.
        public var weightedAmount: Int64
        /// Definitions of the deal's custom attributes.
        public var attributes: [AttributeDefinition]
        /// Newest first.
        public var timeline: [TimelineEntry]
        /// Possible owners for the edit form.
        public var owners: [Choice]
        /// POST: kind, subject, body, due_at (local date and time), done.
        public var addActivityURL: String
        /// POST: the main fields under their stored names.
        public var editURL: String
        public var editProblems: [FieldProblem]
        public var activityProblems: [FieldProblem]
        /// The stages of the deal's pipeline, in order, for the move form.
        public var stages: [StageChoice] = []
        /// Names of the records the timeline's changes refer to by id, by field (`owner_id`, `contact_ids`, `company_id`).
        public var idNames: [String: [Int64: String]] = [:]
        /// POST: `stage_id` and `return_to` (the move; a lost or postponed stage asks why or until when first).
        public var moveURL: String = ""
        /// POST: withdraws the conversion of the lead this deal came from; nil for a deal not made from a lead.
        public var leadUndoURL: String?
        /// GET: the question of a lost or postponed stage (with `stage_id`), asked before the move.
        public var closeURL: String = ""
        /// Open nudges about this deal (anyone's: the page shows what the rules see).
        public var nudges: [RecordNudge] = []

        public init(shell: Shell, deal: Deal, companyName: String, companyURL: String, pipelineName: String, stageName: String,
                    stageKind: StageKind, ownerName: String?, contacts: [Contact], checklist: [ChecklistItem], economics: EconomicsResult,
                    minimumProfit: Int64?, probability: Int, weightedAmount: Int64, attributes: [AttributeDefinition] = [],
                    timeline: [TimelineEntry], owners: [Choice], addActivityURL: String, editURL: String,
                    editProblems: [FieldProblem] = [], activityProblems: [FieldProblem] = []) {
            self.shell = shell; self.deal = deal; self.companyName = companyName; self.companyURL = companyURL
            self.pipelineName = pipelineName; self.stageName = stageName; self.stageKind = stageKind; self.ownerName = ownerName
            self.contacts = contacts; self.checklist = checklist; self.economics = economics; self.minimumProfit = minimumProfit
            self.probability = probability; self.weightedAmount = weightedAmount; self.attributes = attributes
            self.timeline = timeline; self.owners = owners; self.addActivityURL = addActivityURL; self.editURL = editURL
            self.editProblems = editProblems; self.activityProblems = activityProblems
        }
    }
}
