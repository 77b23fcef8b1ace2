-- conversion v1: leads by month of arrival, won = the lead's deal in a won stage and closed by the as-of date; a cohort is
-- mature when its last day ended at least the maturity window (80th percentile, nearest rank, of lead-to-win days,
-- rounded up) before the as-of date.
WITH l AS (
    SELECT l.received_at, CASE WHEN s.kind = 'won' AND d.closed_at <= {asof} THEN d.closed_at END AS won_at
    FROM leads l LEFT JOIN deals d ON d.id = l.deal_id LEFT JOIN stages s ON s.id = d.stage_id
    WHERE l.received_at <= {asof}),
days AS (SELECT ceil((won_at - received_at) / 86400) AS d, row_number() OVER (ORDER BY ceil((won_at - received_at) / 86400)) AS r,
                count(*) OVER () AS n FROM l WHERE won_at IS NOT NULL),
w AS (SELECT coalesce(max(d) FILTER (WHERE r = ceil(0.8 * n)), 90) AS window_days FROM days)
SELECT strftime(month_start, '%Y-%m') AS cohort, count(*) AS leads, count(won_at) AS won, count(won_at) / count(*) AS conversion,
       epoch(month_start + INTERVAL 1 MONTH) + any_value(window_days) * 86400 <= {asof} AS mature
FROM (SELECT date_trunc('month', to_timestamp(received_at)) AS month_start, won_at FROM l), w
GROUP BY month_start ORDER BY month_start;
