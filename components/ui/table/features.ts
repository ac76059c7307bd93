import {
  columnFilteringFeature,
  globalFilteringFeature,
  metaHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";

/**
 * The features every console table registers: sorting, filtering and selection, whose state the
 * URL table hook owns. Module scope, since TanStack needs the features object stable.
 */
export const urlTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowSelectionFeature,
  tableMeta: metaHelper<object>(),
});

/**
 * The same features typed with one table's `meta`, through which its cells reach the page's
 * actions. `tableMeta` is a type-only slot (stripped at runtime), so one object serves every table.
 */
export type UrlTableFeatures<TMeta extends object> = Omit<typeof urlTableFeatures, "tableMeta"> & { tableMeta: TMeta };
