-- forecast v1 (configured probabilities): open deals in an open stage at the as-of date, by month of expected close
-- ("overdue" before the as-of date, "unscheduled" without one): sum of amount x probability, in roubles.
SELECT CASE WHEN d.expected_close IS NULL THEN 'unscheduled'
            WHEN d.expected_close < CAST(to_timestamp({asof}) AS DATE) THEN 'overdue'
            ELSE strftime(d.expected_close, '%Y-%m') END AS month,
       count(*) AS deals, sum(d.amount_rub) AS amount,
       sum(d.amount_rub * coalesce(d.probability_override, s.probability) / 100) AS weighted
FROM deals d JOIN stages s ON s.id = d.stage_id
WHERE s.kind = 'open' AND d.created_at <= {asof} AND (d.closed_at IS NULL OR d.closed_at > {asof})
GROUP BY ALL ORDER BY month;
