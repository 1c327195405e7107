ALTER TABLE "node_visits" ADD COLUMN "step" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The visits already there: their order within a turn (one entered_at) was their ids' (0017 drops the id).
UPDATE node_visits v SET step = s.step FROM (
  SELECT id, least(row_number() OVER (PARTITION BY run_id, entered_at ORDER BY id) - 1, 32767)::smallint AS step
  FROM node_visits) s
WHERE v.id = s.id AND s.step > 0;
