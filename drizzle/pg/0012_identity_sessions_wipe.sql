ALTER TABLE "sync_devices" ADD COLUMN "wipe_requested_at" timestamp(3) with time zone;--> statement-breakpoint
ALTER TABLE "user_credentials" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "family_expires_at" timestamp(3) with time zone;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "successor_id" uuid;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "successor_sealed" text;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "grace_used_at" timestamp(3) with time zone;--> statement-breakpoint
-- A user's tier, role or active flag changed (by the administration API, a pushed edit or SQL): every session of that
-- user ends on every device, so no access token outlives the rights it was issued under (docs/security.md § Sessions).
CREATE FUNCTION end_sessions_on_privilege_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.user_tier IS DISTINCT FROM OLD.user_tier OR NEW.role_id IS DISTINCT FROM OLD.role_id
     OR NEW.is_active IS DISTINCT FROM OLD.is_active OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
    UPDATE user_sessions SET revoked_at = now(), successor_sealed = NULL WHERE user_id = NEW.id AND revoked_at IS NULL;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER users_end_sessions_on_privilege_change AFTER UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION end_sessions_on_privilege_change();
