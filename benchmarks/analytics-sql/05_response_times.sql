-- response-times v1: hours from arrival to first response, median and 90th percentile (nearest rank) per owner over
-- answered leads; breaches of a 4-hour target (late answers, and unanswered leads older than the target).
WITH l AS (
    SELECT owner_id, received_at, CASE WHEN first_response_at <= {asof} THEN (first_response_at - received_at) / 3600 END AS hours
    FROM leads WHERE received_at <= {asof})
SELECT owner_id, count(*) AS leads, count(hours) AS answered,
       list_sort(list(hours) FILTER (WHERE hours IS NOT NULL))[CAST(ceil(0.5 * count(hours)) AS BIGINT)] AS median_hours,
       list_sort(list(hours) FILTER (WHERE hours IS NOT NULL))[CAST(ceil(0.9 * count(hours)) AS BIGINT)] AS p90_hours,
       count(*) FILTER (WHERE hours > 4 OR hours IS NULL AND {asof} - received_at > 4 * 3600) AS breaches
FROM l GROUP BY GROUPING SETS ((owner_id), ()) ORDER BY owner_id NULLS FIRST;
