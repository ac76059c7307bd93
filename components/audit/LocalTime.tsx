"use client";

import { useSyncExternalStore } from "react";

const noChange = () => () => undefined;
const local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
const utc = (iso: string) => `${iso.slice(0, 19).replace("T", " ")} UTC`;

/**
 * An instant in the reader's own time zone, UTC on hover. The server does not know that zone,
 * so it renders UTC and hydration keeps it (the server snapshot); the browser then re-renders
 * in local time: no hydration mismatch, and without JavaScript the UTC time stays.
 */
export function LocalTime({ iso }: { iso: string }) {
  const shown = useSyncExternalStore(
    noChange,
    () => local.format(new Date(iso)),
    () => utc(iso),
  );
  return (
    <time dateTime={iso} title={utc(iso)} className="whitespace-nowrap">
      {shown}
    </time>
  );
}
