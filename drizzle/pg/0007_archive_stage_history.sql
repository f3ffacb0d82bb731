-- An opportunity's stage history (append-only children) is archived with it (sync-server/src/jobs/archive.ts).
CREATE TABLE "archive_opportunity_stage_history" (LIKE "opportunity_stage_history" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_opportunity_stage_history" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE INDEX "archive_opportunity_stage_history_opportunity_idx" ON "archive_opportunity_stage_history" ("opportunity_id");
