"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto mt-24 max-w-md rounded-lg border border-red-200 bg-white p-8 shadow-sm" role="alert">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        Nothing was changed by this error. Try again; if it keeps happening, the server log has the details.
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Try again
      </button>
    </main>
  );
}
