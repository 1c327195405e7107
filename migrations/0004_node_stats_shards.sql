ALTER TABLE "node_stats" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "node_stats" DROP CONSTRAINT "node_stats_flow_version_id_node_id_port_pk";--> statement-breakpoint
ALTER TABLE "node_stats" ADD CONSTRAINT "node_stats_flow_version_id_node_id_port_shard_pk" PRIMARY KEY("flow_version_id","node_id","port","shard");
