import { limitBytes } from "@/lib/user-import/read-import-file";
import { stageImportCommand } from "@/lib/user-import/commands";
import { ZImportOptions } from "@/lib/user-import/stage-import";
import { commandRoute } from "@/lib/transport/command-route";
import { AppError } from "@/lib/errors";

/**
 * The dry run: the file is the request body (read as it arrives), the options are the query.
 * Answers NDJSON: "checked N rows" progress lines, then the preview's counts and job id.
 */
export const POST = commandRoute(stageImportCommand, {
  query: ZImportOptions,
  input: ({ query, request }) => {
    if (!request.body) throw new AppError("INVALID_INPUT", "Attach a file.", { field: "file" });
    return { ...query, file: limitBytes(request.body as unknown as AsyncIterable<Uint8Array>) };
  },
  stream: true,
});
