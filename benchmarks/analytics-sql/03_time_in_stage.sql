-- time-in-stage v1: visits that ended by the as-of date (entered in order of time, then journal order), days from
-- entering to leaving; median, 80th and 95th percentile per stage (nearest rank).
WITH v AS (
    SELECT stage_id, "at" AS entered, lead("at") OVER (PARTITION BY deal_id ORDER BY "at", seq) AS left_at
    FROM stage_entries WHERE "at" <= {asof}),
d AS (SELECT stage_id, list_sort(list((left_at - entered) / 86400)) AS days FROM v WHERE left_at <= {asof} GROUP BY stage_id)
SELECT stage_id, len(days) AS visits, days[CAST(ceil(0.5 * len(days)) AS BIGINT)] AS median_days,
       days[CAST(ceil(0.8 * len(days)) AS BIGINT)] AS p80_days, days[CAST(ceil(0.95 * len(days)) AS BIGINT)] AS p95_days
FROM d ORDER BY stage_id;
