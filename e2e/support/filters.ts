import { expect, type Locator, type Page } from "@playwright/test";

/**
 * A list's filter field, once its form is bound to the URL. The form is the server's GET form and
 * its binding arrives after hydration (components/ui/table/UrlFilters.tsx): typing filters after a
 * pause and Clear works only from then on, so tests that rely on either wait for it here.
 */
export async function boundFilter(page: Page, label: string): Promise<Locator> {
  const field = page.getByLabel(label, { exact: true });
  await expect(field.locator("xpath=ancestor::form[1]")).toHaveAttribute("data-filters", "bound");
  return field;
}
