type Row = { line: number; username: string; plan: string; outcome: string | null; column: string; message: string };

const PLAN = { create: "Create", update: "Update", skip: "Skip", invalid: "Invalid" } as Record<string, string>;

/** A page of the file's rows: what the preview planned, what happened, and why. Text is rendered as text, never markup. */
export function ImportRows({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return <p className="mt-4 text-slate-600">No rows here.</p>;
  return (
    <div className="mt-4 overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left">
          <tr>
            {["Line", "Username", "Plan", "Outcome", "Column", "Reason"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold text-slate-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.line}>
              <td className="px-3 py-2 tabular-nums">{r.line}</td>
              <td className="px-3 py-2 break-all">{r.username}</td>
              <td className="px-3 py-2">{PLAN[r.plan] ?? r.plan}</td>
              <td className="px-3 py-2">{r.outcome ?? "—"}</td>
              <td className="px-3 py-2 break-all">{r.column}</td>
              <td className="px-3 py-2">{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
