import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Toasts } from "@/components/ui/Toasts";
import { NavigationProgress } from "@/components/shell/NavigationProgress";
import { Providers } from "@/components/shell/Providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gatehouse", template: "%s · Gatehouse" },
  description: "Users, roles, permissions and API scopes in one console.",
};

// next-themes sets the `dark` class on <html> before React hydrates, so React would otherwise warn
// that the server's markup differs.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen">
        <Providers>{children}</Providers>
        <NavigationProgress />
        {/* One toast area for the console and /login (after sign-out); sonner loads after hydration. */}
        <Toasts />
      </body>
    </html>
  );
}
