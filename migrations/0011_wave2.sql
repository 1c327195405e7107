CREATE TABLE "channel_scans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"bot_account_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"contact_id" uuid
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"hello_code" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"spend" integer DEFAULT 0 NOT NULL,
	"bot_account_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "friend_qrs" (
	"bot_account_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment_members" (
	"flow_version_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"arm" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "experiment_members_flow_version_id_node_id_contact_id_pk" PRIMARY KEY("flow_version_id","node_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "node_stats_daily" (
	"flow_version_id" uuid NOT NULL,
	"day" date NOT NULL,
	"node_id" text NOT NULL,
	"port" text NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "node_stats_daily_flow_version_id_day_node_id_port_shard_pk" PRIMARY KEY("flow_version_id","day","node_id","port","shard")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "channel_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "channel_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "deleted_us_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "channel_id" uuid;--> statement-breakpoint
ALTER TABLE "channel_scans" ADD CONSTRAINT "channel_scans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_scans" ADD CONSTRAINT "channel_scans_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_scans" ADD CONSTRAINT "channel_scans_bot_account_id_bot_accounts_id_fk" FOREIGN KEY ("bot_account_id") REFERENCES "public"."bot_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "friend_qrs" ADD CONSTRAINT "friend_qrs_bot_account_id_bot_accounts_id_fk" FOREIGN KEY ("bot_account_id") REFERENCES "public"."bot_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "friend_qrs" ADD CONSTRAINT "friend_qrs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "friend_qrs" ADD CONSTRAINT "friend_qrs_media_id_media_files_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_members" ADD CONSTRAINT "experiment_members_flow_version_id_flow_versions_id_fk" FOREIGN KEY ("flow_version_id") REFERENCES "public"."flow_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_members" ADD CONSTRAINT "experiment_members_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_stats_daily" ADD CONSTRAINT "node_stats_daily_flow_version_id_flow_versions_id_fk" FOREIGN KEY ("flow_version_id") REFERENCES "public"."flow_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_scans_unclaimed" ON "channel_scans" USING btree ("bot_account_id","at") WHERE contact_id is null;--> statement-breakpoint
CREATE INDEX "channel_scans_channel" ON "channel_scans" USING btree ("channel_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_slug" ON "channels" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_workspace_name" ON "channels" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_workspace_hello" ON "channels" USING btree ("workspace_id",lower("hello_code")) WHERE hello_code is not null;--> statement-breakpoint
CREATE INDEX "experiment_members_entered" ON "experiment_members" USING btree ("flow_version_id","node_id","entered_at","arm","contact_id");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_channel" ON "contacts" USING btree ("channel_id") WHERE channel_id is not null;--> statement-breakpoint
CREATE INDEX "contacts_account_friends" ON "contacts" USING btree ("bot_account_id") WHERE friend_status = 'friend';--> statement-breakpoint
CREATE INDEX "contacts_segment_scan" ON "contacts" USING btree ("workspace_id","bot_account_id","id","friend_status","first_added_at","last_inbound_at","last_outbound_at","name","alias","attributes") WHERE preview_flow_version_id is null and octet_length(attributes::text) + octet_length(name) + coalesce(octet_length(alias), 0) <= 800;--> statement-breakpoint
CREATE INDEX "contacts_segment_wide" ON "contacts" USING btree ("workspace_id") WHERE preview_flow_version_id is null and not (octet_length(attributes::text) + octet_length(name) + coalesce(octet_length(alias), 0) <= 800);--> statement-breakpoint
CREATE INDEX "goals_workspace_at" ON "goals" USING btree ("workspace_id","created_at");