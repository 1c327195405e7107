CREATE TABLE "contact_activity" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"counts" integer[] NOT NULL
);
--> statement-breakpoint
DROP INDEX "contacts_segment_scan";--> statement-breakpoint
DROP INDEX "contacts_segment_wide";--> statement-breakpoint
ALTER TABLE "contact_activity" ADD CONSTRAINT "contact_activity_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Each contact's counts move to their own row (a contact that never spoke keeps none: all zero).
INSERT INTO "contact_activity" ("contact_id", "counts")
  SELECT "id", "activity" FROM "contacts" WHERE "activity" <> array_fill(0, array[168]);--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "activity";