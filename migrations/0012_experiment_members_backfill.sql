-- Experiment members of the visits made before the turns wrote them (#17): each contact's first visit of a
-- split (arm: the branch it left by) or of a send with variants (arm: the variant index sent).
INSERT INTO "experiment_members" ("flow_version_id", "node_id", "contact_id", "arm", "entered_at")
SELECT DISTINCT ON (r."flow_version_id", v."node_id", r."contact_id")
       r."flow_version_id", v."node_id", r."contact_id",
       CASE WHEN n->>'type' = 'split' THEN v."port" ELSE v."variant"::text END, v."entered_at"
FROM "node_visits" v
JOIN "runs" r ON r."id" = v."run_id"
JOIN "flow_versions" fv ON fv."id" = r."flow_version_id"
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(fv."graph"->'nodes') = 'array'
                                             THEN fv."graph"->'nodes' ELSE '[]'::jsonb END) n
WHERE n->>'id' = v."node_id"
  AND ((n->>'type' = 'split' AND v."port" IS NOT NULL)
    OR (n->>'type' = 'send' AND v."variant" IS NOT NULL
        AND jsonb_typeof(n->'data'->'variants') = 'array' AND jsonb_array_length(n->'data'->'variants') > 0))
ORDER BY r."flow_version_id", v."node_id", r."contact_id", v."entered_at"
ON CONFLICT DO NOTHING;
