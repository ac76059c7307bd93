import { z } from "zod";
import { PAGE_SIZES } from "../paging.ts";

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

export const ZRoleListParams = z.object({
  q: text(256),
  domain: text(64),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25),
  after: text(2048),
  before: text(2048),
});
