CREATE TABLE "sync_rejections" (
	"device_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_rejections_pkey" PRIMARY KEY("device_id","seq")
);
--> statement-breakpoint
ALTER TABLE "sync_rejections" ADD CONSTRAINT "sync_rejections_device_id_sync_devices_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."sync_devices"("device_id") ON DELETE cascade ON UPDATE no action;