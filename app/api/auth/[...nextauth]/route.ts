import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request because the signing secret lives in the database.
async function handler(request: Request, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, await authOptions());
}

export { handler as GET, handler as POST };
