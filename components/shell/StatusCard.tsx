import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The 403 and 404 pages' card. Inside the console it sits in the shell's <main>, so it is a plain
 * block there (`landmark: false`); at the root (an unknown address, no shell) it is the page's <main>.
 */
export function StatusCard({ title, children, landmark }: { title: string; children: ReactNode; landmark: boolean }) {
  const Box = landmark ? "main" : "div";
  return (
    <Box className={`mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm ${landmark ? "mt-24" : "mt-12"}`}>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{children}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        Back to the home page
      </Link>
    </Box>
  );
}

export const FORBIDDEN_TEXT = "Your roles do not grant the permission this page needs. Ask an administrator if you need it.";
export const NOT_FOUND_TEXT = "There is nothing at this address, or it belongs to another tenant.";
