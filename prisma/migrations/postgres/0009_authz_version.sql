-- One number per tenant that moves with every change that can alter an authorization decision
-- or a session's principal: memberships, grants, roles (create, delete, rename, kind, store),
-- users (create, delete, rename, store, mustChangePassword), stores' domains, scopes, scope
-- mappings and role aliases. Triggers bump it in the writing transaction, so no code path can
-- forget it; caches key their entries by it (lib/authz-check, lib/authz/principal-cache.ts).
-- Not a Prisma model: only raw SQL reads it.
--
-- The triggers are DEFERRABLE INITIALLY DEFERRED constraint triggers: the bump runs at commit,
-- so the version row is always the LAST lock a transaction takes. Taken mid-transaction, a
-- membership insert holding it while waiting on a user row that another writer holds (which
-- then waits on the version row) would deadlock. One bump per tenant and transaction: a
-- transaction-local setting remembers it, so a 1,000-row import updates the row once.
CREATE TABLE "AuthzVersion" (
    "tenantId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "AuthzVersion_pkey" PRIMARY KEY ("tenantId"),
    CONSTRAINT "AuthzVersion_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "AuthzVersion" ("tenantId") SELECT "id" FROM "Tenant";

CREATE FUNCTION "authz_version_bump"(tenant INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF tenant IS NULL OR current_setting('gatehouse.authz_bumped_' || tenant, true) = '1' THEN RETURN; END IF;
    PERFORM set_config('gatehouse.authz_bumped_' || tenant, '1', true);
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = tenant;
END $$;

CREATE FUNCTION "authz_version_tenant_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "AuthzVersion" ("tenantId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER "AuthzVersion_tenant_insert" AFTER INSERT ON "Tenant" FOR EACH ROW EXECUTE FUNCTION "authz_version_tenant_insert"();

-- Rows that carry their tenant.
CREATE FUNCTION "authz_version_by_tenant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM "authz_version_bump"(OLD."tenantId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM "authz_version_bump"(NEW."tenantId"); END IF;
    RETURN NULL;
END $$;

-- Rows that name a role: grants and aliases.
CREATE FUNCTION "authz_version_by_role"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM "authz_version_bump"((SELECT "tenantId" FROM "Role" WHERE "id" = OLD."roleId")); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM "authz_version_bump"((SELECT "tenantId" FROM "Role" WHERE "id" = NEW."roleId")); END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION "authz_version_by_scope"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM "authz_version_bump"(COALESCE((SELECT "tenantId" FROM "ApiScope" WHERE "id" = OLD."scopeId"),
                                              (SELECT "tenantId" FROM "Role" WHERE "id" = OLD."roleId")));
    END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM "authz_version_bump"((SELECT "tenantId" FROM "ApiScope" WHERE "id" = NEW."scopeId")); END IF;
    RETURN NULL;
END $$;

-- Memberships name no tenant: through the role, or the user when the role is being deleted.
CREATE FUNCTION "authz_version_by_membership"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM "authz_version_bump"(COALESCE((SELECT "tenantId" FROM "Role" WHERE "id" = OLD."roleId"),
                                              (SELECT "tenantId" FROM "User" WHERE "id" = OLD."userId")));
    END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM "authz_version_bump"((SELECT "tenantId" FROM "Role" WHERE "id" = NEW."roleId")); END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "AuthzVersion_membership" AFTER INSERT OR UPDATE OR DELETE ON "Membership"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "authz_version_by_membership"();
CREATE CONSTRAINT TRIGGER "AuthzVersion_grant" AFTER INSERT OR UPDATE OR DELETE ON "RoleGrant"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "authz_version_by_role"();
CREATE CONSTRAINT TRIGGER "AuthzVersion_alias" AFTER INSERT OR UPDATE OR DELETE ON "RoleAlias"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "authz_version_by_role"();
CREATE CONSTRAINT TRIGGER "AuthzVersion_scope_role" AFTER INSERT OR UPDATE OR DELETE ON "ScopeRole"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "authz_version_by_scope"();

CREATE CONSTRAINT TRIGGER "AuthzVersion_role_insert_delete" AFTER INSERT OR DELETE ON "Role"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "authz_version_by_tenant"();
-- Not on "version" or "updatedAt": every role edit moves those, and its grants or members bump already.
CREATE CONSTRAINT TRIGGER "AuthzVersion_role_update" AFTER UPDATE OF "name", "kind", "storeId", "tenantId" ON "Role"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."kind" IS DISTINCT FROM NEW."kind"
          OR OLD."storeId" IS DISTINCT FROM NEW."storeId" OR OLD."tenantId" IS DISTINCT FROM NEW."tenantId")
    EXECUTE FUNCTION "authz_version_by_tenant"();

-- A new user turns an "unknown user" answer into a decision, so inserts count too.
CREATE CONSTRAINT TRIGGER "AuthzVersion_user_insert_delete" AFTER INSERT OR DELETE ON "User"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "authz_version_by_tenant"();
-- Not on sign-in bookkeeping (attempts, lockout, lastAttemptAt): those must not empty the caches.
CREATE CONSTRAINT TRIGGER "AuthzVersion_user_update" AFTER UPDATE OF "username", "usernameKey", "storeId", "tenantId", "mustChangePassword" ON "User"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD."username" IS DISTINCT FROM NEW."username" OR OLD."usernameKey" IS DISTINCT FROM NEW."usernameKey"
          OR OLD."storeId" IS DISTINCT FROM NEW."storeId" OR OLD."tenantId" IS DISTINCT FROM NEW."tenantId"
          OR OLD."mustChangePassword" IS DISTINCT FROM NEW."mustChangePassword")
    EXECUTE FUNCTION "authz_version_by_tenant"();

CREATE CONSTRAINT TRIGGER "AuthzVersion_store_insert_delete" AFTER INSERT OR DELETE ON "UserStore"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "authz_version_by_tenant"();
CREATE CONSTRAINT TRIGGER "AuthzVersion_store_update" AFTER UPDATE OF "domain" ON "UserStore"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."domain" IS DISTINCT FROM NEW."domain")
    EXECUTE FUNCTION "authz_version_by_tenant"();

CREATE CONSTRAINT TRIGGER "AuthzVersion_scope_insert_delete" AFTER INSERT OR DELETE ON "ApiScope"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "authz_version_by_tenant"();
CREATE CONSTRAINT TRIGGER "AuthzVersion_scope_update" AFTER UPDATE OF "name" ON "ApiScope"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
    EXECUTE FUNCTION "authz_version_by_tenant"();
