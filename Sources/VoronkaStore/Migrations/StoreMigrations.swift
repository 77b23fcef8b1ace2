import FluentKit

/// Every schema change, in the order it was made. Never edit one that has landed: add the next.
enum StoreMigrations {
    static func register(in migrations: Migrations) {
        migrations.add(M0001_CreateTables())       // users, tokens, CRM records, journal
        migrations.add(M0002_DefaultPipelines())   // the lead funnel and two deal pipelines
        migrations.add(M0003_SortIndexes())        // (field, id) indexes behind every sortable field
        migrations.add(M0004_Qualification())      // deal grade, economics exception, lead triage
        migrations.add(M0005_ImportKeys())         // source-system ids of imported records
        migrations.add(M0006_JournalStageEntries()) // the stage entries the analytics snapshot reads at start
        migrations.add(M0007_DeferredIndexes())    // indexes a bulk load dropped, to build again
        migrations.add(M0008_SearchIndex())        // folded search documents of companies, contacts, deals and leads
        migrations.add(M0009_ActivityDueIndex())   // open activities by due time (My work)
        migrations.add(M0010_LeadAttribution())    // custom attributes of leads and contacts; a lead's UTM tags and landing page
        migrations.add(M0011_Channels())           // lead channels as records; every lead in its source's channel
        migrations.add(M0012_CurrencyMinorUnits()) // amounts in their currency's minor units (yen had hundredths)
        migrations.add(M0013_Nudges())             // what the nudge rules found due, for whom, and its state
        migrations.add(M0014_WeeklyReviews())      // the weekly reviews of heads of sales and managers, kept
        migrations.add(M0015_Webhooks())           // webhook endpoints, deliveries, and the journal position sent
    }
}
