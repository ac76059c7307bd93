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
  /** The first row's position, carried by the pager's links only to show the range. */
  start: z.coerce.number().int().min(1).max(1_000_000_000).catch(1),
});
export type TUserListParams = z.infer<typeof ZUserListParams>;
