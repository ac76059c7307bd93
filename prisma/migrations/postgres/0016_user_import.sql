-- CreateTable
CREATE TABLE "ImportJob" (
    "id" SERIAL NOT NULL,
    "tenantId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "actorName" TEXT NOT NULL,
    "actorIp" TEXT NOT NULL DEFAULT '',
    "storeId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "onExisting" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'staging',
    "total" INTEGER NOT NULL DEFAULT 0,
    "toCreate" INTEGER NOT NULL DEFAULT 0,
    "toUpdate" INTEGER NOT NULL DEFAULT 0,
    "toSkip" INTEGER NOT NULL DEFAULT 0,
    "invalid" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "owner" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "lastError" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "jobId" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "username" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "column" TEXT NOT NULL DEFAULT '',
    "data" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("jobId","line")
);

-- CreateIndex
CREATE INDEX "ImportJob_tenantId_id_idx" ON "ImportJob"("tenantId", "id");

-- CreateIndex
CREATE INDEX "ImportJob_state_idx" ON "ImportJob"("state");

-- CreateIndex
CREATE INDEX "ImportRow_jobId_plan_line_idx" ON "ImportRow"("jobId", "plan", "line");

-- CreateIndex
CREATE INDEX "ImportRow_jobId_outcome_line_idx" ON "ImportRow"("jobId", "outcome", "line");

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

