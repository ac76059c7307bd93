import { auditExportQuery } from "@/lib/audit/queries";
import { downloadResponse } from "@/lib/http/download";
import { commandRoute } from "@/lib/transport/command-route";

/** The audit log's filtered view as a CSV or JSON file (the page's filters, plus `format`), streamed. */
export const GET = commandRoute(auditExportQuery, {
  query: auditExportQuery.input,
  input: ({ query }) => query,
  reply: downloadResponse,
});
