-- Archive tables (sync-server/src/jobs/archive.ts, docs/operations.md § Archiving): the same columns as the live table
-- plus archived_at. Never synced, no foreign keys (an archived row may point at rows archived or collected later).
-- A migration that adds a column to opportunities, projects or activities must add it here too; the archive job copies
-- the columns both tables have.
CREATE TABLE "archive_opportunities" (LIKE "opportunities" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_opportunities" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE TABLE "archive_projects" (LIKE "projects" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_projects" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE TABLE "archive_activities" (LIKE "activities" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_activities" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE INDEX "archive_activities_entity_idx" ON "archive_activities" ("entity_type", "entity_id");
