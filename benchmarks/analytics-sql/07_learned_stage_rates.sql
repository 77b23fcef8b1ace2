-- forecast v1 (learned probabilities): for each open stage, among deals ever in it that were won or lost by the
-- as-of date, the share won.
WITH closed AS (
    SELECT d.id, s.kind = 'won' AS won FROM deals d JOIN stages s ON s.id = d.stage_id
    WHERE s.kind IN ('won', 'lost') AND d.closed_at <= {asof}),
visited AS (SELECT DISTINCT deal_id, stage_id FROM stage_entries WHERE "at" <= {asof})
SELECT v.stage_id, count(*) AS closed_deals, count(*) FILTER (WHERE c.won) AS won_deals, avg(CAST(c.won AS INTEGER)) AS learned
FROM visited v JOIN closed c ON c.id = v.deal_id JOIN stages s ON s.id = v.stage_id AND s.kind = 'open'
GROUP BY v.stage_id ORDER BY v.stage_id;
