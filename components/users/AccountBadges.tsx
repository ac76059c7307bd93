import { formatUtc } from "@/lib/format";

/** The account's state as short labels: in the Users list's rows and every user tab's header. */
export function AccountBadges({ disabled, lockedUntil }: { disabled: boolean; lockedUntil: Date | null }) {
  if (!disabled && !lockedUntil) return null;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {disabled && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">Disabled</span>}
      {lockedUntil && (
        <span
          className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900"
          title={`Locked until ${formatUtc(lockedUntil)}`}
        >
          Locked
        </span>
      )}
    </span>
  );
}
