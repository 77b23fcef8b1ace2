-- yearly-buyers v1: companies that won deals within one month of the same calendar month M (M - 1, M or M + 1,
-- across year ends: a December win counts for the January after it) in at least two different years.
WITH w AS (
    SELECT DISTINCT d.company_id, year(to_timestamp(d.closed_at)) * 12 + month(to_timestamp(d.closed_at)) - 1 AS a
    FROM deals d JOIN stages s ON s.id = d.stage_id WHERE s.kind = 'won' AND d.closed_at <= {asof}),
windows AS (
    SELECT w.company_id, (w.a + o.o) % 12 AS target, (w.a + o.o) // 12 AS y
    FROM w, range(-1, 2) o(o))
SELECT count(DISTINCT company_id) AS yearly_buyers
FROM (SELECT company_id, target FROM windows GROUP BY ALL HAVING count(DISTINCT y) >= 2);
