-- A finished project is archived with its whole tree (sync-server/src/jobs/archive.ts): team members, sessions (차수),
-- classes (분반), enrolments, attendance and feedback. Same shape as 0005: the live columns + archived_at, no foreign keys.
-- Trainees stay live: they are people of a customer company, not parts of one project.
CREATE TABLE "archive_project_team_members" (LIKE "project_team_members" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_project_team_members" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE TABLE "archive_training_sessions" (LIKE "training_sessions" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_training_sessions" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE TABLE "archive_training_classes" (LIKE "training_classes" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_training_classes" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE TABLE "archive_enrollments" (LIKE "enrollments" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_enrollments" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE TABLE "archive_attendance_records" (LIKE "attendance_records" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_attendance_records" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE TABLE "archive_training_feedback" (LIKE "training_feedback" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_training_feedback" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE INDEX "archive_training_sessions_project_idx" ON "archive_training_sessions" ("project_id");
