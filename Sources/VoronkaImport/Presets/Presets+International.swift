/// Pipedrive, HubSpot and Salesforce exports (English headers, amounts in major units with a dot).
extension Presets {
    /// Pipedrive deals: "Export data" of deals, every column prefixed "Deal - ".
    static let pipedriveDeals = Preset(
        id: "pipedrive-deals", title: "Pipedrive deals",
        signature: ["Deal - Title", "Deal - Stage"],
        mapping: ImportMapping(
            kind: .deals,
            columns: ImportMapping.columns([
                "Deal - ID": "source_id", "Deal - Title": "title", "Deal - Value": "amount", "Deal - Currency": "currency",
                "Deal - Organization": "company_name", "Deal - Contact person": "contact_name", "Deal - Owner": "owner_name",
                "Deal - Pipeline": "pipeline_name", "Deal - Stage": "stage_name", "Deal - Status": "status",
                "Deal - Deal created": "created_at", "Deal - Deal closed on": "closed_at", "Deal - Won time": "closed_at",
                "Deal - Lost time": "closed_at", "Deal - Lost reason": "lost_reason",
                "Deal - Expected close date": "expected_close", "Deal - Source channel": "source",
                "Deal - Label": "custom.label", "Person - Email": "email", "Person - Phone": "phone",
                "Deal - Product name": "product_name",
            ]),
            valueMaps: [
                .currency: ["US Dollar": "USD", "Euro": "EUR", "Russian Ruble": "RUB", "British Pound": "GBP"],
                .source: ["Organic search": "web_form", "Paid search": "web_form", "Direct traffic": "web_form",
                          "Social media": "web_form", "Messaging inbox": "web_form", "Offline": "import", "Unknown": "import"],
            ],
            currency: "USD",
            outcomeRules: [
                .field(.status, equals: ["Won"], then: .won),
                .field(.status, equals: ["Lost"], then: .lost),
                .field(.status, equals: ["Deleted"], then: .skip),
            ]))

    /// HubSpot deals: "Export" of the deals view; each `Date entered "<stage> (<pipeline>)"` column becomes history.
    static let hubSpotDeals = Preset(
        id: "hubspot-deals", title: "HubSpot deals",
        signature: ["Record ID", "Deal Name", "Deal Stage"],
        mapping: ImportMapping(
            kind: .deals,
            columns: ImportMapping.columns([
                "Record ID": "source_id", "Deal Name": "title", "Deal Stage": "stage_name", "Pipeline": "pipeline_name",
                "Amount": "amount", "Currency": "currency", "Deal currency code": "currency", "Close Date": "closed_at",
                "Create Date": "created_at", "Deal owner": "owner_name", "Associated Company": "company_name",
                "Associated Company (Primary)": "company_name", "Associated Contact": "contact_name",
                "Closed Lost Reason": "lost_reason", "Original Source Type": "source", "Original Source": "source",
                "Deal Type": "custom.deal_type", "Is Closed Won": "status",
            ]),
            valueMaps: [.source: [
                "Organic Search": "web_form", "Direct Traffic": "web_form", "Paid Search": "web_form", "Paid Social": "web_form",
                "Social Media": "web_form", "Organic Social": "web_form", "Referrals": "web_form", "Email Marketing": "email",
                "Offline Sources": "import", "Other Campaigns": "import", "AI Referrals": "web_form",
            ]],
            currency: "USD",
            outcomeRules: [
                .field(.stageName, equals: ["Closed Won"], then: .won),
                .field(.stageName, equals: ["Closed Lost"], then: .lost),
                .column("Is Closed Won", isTrue: .won),
            ],
            stageEnteredPrefix: "Date entered "))

    /// Salesforce's LeadSource picklist values.
    static let salesforceSources = [
        "Web": "web_form", "Phone Inquiry": "phone",
        // The rest (Partner Referral, Trade Show, Advertisement…) stay channels of their own: channels are an open list.
    ]

    /// Salesforce Opportunity, as Data Export or Data Loader writes it (API field names).
    static let salesforceOpportunity = Preset(
        id: "salesforce-opportunity", title: "Salesforce Opportunity",
        signature: ["Id", "Name", "StageName", "CloseDate"],
        mapping: ImportMapping(
            kind: .deals,
            columns: ImportMapping.columns([
                "Id": "source_id", "Name": "title", "AccountId": "company_source_id", "Account.Name": "company_name",
                "Amount": "amount", "CurrencyIsoCode": "currency", "StageName": "stage_name", "CloseDate": "closed_at",
                "CreatedDate": "created_at", "Owner.Name": "owner_name", "OwnerId": "owner_name", "LeadSource": "source",
                "Type": "custom.type", "Description": "custom.description", "IsWon": "status",
                "IsClosed": "ignore", "Probability": "ignore", "ForecastCategory": "ignore", "IsDeleted": "ignore",
                "LastModifiedDate": "ignore", "SystemModstamp": "ignore",
            ]),
            valueMaps: [.source: salesforceSources],
            currency: "USD",
            outcomeRules: [
                .column("IsWon", isTrue: .won),
                .column("IsClosed", isTrue: .lost),
                .field(.stageName, equals: ["Closed Won"], then: .won),
                .field(.stageName, equals: ["Closed Lost"], then: .lost),
            ]))

    /// Salesforce OpportunityHistory: one row per change of an opportunity; the first row of each stage is its entry.
    static let salesforceOpportunityHistory = Preset(
        id: "salesforce-opportunity-history", title: "Salesforce OpportunityHistory",
        signature: ["OpportunityId", "StageName", "CreatedDate"],
        mapping: ImportMapping(
            kind: .stageHistory,
            columns: ImportMapping.columns([
                "OpportunityId": "deal_source_id", "StageName": "stage_name", "CreatedDate": "entered_at",
                "Id": "ignore", "Amount": "ignore", "CloseDate": "ignore", "Probability": "ignore",
                "ForecastCategory": "ignore", "ExpectedRevenue": "ignore", "CreatedById": "ignore", "IsDeleted": "ignore",
                "SystemModstamp": "ignore",
            ]),
            currency: "USD"))
}
