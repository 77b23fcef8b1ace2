import VoronkaCore

/// What the stored fields take, for the fields an import fills: the same limits the API enforces.
public enum ImportLimits {
    /// The longest text `field` may hold in a file of `kind`: the limit of the stored field it lands in (a deal's
    /// title, a company's name, a lead's contact e-mail…); nil for fields that are not stored as text.
    public static func maxLength(_ field: TargetField, in kind: ImportFileKind) -> Int? {
        guard let (entity, name) = target(field, in: kind) else { return nil }
        return entity.fields.first { $0.name == name }.flatMap { $0.type == .text ? $0.maxLength : nil }
    }

    /// The values a number field's stored field takes (money in major units), as the API enforces them; nil when
    /// it has no range.
    public static func range(_ field: TargetField, in kind: ImportFileKind) -> ClosedRange<Double>? {
        guard let (entity, name) = target(field, in: kind) else { return nil }
        return entity.fields.first { $0.name == name }?.range
    }

    /// The entity and field a target field lands in.
    static func target(_ field: TargetField, in kind: ImportFileKind) -> (EntityKind, String)? {
        switch field {
        case .ownerName, .managerName: return (.user, "name")
        case .pipelineName: return (.pipeline, "name")
        case .stageName: return (.stage, "name")
        case .productName: return (.product, "name")
        case .team: return (.user, "team")
        default: break
        }
        // A lead's (or a deal's lead's) source names its channel.
        if field == .source, kind == .leads || kind == .deals { return (.channel, "name") }
        switch kind {
        case .companies:
            return field == .companyName ? (.company, "name") : (.company, field.rawValue)
        case .contacts:
            switch field {
            case .contactName: return (.contact, "name")
            case .companyName: return (.company, "name")
            default: return (.contact, field.rawValue)
            }
        case .leads:
            switch field {
            case .email: return (.lead, "contact_email")
            case .phone: return (.lead, "contact_phone")
            default: return (.lead, field.rawValue)
            }
        case .deals:
            switch field {
            case .companyName: return (.company, "name")
            case .contactName: return (.contact, "name")
            case .email: return (.contact, "email")
            case .phone: return (.contact, "phone")
            case .taxID: return (.company, "tax_id")
            case .wonAt, .lostAt: return (.deal, "closed_at")
            default: return (.deal, field.rawValue)
            }
        case .users: return (.user, field.rawValue)
        case .products: return (.product, field.rawValue)
        case .stageHistory: return nil
        }
    }
}
