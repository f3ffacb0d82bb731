CREATE TABLE "sync_gc_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"floor_txid" "xid8" NOT NULL,
	"floor_id" bigint NOT NULL,
	"horizon" timestamp(3) with time zone NOT NULL,
	"collected_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
