import { metaHelper, rowSortingFeature, tableFeatures } from "@tanstack/table-core";

/**
 * The features the console's tables build with, on the server: sorting (read from the URL, so
 * headers know their direction) and the table's `meta`, through which cells reach the page's
 * actions. Filters and selection are the URL's and the browser's (url-filters-binding.ts, selection.tsx),
 * not the table's. Module scope, since TanStack needs the features object stable.
 */
export const urlTableFeatures = tableFeatures({ rowSortingFeature, tableMeta: metaHelper<object>() });

/**
 * The same features typed with one table's `meta`. `tableMeta` is a type-only slot (stripped at
 * runtime), so one object serves every table.
 */
export type UrlTableFeatures<TMeta extends object> = Omit<typeof urlTableFeatures, "tableMeta"> & { tableMeta: TMeta };
