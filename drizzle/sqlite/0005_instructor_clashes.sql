CREATE TABLE `instructor_clashes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text,
	`created_by` text,
	`updated_by` text,
	`deleted_by` text,
	`instructor_id` text NOT NULL,
	`date` text NOT NULL,
	`overlap_start` text NOT NULL,
	`overlap_end` text NOT NULL,
	`class_a_id` text NOT NULL,
	`project_a_id` text NOT NULL,
	`session_a_number` integer NOT NULL,
	`class_a_number` integer NOT NULL,
	`start_a` text NOT NULL,
	`end_a` text NOT NULL,
	`coordinator_a_id` text,
	`class_b_id` text NOT NULL,
	`project_b_id` text NOT NULL,
	`session_b_number` integer NOT NULL,
	`class_b_number` integer NOT NULL,
	`start_b` text NOT NULL,
	`end_b` text NOT NULL,
	`coordinator_b_id` text,
	`detected_at` text NOT NULL,
	`checked_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `instructor_clashes_class_a_id_idx` ON `instructor_clashes` (`class_a_id`);--> statement-breakpoint
CREATE INDEX `instructor_clashes_class_b_id_idx` ON `instructor_clashes` (`class_b_id`);