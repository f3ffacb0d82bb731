CREATE TABLE "instructor_clashes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"instructor_id" uuid NOT NULL,
	"date" date NOT NULL,
	"overlap_start" time(0) NOT NULL,
	"overlap_end" time(0) NOT NULL,
	"class_a_id" uuid NOT NULL,
	"project_a_id" uuid NOT NULL,
	"session_a_number" integer NOT NULL,
	"class_a_number" integer NOT NULL,
	"start_a" time(0) NOT NULL,
	"end_a" time(0) NOT NULL,
	"coordinator_a_id" uuid,
	"class_b_id" uuid NOT NULL,
	"project_b_id" uuid NOT NULL,
	"session_b_number" integer NOT NULL,
	"class_b_number" integer NOT NULL,
	"start_b" time(0) NOT NULL,
	"end_b" time(0) NOT NULL,
	"coordinator_b_id" uuid,
	"detected_at" timestamp(3) with time zone NOT NULL,
	"checked_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "instructor_clashes_overlap_check" CHECK ("instructor_clashes"."overlap_end" > "instructor_clashes"."overlap_start"),
	CONSTRAINT "instructor_clashes_pair_check" CHECK ("instructor_clashes"."class_a_id" < "instructor_clashes"."class_b_id")
);
--> statement-breakpoint
CREATE INDEX "instructor_clashes_class_a_id_idx" ON "instructor_clashes" USING btree ("class_a_id");--> statement-breakpoint
CREATE INDEX "instructor_clashes_class_b_id_idx" ON "instructor_clashes" USING btree ("class_b_id");--> statement-breakpoint
CREATE INDEX "instructor_clashes_project_a_id_idx" ON "instructor_clashes" USING btree ("project_a_id");--> statement-breakpoint
CREATE INDEX "instructor_clashes_project_b_id_idx" ON "instructor_clashes" USING btree ("project_b_id");