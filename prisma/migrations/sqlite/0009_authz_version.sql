-- One number per tenant that moves with every change that can alter an authorization decision
-- or a session's principal: memberships, grants, roles (create, delete, rename, kind, store),
-- users (create, delete, rename, store, mustChangePassword), stores' domains, scopes, scope
-- mappings and role aliases. Triggers bump it in the writing transaction, so no code path can
-- forget it; caches key their entries by it (lib/authz-check, lib/authz/principal-cache.ts).
-- Not a Prisma model: only raw SQL reads it.
CREATE TABLE "AuthzVersion" (
    "tenantId" INTEGER NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "AuthzVersion_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "AuthzVersion" ("tenantId") SELECT "id" FROM "Tenant";

CREATE TRIGGER "AuthzVersion_tenant_insert" AFTER INSERT ON "Tenant" BEGIN
    INSERT INTO "AuthzVersion" ("tenantId") VALUES (NEW."id");
END;

-- Memberships name no tenant: through the role, or the user when the role is being deleted.
CREATE TRIGGER "AuthzVersion_membership_insert" AFTER INSERT ON "Membership" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = COALESCE(
        (SELECT "tenantId" FROM "Role" WHERE "id" = NEW."roleId"), (SELECT "tenantId" FROM "User" WHERE "id" = NEW."userId"));
END;
CREATE TRIGGER "AuthzVersion_membership_delete" AFTER DELETE ON "Membership" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = COALESCE(
        (SELECT "tenantId" FROM "Role" WHERE "id" = OLD."roleId"), (SELECT "tenantId" FROM "User" WHERE "id" = OLD."userId"));
END;
CREATE TRIGGER "AuthzVersion_membership_update" AFTER UPDATE ON "Membership" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" IN (
        (SELECT "tenantId" FROM "Role" WHERE "id" = OLD."roleId"), (SELECT "tenantId" FROM "Role" WHERE "id" = NEW."roleId"));
END;

CREATE TRIGGER "AuthzVersion_grant_insert" AFTER INSERT ON "RoleGrant" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = (SELECT "tenantId" FROM "Role" WHERE "id" = NEW."roleId");
END;
CREATE TRIGGER "AuthzVersion_grant_delete" AFTER DELETE ON "RoleGrant" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = (SELECT "tenantId" FROM "Role" WHERE "id" = OLD."roleId");
END;
CREATE TRIGGER "AuthzVersion_grant_update" AFTER UPDATE ON "RoleGrant" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = (SELECT "tenantId" FROM "Role" WHERE "id" = NEW."roleId");
END;

CREATE TRIGGER "AuthzVersion_role_insert" AFTER INSERT ON "Role" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = NEW."tenantId";
END;
CREATE TRIGGER "AuthzVersion_role_delete" AFTER DELETE ON "Role" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = OLD."tenantId";
END;
-- Not on "version" or "updatedAt": every role edit moves those, and its grants or members bump already.
CREATE TRIGGER "AuthzVersion_role_update" AFTER UPDATE OF "name", "kind", "storeId", "tenantId" ON "Role"
WHEN OLD."name" IS NOT NEW."name" OR OLD."kind" IS NOT NEW."kind" OR OLD."storeId" IS NOT NEW."storeId" OR OLD."tenantId" IS NOT NEW."tenantId" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" IN (OLD."tenantId", NEW."tenantId");
END;

-- A new user turns an "unknown user" answer into a decision, so inserts count too.
CREATE TRIGGER "AuthzVersion_user_insert" AFTER INSERT ON "User" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = NEW."tenantId";
END;
CREATE TRIGGER "AuthzVersion_user_delete" AFTER DELETE ON "User" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = OLD."tenantId";
END;
-- Not on sign-in bookkeeping (attempts, lockout, lastAttemptAt): those must not empty the caches.
CREATE TRIGGER "AuthzVersion_user_update" AFTER UPDATE OF "username", "usernameKey", "storeId", "tenantId", "mustChangePassword" ON "User"
WHEN OLD."username" IS NOT NEW."username" OR OLD."usernameKey" IS NOT NEW."usernameKey" OR OLD."storeId" IS NOT NEW."storeId"
  OR OLD."tenantId" IS NOT NEW."tenantId" OR OLD."mustChangePassword" IS NOT NEW."mustChangePassword" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" IN (OLD."tenantId", NEW."tenantId");
END;

CREATE TRIGGER "AuthzVersion_store_insert" AFTER INSERT ON "UserStore" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = NEW."tenantId";
END;
CREATE TRIGGER "AuthzVersion_store_delete" AFTER DELETE ON "UserStore" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = OLD."tenantId";
END;
CREATE TRIGGER "AuthzVersion_store_update" AFTER UPDATE OF "domain" ON "UserStore" WHEN OLD."domain" IS NOT NEW."domain" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = NEW."tenantId";
END;

CREATE TRIGGER "AuthzVersion_scope_insert" AFTER INSERT ON "ApiScope" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = NEW."tenantId";
END;
CREATE TRIGGER "AuthzVersion_scope_delete" AFTER DELETE ON "ApiScope" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = OLD."tenantId";
END;
CREATE TRIGGER "AuthzVersion_scope_update" AFTER UPDATE OF "name" ON "ApiScope" WHEN OLD."name" IS NOT NEW."name" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = NEW."tenantId";
END;

CREATE TRIGGER "AuthzVersion_scope_role_insert" AFTER INSERT ON "ScopeRole" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = (SELECT "tenantId" FROM "ApiScope" WHERE "id" = NEW."scopeId");
END;
CREATE TRIGGER "AuthzVersion_scope_role_delete" AFTER DELETE ON "ScopeRole" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = COALESCE(
        (SELECT "tenantId" FROM "ApiScope" WHERE "id" = OLD."scopeId"), (SELECT "tenantId" FROM "Role" WHERE "id" = OLD."roleId"));
END;

CREATE TRIGGER "AuthzVersion_alias_insert" AFTER INSERT ON "RoleAlias" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = (SELECT "tenantId" FROM "Role" WHERE "id" = NEW."roleId");
END;
CREATE TRIGGER "AuthzVersion_alias_delete" AFTER DELETE ON "RoleAlias" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = COALESCE(
        (SELECT "tenantId" FROM "Role" WHERE "id" = OLD."roleId"), (SELECT "tenantId" FROM "Role" WHERE "id" = OLD."aliasRoleId"));
END;
