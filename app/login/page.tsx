import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentPrincipal } from "@/lib/auth/current-principal";
import { LoginForm } from "@/components/auth/LoginForm";
import { Logo } from "@/components/shell/Logo";
import { safeCallbackPath } from "@/lib/auth/callback";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await currentPrincipal()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-6 flex items-center justify-center gap-2 text-2xl font-semibold tracking-tight">
          <Logo className="h-8 w-8" />
          Gatehouse
        </p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">Sign in to the console</h1>
          <LoginForm callbackPath={target} />
        </div>
      </div>
    </main>
  );
}
