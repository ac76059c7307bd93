import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getConfig } from "../config/current.ts";
import { db } from "../db/client.ts";
import { clientIp } from "../http/client-address.ts";
import { authSecret } from "./secret.ts";
import { endConsoleSession } from "./sign-out.ts";
import { signInWithPassword } from "./sign-in.ts";
import { throttledCode } from "./throttled.ts";
import { ZCredentials } from "./credentials.ts";

/**
 * next-auth keeps only a signed cookie that carries the session secret (`sid`). Everything
 * else — expiry, idle timeout, revocation, permissions — lives in the Session table and is
 * checked on every request (lib/auth/current-principal.ts).
 */
export async function authOptions(): Promise<AuthOptions> {
  const config = getConfig();
  return {
    secret: await authSecret(),
    session: { strategy: "jwt", maxAge: config.session.absolute_timeout_hours * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Gatehouse",
        credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = ZCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const result = await signInWithPassword(db(), config, {
            ...parsed.data,
            kind: "console",
            ip: clientIp(headers),
            userAgent: headers["user-agent"],
          });
          // Thrown, next-auth hands the message to the form as its error code (lib/auth/throttled.ts).
          if (!result.ok && result.retryAfterSeconds) throw new Error(throttledCode(result.retryAfterSeconds));
          return result.ok ? { id: String(result.userId), sid: result.sessionSecret } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid as string;
        return token;
      },
      // The browser never needs the session secret; the server reads it from the cookie.
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      // next-auth's own /api/auth/signout; the console's button posts to /sign-out (app/sign-out/route.ts).
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endConsoleSession(token.sid);
      },
    },
  };
}
