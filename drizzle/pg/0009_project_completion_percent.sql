-- Per-project completion rule (수료 기준, docs/hrd-training-rules.md): the share of scheduled hours a trainee must attend;
-- null = the company default (80). The archive copy gets the column too (0005: the archive job copies common columns).
ALTER TABLE "projects" ADD COLUMN "completion_percent" integer;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_completion_percent_check" CHECK ("projects"."completion_percent" between 0 and 100);--> statement-breakpoint
ALTER TABLE "archive_projects" ADD COLUMN "completion_percent" integer;
