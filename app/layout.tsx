import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Toasts } from "@/components/ui/Toasts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gatehouse", template: "%s · Gatehouse" },
  description: "Users, roles, permissions and API scopes in one console.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        {/* One toast area for the console and /login (after sign-out); sonner loads after hydration. */}
        <Toasts />
      </body>
    </html>
  );
}
