-- velocity v1 at the as-of date, overall and per owner: open deals x win rate x average won amount / average cycle
-- (days from creation to win), over deals won or lost in the trailing 365 days.
WITH d AS (
    SELECT d.owner_id, d.amount_rub, d.created_at, d.closed_at, s.kind,
           d.closed_at IS NOT NULL AND d.closed_at <= {asof} AND s.kind IN ('won', 'lost') AS decided
    FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.created_at <= {asof}),
g AS (
    SELECT owner_id,
           count(*) FILTER (WHERE NOT decided) AS open_deals,
           count(*) FILTER (WHERE decided AND kind = 'won' AND closed_at > {asof} - 365 * 86400) AS won,
           count(*) FILTER (WHERE decided AND kind = 'lost' AND closed_at > {asof} - 365 * 86400) AS lost,
           avg(amount_rub) FILTER (WHERE decided AND kind = 'won' AND closed_at > {asof} - 365 * 86400) AS avg_won,
           avg((closed_at - created_at) / 86400) FILTER (WHERE decided AND kind = 'won' AND closed_at > {asof} - 365 * 86400) AS cycle
    FROM d GROUP BY GROUPING SETS ((owner_id), ()))
SELECT owner_id, open_deals, won, lost, open_deals * (won / nullif(won + lost, 0)) * avg_won / nullif(cycle, 0) AS velocity_per_day
FROM g ORDER BY owner_id NULLS FIRST;
