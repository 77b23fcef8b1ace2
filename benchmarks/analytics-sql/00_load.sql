-- Loads `voronka export` CSV files into in-memory tables; times become seconds since 1970 (DOUBLE), as in Voronka,
-- amounts roubles (major units; 1 USD = 90, 1 EUR = 100, the default rates).
-- {dir} is the export directory. Only live records; only the journal's stage entries of deals.
CREATE TABLE stages AS
SELECT CAST(id AS BIGINT) AS id, CAST(pipeline_id AS BIGINT) AS pipeline_id, kind, CAST(position AS INTEGER) AS position,
       CAST(probability AS INTEGER) AS probability, CAST(nullif(expected_days, '') AS INTEGER) AS expected_days
FROM read_csv('{dir}/stages.csv', header = true, all_varchar = true)
WHERE coalesce(deleted_at, '') = '';

CREATE TABLE leads AS
SELECT CAST(id AS BIGINT) AS id, epoch(CAST(received_at AS TIMESTAMPTZ)) AS received_at, source,
       CAST(nullif(owner_id, '') AS BIGINT) AS owner_id, CAST(nullif(deal_id, '') AS BIGINT) AS deal_id,
       epoch(CAST(nullif(first_response_at, '') AS TIMESTAMPTZ)) AS first_response_at
FROM read_csv('{dir}/leads.csv', header = true, all_varchar = true)
WHERE coalesce(deleted_at, '') = '';

CREATE TABLE deals AS
SELECT CAST(d.id AS BIGINT) AS id, CAST(company_id AS BIGINT) AS company_id, CAST(nullif(owner_id, '') AS BIGINT) AS owner_id,
       CAST(pipeline_id AS BIGINT) AS pipeline_id, CAST(stage_id AS BIGINT) AS stage_id,
       CAST(amount AS DOUBLE) * CASE currency WHEN 'RUB' THEN 1 WHEN 'USD' THEN 90 WHEN 'EUR' THEN 100 END AS amount_rub,
       CAST(nullif(probability_override, '') AS INTEGER) AS probability_override,
       CAST(nullif(expected_close, '') AS DATE) AS expected_close,
       epoch(CAST(created_at AS TIMESTAMPTZ)) AS created_at, epoch(CAST(nullif(closed_at, '') AS TIMESTAMPTZ)) AS closed_at
FROM read_csv('{dir}/deals.csv', header = true, all_varchar = true) d
WHERE coalesce(deleted_at, '') = '';

CREATE TABLE stage_entries AS
SELECT CAST(entity_id AS BIGINT) AS deal_id, CAST(stage_id AS BIGINT) AS stage_id, epoch(CAST("at" AS TIMESTAMPTZ)) AS "at",
       CAST(seq AS BIGINT) AS seq
FROM read_csv('{dir}/journal.csv', header = true, all_varchar = true)
WHERE entity = 'deal' AND coalesce(stage_id, '') <> '';
