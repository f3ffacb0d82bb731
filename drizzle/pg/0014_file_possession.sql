CREATE TABLE "file_possessions" (
	"sha256" varchar(64) NOT NULL,
	"user_id" uuid NOT NULL,
	"proved_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_possessions_pkey" PRIMARY KEY("sha256","user_id")
);
--> statement-breakpoint
-- Hand-written part (issue #19, proof of possession): references made before this migration were accepted without a
-- proof, so their creators keep access to the blobs they attached (nothing that worked yesterday stops working);
-- every reference made from now on needs one (sync-server/src/files/service.ts).
INSERT INTO "file_possessions" ("sha256", "user_id")
SELECT DISTINCT a."sha256", a."created_by" FROM "attachments" a JOIN "file_blobs" b ON b."sha256" = a."sha256"
 WHERE a."created_by" IS NOT NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- An attachment names one file for life: a new file is a new attachment. Otherwise a user could re-point a row that a
-- possessor created at another hash and read bytes through that possessor's proof. 23514 reads as the standard
-- 'constraint' refusal of a push (sync-server/src/sync/refusal.ts).
CREATE FUNCTION "attachments_sha256_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."sha256" IS DISTINCT FROM OLD."sha256" THEN
    RAISE EXCEPTION 'an attachment''s file cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "attachments_sha256_fixed" BEFORE UPDATE OF "sha256" ON "attachments"
  FOR EACH ROW EXECUTE FUNCTION "attachments_sha256_fixed"();
