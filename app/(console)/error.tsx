"use client";

// Keeps the shell and its navigation when one page fails, instead of replacing the whole console.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="max-w-xl rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-slate-600">
        Nothing was changed. Try again; if it keeps happening, the server log has the details
        {error.digest ? (
          <>
            {" "}
            under reference <code>{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Try again
      </button>
    </div>
  );
}
