-- Hand-written: Prisma cannot express virtual tables or triggers.
-- Trigram indexes for searches with a leading or inner `*` (`*ops*`, `*99999`, a claim
-- `*@acme.com`), which a B-tree cannot serve. FTS5's trigram tokenizer (SQLite >= 3.34)
-- indexes every 3-character substring; lib/user-stores/trigram-search.ts turns a pattern's
-- fragments of 3 or more characters into a MATCH that narrows the rows, and the unchanged
-- LIKE then decides, so results are exactly LIKE's. case_sensitive 0 folds case, so the
-- index finds a superset of what SQLite's ASCII-case-insensitive LIKE accepts.

-- Usernames: an external-content table over "User" ("id" is its stable rowid), kept in step
-- by the triggers below; cascaded deletes (a tenant's) fire them too.
CREATE VIRTUAL TABLE "UserNameTrigram" USING fts5("usernameKey", content='User', content_rowid='id', tokenize='trigram case_sensitive 0');

CREATE TRIGGER "User_trigram_insert" AFTER INSERT ON "User" BEGIN
  INSERT INTO "UserNameTrigram" (rowid, "usernameKey") VALUES (NEW."id", NEW."usernameKey");
END;

CREATE TRIGGER "User_trigram_delete" AFTER DELETE ON "User" BEGIN
  INSERT INTO "UserNameTrigram" ("UserNameTrigram", rowid, "usernameKey") VALUES ('delete', OLD."id", OLD."usernameKey");
END;

CREATE TRIGGER "User_trigram_update" AFTER UPDATE OF "id", "usernameKey" ON "User" BEGIN
  INSERT INTO "UserNameTrigram" ("UserNameTrigram", rowid, "usernameKey") VALUES ('delete', OLD."id", OLD."usernameKey");
  INSERT INTO "UserNameTrigram" (rowid, "usernameKey") VALUES (NEW."id", NEW."usernameKey");
END;

INSERT INTO "UserNameTrigram" ("UserNameTrigram") VALUES ('rebuild');

-- Claim values: "UserClaim" has no INTEGER PRIMARY KEY, and an implicit rowid may change on
-- VACUUM, so an external-content index over it could drift. "UserClaimTrigramKey" gives each
-- (userId, claim) a stable id, which is the rowid of its value in "UserClaimTrigram" (an FTS5
-- table that keeps its own copy of the value).
CREATE TABLE "UserClaimTrigramKey" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "claim" TEXT NOT NULL
);
CREATE UNIQUE INDEX "UserClaimTrigramKey_userId_claim_key" ON "UserClaimTrigramKey"("userId", "claim");
CREATE INDEX "UserClaimTrigramKey_claim_id_idx" ON "UserClaimTrigramKey"("claim", "id");

CREATE VIRTUAL TABLE "UserClaimTrigram" USING fts5("value", tokenize='trigram case_sensitive 0');

CREATE TRIGGER "UserClaim_trigram_insert" AFTER INSERT ON "UserClaim" BEGIN
  INSERT INTO "UserClaimTrigramKey" ("userId", "claim") VALUES (NEW."userId", NEW."claim");
  INSERT INTO "UserClaimTrigram" (rowid, "value")
    SELECT k."id", NEW."value" FROM "UserClaimTrigramKey" k WHERE k."userId" = NEW."userId" AND k."claim" = NEW."claim";
END;

CREATE TRIGGER "UserClaim_trigram_delete" AFTER DELETE ON "UserClaim" BEGIN
  DELETE FROM "UserClaimTrigram" WHERE rowid =
    (SELECT k."id" FROM "UserClaimTrigramKey" k WHERE k."userId" = OLD."userId" AND k."claim" = OLD."claim");
  DELETE FROM "UserClaimTrigramKey" WHERE "userId" = OLD."userId" AND "claim" = OLD."claim";
END;

CREATE TRIGGER "UserClaim_trigram_update" AFTER UPDATE ON "UserClaim" BEGIN
  UPDATE "UserClaimTrigramKey" SET "userId" = NEW."userId", "claim" = NEW."claim"
    WHERE "userId" = OLD."userId" AND "claim" = OLD."claim";
  UPDATE "UserClaimTrigram" SET "value" = NEW."value" WHERE rowid =
    (SELECT k."id" FROM "UserClaimTrigramKey" k WHERE k."userId" = NEW."userId" AND k."claim" = NEW."claim");
END;

INSERT INTO "UserClaimTrigramKey" ("userId", "claim") SELECT "userId", "claim" FROM "UserClaim" ORDER BY "userId", "claim";
INSERT INTO "UserClaimTrigram" (rowid, "value")
  SELECT k."id", c."value" FROM "UserClaimTrigramKey" k JOIN "UserClaim" c ON c."userId" = k."userId" AND c."claim" = k."claim";
