"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useTableSelection } from "@/components/ui/table/selection";
import type { BulkCan } from "./BulkActions";

// The bar's code (the role picker, the streamed progress) loads when the first user is picked,
// not with the page: most visits to /users select nothing.
const BulkActions = dynamic(() => import("./BulkActions"));

/** Acts on the users selected across pages; shown from the first pick until its summary is dismissed. */
export function BulkBar({ can }: { can: BulkCan }) {
  const picked = Object.keys(useTableSelection().selected).length > 0;
  const [shown, setShown] = useState(false);
  // Once shown, the bar stays mounted: its summary outlives the selection it cleared.
  if (picked && !shown) setShown(true);
  return shown ? <BulkActions can={can} /> : null;
}
