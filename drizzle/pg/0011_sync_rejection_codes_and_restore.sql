ALTER TABLE "sync_devices" ADD COLUMN "last_applied_hlc" text;--> statement-breakpoint
ALTER TABLE "sync_rejections" ADD COLUMN "reason_code" varchar(40);