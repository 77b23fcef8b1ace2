-- stage-conversion v1: a pipeline's steps (0, 1, ...) are its open stages by position, then one "won" step; a deal reached every
-- step up to the furthest it entered by the as-of date; conversion of a step = reached the next / reached this one.
WITH steps AS (
    SELECT id AS stage_id, pipeline_id, row_number() OVER (PARTITION BY pipeline_id ORDER BY position, id) - 1 AS step
    FROM stages WHERE kind = 'open'
    UNION ALL
    SELECT s.id, s.pipeline_id, (SELECT count(*) FROM stages o WHERE o.pipeline_id = s.pipeline_id AND o.kind = 'open')
    FROM stages s WHERE s.kind = 'won'),
furthest AS (
    SELECT d.id, d.pipeline_id, max(st.step) AS step
    FROM deals d JOIN stage_entries e ON e.deal_id = d.id JOIN steps st ON st.stage_id = e.stage_id
    WHERE d.created_at <= {asof} AND e."at" <= {asof} GROUP BY d.id, d.pipeline_id),
reached AS (
    SELECT st.pipeline_id, st.step, count(f.id) AS reached
    FROM (SELECT DISTINCT pipeline_id, step FROM steps WHERE pipeline_id IN (SELECT pipeline_id FROM deals)) st LEFT JOIN furthest f ON f.pipeline_id = st.pipeline_id AND f.step >= st.step
    GROUP BY ALL)
SELECT pipeline_id, step, reached, lead(reached) OVER (PARTITION BY pipeline_id ORDER BY step) / nullif(reached, 0) AS conversion
FROM reached ORDER BY pipeline_id, step;
