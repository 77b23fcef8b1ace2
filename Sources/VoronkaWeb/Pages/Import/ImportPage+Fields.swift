import VoronkaCore

/// The fields an imported column can fill, named for the user.
extension ImportPage {
    /// A field's name in the user's language (the field's own name when it has none).
    static func fieldName(_ field: String, _ t: Localizer) -> String {
        ImportFieldLabels.all[field].map(t.pick) ?? field
    }
}
