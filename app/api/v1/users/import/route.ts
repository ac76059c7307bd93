import { AppError } from "@/lib/errors";
import { commandRoute } from "@/lib/transport/command-route";
import { stageImportCommand } from "@/lib/user-import/commands";
import { limitBytes } from "@/lib/user-import/read-import-file";
import { IMPORT_ROUTE } from "@/lib/user-import/route-options";
import { ZImportOptions } from "@/lib/user-import/stage-import";

/**
 * The dry run: the file is the request body, read as it arrives; the options are the query.
 * Answers NDJSON: progress lines (rows checked), then the preview's counts and its job id.
 */
export const POST = commandRoute(stageImportCommand, {
  ...IMPORT_ROUTE,
  query: ZImportOptions,
  input: ({ query, request }) => {
    if (!request.body) throw new AppError("INVALID_INPUT", "Attach a file.", { field: "file" });
    return { ...query, file: limitBytes(request.body as unknown as AsyncIterable<Uint8Array>) };
  },
  stream: true,
});
