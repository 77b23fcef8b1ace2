/// Where in a pipeline deals must be qualified and controlled, and how far an uncontrolled deal is trusted.
public struct ControlSettings: Hashable, Sendable {
    /// Past this stage position a deal must be qualified; nil: just before the first stage that requires
    /// qualification, or the first stage when none does.
    public var firstMeetingStagePosition: Int64?
    /// Past this stage position the budget and the need must be known; nil: the first stage that requires
    /// qualification, or no control when none does.
    public var controlStagePosition: Int64?
    /// The highest win probability, in percent, an uncontrolled deal counts with in the weighted pipeline.
    public var cap: Int

    /// Settings; nil positions take the defaults for each pipeline's stages.
    public init(firstMeetingStagePosition: Int64? = nil, controlStagePosition: Int64? = nil, cap: Int = 10) {
        self.firstMeetingStagePosition = firstMeetingStagePosition; self.controlStagePosition = controlStagePosition; self.cap = cap
    }

    /// The first-meeting position for a pipeline's stages; nil only when there are no stages.
    public func firstMeetingPosition(in stages: [Stage]) -> Int64? {
        if let firstMeetingStagePosition { return firstMeetingStagePosition }
        let ordered = stages.sorted { $0.position < $1.position }
        if let gated = ordered.first(where: \.requiresQualification) { return gated.position - 1 }
        return ordered.first?.position
    }

    /// The control position for a pipeline's stages; nil when nothing is controlled.
    public func controlPosition(in stages: [Stage]) -> Int64? {
        controlStagePosition ?? stages.sorted { $0.position < $1.position }.first(where: \.requiresQualification)?.position
    }

    /// Reads `{"first_meeting_stage_position": null, "control_stage_position": 2, "cap": 10}`; null means the default.
    public init(json: JSONValue) throws(FieldError) {
        let r = try JSONObjectReader(json, keys: ["first_meeting_stage_position", "control_stage_position", "cap"])
        self.init(firstMeetingStagePosition: try r.int("first_meeting_stage_position", in: 0...10_000).map(Int64.init),
                  controlStagePosition: try r.int("control_stage_position", in: 0...10_000).map(Int64.init),
                  cap: try r.int("cap", in: 0...100) ?? 10)
    }

    /// The settings object; positions left to their defaults are null.
    public var json: JSONValue {
        var w = SettingsWriter()
        w.set("first_meeting_stage_position", firstMeetingStagePosition.map { JSONValue.number(Double($0)) } ?? .null)
        w.set("control_stage_position", controlStagePosition.map { JSONValue.number(Double($0)) } ?? .null)
        w.set("cap", cap)
        return w.json
    }
}
