import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto mt-24 max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-xl font-semibold">Access denied</h1>
      <p className="mt-2 text-slate-600">Your roles do not grant the permission this page needs. Ask an administrator if you need it.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        Back to the home page
      </Link>
    </main>
  );
}
