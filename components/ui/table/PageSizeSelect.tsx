// lib/paging.ts's PAGE_SIZES, written out: that module loads zod, which the filter forms (client
// components) must not ship.
const PAGE_SIZES = [10, 25, 50, 100] as const;

/** A list's "Per page" choice inside its GET filter form: applied when the form is submitted. */
export function PageSizeSelect({ id, size, className }: { id: string; size: string | undefined; className: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        Per page
      </label>
      <select key={size} id={id} name="size" defaultValue={size} className={className}>
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}
