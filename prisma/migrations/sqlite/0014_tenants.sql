-- Hand-written (the generator rebuilds the table, and dropping "Tenant" with foreign keys on
-- would cascade to every row of it; docs/development.md): WSO2's tenant lifecycle and the
-- contact details of its Add New Tenant form.
ALTER TABLE "Tenant" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Tenant" ADD COLUMN "firstName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Tenant" ADD COLUMN "lastName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Tenant" ADD COLUMN "email" TEXT NOT NULL DEFAULT '';
