import { z } from "zod";
import { PAGE_SIZES } from "../paging.ts";

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

/** The user list's URL state. Anything malformed falls back to its default, so a bad link still opens. */
export const ZUserListParams = z.object({
  q: text(256),
  domain: text(64),
  claim: text(256),
  value: text(256),
  sort: z.enum(["username", "domain"]).catch("username"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25),
  after: text(2048),
  before: text(2048),
});
export type TUserListParams = z.infer<typeof ZUserListParams>;
