CREATE TABLE "authz_epoch" (
	"id" integer PRIMARY KEY NOT NULL,
	"epoch" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "authz_epoch" ("id", "epoch") VALUES (1, 0);--> statement-breakpoint
-- What a user's scope and permissions are computed from changed (sync/scope.ts loadScope, sync/permissions.ts
-- loadPermissions): the epoch grows in the same transaction, so a server instance's cache of rights read under the
-- old epoch is not used by any push that starts after this commit (sync/rights-cache.ts).
CREATE FUNCTION bump_authz_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE authz_epoch SET epoch = epoch + 1 WHERE id = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER teams_bump_authz_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION bump_authz_epoch();--> statement-breakpoint
CREATE TRIGGER team_members_bump_authz_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON team_members
  FOR EACH STATEMENT EXECUTE FUNCTION bump_authz_epoch();--> statement-breakpoint
CREATE TRIGGER role_permissions_bump_authz_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_permissions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_authz_epoch();--> statement-breakpoint
CREATE TRIGGER permissions_bump_authz_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON permissions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_authz_epoch();--> statement-breakpoint
CREATE TRIGGER users_bump_authz_epoch_rows AFTER INSERT OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_authz_epoch();--> statement-breakpoint
-- A user row's other columns (name, phone, …) are edited far more often and change nobody's rights.
CREATE FUNCTION bump_authz_epoch_on_user_rights() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.user_tier IS DISTINCT FROM OLD.user_tier OR NEW.role_id IS DISTINCT FROM OLD.role_id
     OR NEW.is_active IS DISTINCT FROM OLD.is_active OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
    UPDATE authz_epoch SET epoch = epoch + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_bump_authz_epoch AFTER UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION bump_authz_epoch_on_user_rights();
