CREATE TABLE "campaign_members" (
	"campaign_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"bot_account_id" uuid NOT NULL,
	"send_at" timestamp with time zone NOT NULL,
	"run_id" uuid,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"bucket" text,
	"sent_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"reply" text,
	"variant" smallint,
	CONSTRAINT "campaign_members_campaign_id_contact_id_pk" PRIMARY KEY("campaign_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"flow_id" uuid NOT NULL,
	"segment_id" uuid,
	"rules" jsonb NOT NULL,
	"exclusions" jsonb NOT NULL,
	"schedule" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"send_time" text DEFAULT 'fixed' NOT NULL,
	"window" jsonb,
	"reply_to" text DEFAULT 'flow' NOT NULL,
	"reply_window" text DEFAULT 'P3D' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"parent_id" uuid,
	"created_by" uuid,
	"launched_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "initiated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "message_budget" jsonb DEFAULT '{"perDay":2,"perWeek":5}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "simple_replies" text[] DEFAULT '{好的,好,嗯,嗯嗯,收到,谢谢,谢谢你,知道了,ok,okay,好滴,👍,thanks,thx}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "intent_keywords" text[] DEFAULT '{多少钱,价格,怎么买,购买,下单,报名,链接,优惠,price,buy,how much}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_bot_account_id_bot_accounts_id_fk" FOREIGN KEY ("bot_account_id") REFERENCES "public"."bot_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_members_bucket" ON "campaign_members" USING btree ("campaign_id","bucket");--> statement-breakpoint
CREATE INDEX "campaign_members_run" ON "campaign_members" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "campaign_members_contact" ON "campaign_members" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "campaign_members_awaiting" ON "campaign_members" USING btree ("contact_id","sent_at") WHERE status = 'sent' and replied_at is null;--> statement-breakpoint
CREATE INDEX "campaigns_workspace" ON "campaigns" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "campaigns_due" ON "campaigns" USING btree ("status") WHERE status in ('scheduled', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "segments_workspace_name" ON "segments" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "outbox_initiated_sent" ON "outbox" USING btree ("contact_id","done_at") WHERE initiated and status = 'sent';--> statement-breakpoint
CREATE INDEX "room_member_days_contact" ON "room_member_days" USING btree ("contact_id","day");--> statement-breakpoint
CREATE INDEX "goals_contact" ON "goals" USING btree ("contact_id","name");--> statement-breakpoint
CREATE INDEX "runs_contact_finished" ON "runs" USING btree ("contact_id","flow_id") WHERE status = 'completed';