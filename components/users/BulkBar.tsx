"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import { useTableSelection } from "@/components/ui/table/selection";
import type { BulkCan } from "./BulkActions";

// The bar's code (the role picker, the streamed progress) is not part of the page's first load:
// most visits to /users select nothing. It is fetched once the page is interactive, so the first
// pick does not wait for it, and it suspends inside its own boundary, never the table's.
const loadBulkActions = () => import("./BulkActions");
const BulkActions = lazy(loadBulkActions);

/** Acts on the users selected across pages; shown from the first pick until its summary is dismissed. */
export function BulkBar({ can }: { can: BulkCan }) {
  const picked = Object.keys(useTableSelection().selected).length > 0;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    void loadBulkActions();
  }, []);
  // Once shown, the bar stays mounted: its summary outlives the selection it cleared.
  if (picked && !shown) setShown(true);
  return shown ? (
    <Suspense fallback={null}>
      <BulkActions can={can} />
    </Suspense>
  ) : null;
}
