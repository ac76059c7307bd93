import { z } from "zod";
import { isWellFormedText, MALFORMED_TEXT } from "../http/well-formed.ts";

// Bounded so that nobody can make the server hash a megabyte of "password".
export const ZCredentials = z.object({
  username: z.string().trim().min(1).max(256).refine(isWellFormedText, MALFORMED_TEXT),
  password: z.string().min(1).max(1024).refine(isWellFormedText, MALFORMED_TEXT),
});
