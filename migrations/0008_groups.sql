CREATE TABLE "member_wechat" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"contact_id" uuid,
	"code" text,
	"code_expires_at" timestamp with time zone,
	"bound_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "room_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"run_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_member_days" (
	"room_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "room_member_days_room_id_day_contact_id_pk" PRIMARY KEY("room_id","day","contact_id")
);
--> statement-breakpoint
CREATE TABLE "room_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"inviter_contact_id" uuid,
	"via" text DEFAULT 'other' NOT NULL,
	"last_message_at" timestamp with time zone,
	"message_count" integer DEFAULT 0 NOT NULL,
	"is_admin" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_set_days" (
	"room_set_id" uuid NOT NULL,
	"day" date NOT NULL,
	"scans" integer DEFAULT 0 NOT NULL,
	"joins" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "room_set_days_room_set_id_day_pk" PRIMARY KEY("room_set_id","day")
);
--> statement-breakpoint
CREATE TABLE "room_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer DEFAULT 450 NOT NULL,
	"live_code_slug" text,
	"live_code_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "owner_puppet_id" text;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "bot_is_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "member_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "room_set_id" uuid;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "qr_media_id" uuid;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "qr_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "awaits_room_join" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "room_id" uuid;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "activity_grades" jsonb DEFAULT '{"days":30,"active":20,"lurker":0}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "member_wechat" ADD CONSTRAINT "member_wechat_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_wechat" ADD CONSTRAINT "member_wechat_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_wechat" ADD CONSTRAINT "member_wechat_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_invites" ADD CONSTRAINT "room_invites_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_invites" ADD CONSTRAINT "room_invites_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_invites" ADD CONSTRAINT "room_invites_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_invites" ADD CONSTRAINT "room_invites_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_member_days" ADD CONSTRAINT "room_member_days_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_member_days" ADD CONSTRAINT "room_member_days_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_members" ADD CONSTRAINT "room_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_members" ADD CONSTRAINT "room_members_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_members" ADD CONSTRAINT "room_members_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_members" ADD CONSTRAINT "room_members_inviter_contact_id_contacts_id_fk" FOREIGN KEY ("inviter_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_set_days" ADD CONSTRAINT "room_set_days_room_set_id_room_sets_id_fk" FOREIGN KEY ("room_set_id") REFERENCES "public"."room_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_sets" ADD CONSTRAINT "room_sets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_wechat_workspace_user" ON "member_wechat" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_wechat_contact" ON "member_wechat" USING btree ("contact_id") WHERE contact_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "member_wechat_code" ON "member_wechat" USING btree ("workspace_id","code") WHERE code is not null;--> statement-breakpoint
CREATE INDEX "room_invites_pending" ON "room_invites" USING btree ("room_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "room_invites_contact" ON "room_invites" USING btree ("contact_id") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "room_members_room_contact" ON "room_members" USING btree ("room_id","contact_id");--> statement-breakpoint
CREATE INDEX "room_members_contact" ON "room_members" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "room_sets_workspace_name" ON "room_sets" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "room_sets_live_code_slug" ON "room_sets" USING btree ("live_code_slug") WHERE live_code_slug is not null;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_room_set_id_room_sets_id_fk" FOREIGN KEY ("room_set_id") REFERENCES "public"."room_sets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rooms_workspace_set" ON "rooms" USING btree ("workspace_id","room_set_id");