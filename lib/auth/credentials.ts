import { z } from "zod";

// Bounded so that nobody can make the server hash a megabyte of "password".
export const ZCredentials = z.object({
  username: z.string().trim().min(1).max(256),
  password: z.string().min(1).max(1024),
});
export type TCredentials = z.infer<typeof ZCredentials>;
