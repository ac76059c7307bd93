import Link from "next/link";
import type { ReactNode } from "react";
import { requireSession } from "@/lib/transport/guard";
import { allowedFeatures } from "@/lib/authz/decide";
import { ConsoleShell } from "@/components/shell/ConsoleShell";
import { SignOutButton } from "@/components/shell/SignOutButton";
import { ThemeSwitch } from "@/components/shell/ThemeSwitch";
import { visibleNavigation } from "@/components/shell/navigation";
import { Alert } from "@/components/ui/Alert";

// The shell only decides what to show. Each page checks its own permission on the server.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await requireSession();
  const groups = principal.mustChangePassword ? [] : visibleNavigation(allowedFeatures(principal));
  const account = (
    <>
      <span className="min-w-0 text-sm text-slate-600">
        {/* Only the name at phone width; a long one is cut with an ellipsis and shown whole on hover. */}
        <span className="sr-only sm:not-sr-only">Signed in as </span>
        <strong
          data-testid="current-user"
          className="inline-block max-w-[14rem] truncate align-bottom text-slate-900"
          title={principal.displayName}
        >
          {principal.displayName}
        </strong>
        {/* The tenant as WSO2 names it in a sign-in name: "admin @ acme.com", "admin @ carbon.super". */}
        <span aria-hidden="true"> @ </span>
        <span className="sr-only"> in tenant </span>
        <span
          data-testid="current-tenant"
          className="inline-block max-w-[12rem] truncate align-bottom text-slate-900"
          title={principal.tenantDomain}
        >
          {principal.tenantDomain}
        </span>
      </span>
      <Link href="/account/password" className="text-sm text-slate-700 underline-offset-2 hover:underline">
        Change password
      </Link>
      <ThemeSwitch />
      <SignOutButton />
    </>
  );
  return (
    <ConsoleShell groups={groups} account={account}>
      {principal.mustChangePassword && (
        <div className="mb-6">
          <Alert tone="warning" title="You are using the default password">
            Anyone who knows WSO2&apos;s defaults can sign in as you. Choose a new password to use the console.
          </Alert>
        </div>
      )}
      {children}
    </ConsoleShell>
  );
}
