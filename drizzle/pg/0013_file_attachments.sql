CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"entity_type" varchar(30) NOT NULL,
	"entity_id" uuid NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"mime_type" varchar(100) NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" varchar(64) NOT NULL,
	CONSTRAINT "attachments_entity_type_check" CHECK ("attachments"."entity_type" in ('MEETING_MINUTES', 'COMPANY', 'OPPORTUNITY', 'PROJECT', 'TRAINING_CLASS', 'ACTIVITY')),
	CONSTRAINT "attachments_size_bytes_check" CHECK ("attachments"."size_bytes" >= 0),
	CONSTRAINT "attachments_sha256_check" CHECK ("attachments"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "file_blobs" (
	"sha256" varchar(64) PRIMARY KEY NOT NULL,
	"size_bytes" bigint NOT NULL,
	"mime_type" varchar(100) NOT NULL,
	"storage" varchar(20) NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_chunks" (
	"sha256" varchar(64) NOT NULL,
	"n" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "file_chunks_pkey" PRIMARY KEY("sha256","n")
);
--> statement-breakpoint
CREATE TABLE "file_uploads" (
	"sha256" varchar(64) PRIMARY KEY NOT NULL,
	"size_bytes" bigint NOT NULL,
	"mime_type" varchar(100) NOT NULL,
	"user_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "attachments_entity_idx" ON "attachments" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "attachments_sha256_idx" ON "attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "attachments_live_idx" ON "attachments" USING btree ("created_at") WHERE "attachments"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "file_uploads_updated_idx" ON "file_uploads" USING btree ("updated_at");--> statement-breakpoint
-- Hand-written part (issue #19): chunks are mostly compressed formats (PDF, JPEG, Office zip); storing them EXTERNAL
-- skips PostgreSQL's pointless compression attempt on every write.
ALTER TABLE "file_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;
--> statement-breakpoint
-- Archiving moves the files attached to an archived opportunity, project (and its classes) or activity with it
-- (sync-server/src/jobs/archive.ts); same shape as 0005/0008: the live columns + archived_at. gc keeps the blobs
-- archived rows reference.
CREATE TABLE "archive_attachments" (LIKE "attachments" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "archive_attachments" ADD COLUMN "archived_at" timestamp(3) with time zone DEFAULT now() NOT NULL, ADD PRIMARY KEY ("id");
--> statement-breakpoint
CREATE INDEX "archive_attachments_sha256_idx" ON "archive_attachments" ("sha256");
