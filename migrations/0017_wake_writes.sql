ALTER TABLE "outbox" DROP CONSTRAINT "outbox_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_bot_account_id_bot_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_contact_id_contacts_id_fk";
--> statement-breakpoint
ALTER TABLE "node_visits" DROP CONSTRAINT "node_visits_run_id_runs_id_fk";
--> statement-breakpoint
DROP INDEX "runs_contact_open";--> statement-breakpoint
ALTER TABLE "node_visits" DROP COLUMN "id";--> statement-breakpoint
-- The (run, node, visit) unique index becomes the primary key as it is: no rebuild of a large table's index.
ALTER TABLE "node_visits" ADD CONSTRAINT "node_visits_run_id_node_id_visit_pk" PRIMARY KEY USING INDEX "node_visits_run_node_visit";--> statement-breakpoint
-- The foreign keys dropped above cascaded deletes: these triggers do it now, a statement at a time. Rows
-- are only written for an owner the writer holds (a turn locks its run and contact), so nothing is
-- checked at insert — the checks were ~26 µs of PostgreSQL's CPU in every campaign start (bench:runtime (c)).
CREATE FUNCTION runs_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM node_visits v USING gone g WHERE v.run_id = g.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER runs_gone AFTER DELETE ON runs
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION runs_gone();--> statement-breakpoint
CREATE FUNCTION outbox_owner_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'contacts' THEN
    DELETE FROM outbox o USING gone g WHERE o.contact_id = g.id;
  ELSIF TG_TABLE_NAME = 'bot_accounts' THEN
    DELETE FROM outbox o USING gone g WHERE o.bot_account_id = g.id;
  ELSE
    DELETE FROM outbox o USING gone g WHERE o.workspace_id = g.id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER contacts_outbox_gone AFTER DELETE ON contacts
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION outbox_owner_gone();--> statement-breakpoint
CREATE TRIGGER bot_accounts_outbox_gone AFTER DELETE ON bot_accounts
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION outbox_owner_gone();--> statement-breakpoint
CREATE TRIGGER workspaces_outbox_gone AFTER DELETE ON workspaces
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION outbox_owner_gone();
