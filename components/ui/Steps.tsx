/** A wizard's step list; the current step is marked for assistive technology with aria-current. */
export function Steps({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <ol className="mb-6 flex flex-wrap gap-2" aria-label="Steps">
      {steps.map((label, i) => (
        <li
          key={label}
          aria-current={i === current ? "step" : undefined}
          className={`rounded-full px-3 py-1 text-sm ${i === current ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-700"}`}
        >
          {i + 1}. {label}
        </li>
      ))}
    </ol>
  );
}
