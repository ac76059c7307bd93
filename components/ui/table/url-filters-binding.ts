import { filterHref, hrefFor, type UrlState } from "./url-state";

/** How long typing pauses before the list follows it: one navigation per pause, not per key. */
export const FILTER_DEBOUNCE_MS = 300;

/** What UrlSearchForm tells the binding: its form, the list's URL state and which keys follow typing. */
export type UrlFiltersProps = {
  formId: string;
  path: string;
  state: UrlState;
  /** The keys that reach the URL after a pause; the others (the page size) on submit. */
  live: readonly string[];
  /** A hidden field that carries the browser's offset from UTC whenever a date field changes. */
  zone?: string;
};

type Navigate = { replace: (href: string) => void; push: (href: string) => void };
type Field = HTMLInputElement | HTMLSelectElement;

const zoneOffset = () => String(new Date().getTimezoneOffset());

/**
 * Binds a list's server-rendered GET filter form to the URL, on the form's own elements (so a
 * field the admin is typing in keeps its focus and text). What is typed reaches the URL after a
 * pause, replacing the history entry and starting again at the first page; submitting navigates
 * at once. The URL stays the only state: when it changes while nothing is pending (Back, a link),
 * the fields follow it. Text typed before the binding arrived is not lost: it is sent as if typed now.
 */
export function bindUrlFilters(
  form: HTMLFormElement,
  state: UrlState,
  props: Omit<UrlFiltersProps, "formId" | "state">,
  navigate: Navigate,
) {
  const { path, live, zone } = props;
  let current = state;
  let draft: UrlState = {};
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const isField = (el: unknown): el is Field => (el instanceof HTMLInputElement && el.type !== "hidden") || el instanceof HTMLSelectElement;
  const fields = () => [...form.elements].filter(isField).filter((el) => live.includes(el.name));
  const zoneInput = () => (zone ? form.elements.namedItem(zone) : null);

  function showClear(field: Field) {
    const clear = field.parentElement?.querySelector<HTMLButtonElement>("button[data-clear]");
    if (clear) clear.hidden = !field.value;
  }

  function changed(field: Field) {
    draft = { ...draft, [field.name]: field.value };
    if (zone && field.type === "date") draft[zone] = zoneOffset();
    showClear(field);
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      pending = false;
      const href = filterHref(path, current, draft);
      if (href !== hrefFor(path, current)) navigate.replace(href);
    }, FILTER_DEBOUNCE_MS);
  }

  const onInput = (event: Event) => {
    if (isField(event.target) && live.includes(event.target.name)) changed(event.target);
  };
  // The same URL a GET of the form would load, without reloading the page.
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    clearTimeout(timer);
    pending = false;
    const values = Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value)]));
    navigate.push(filterHref(path, {}, values));
  };
  // Clearing empties the box, filters at once after the pause like typing, and returns focus to the input.
  const onClick = (event: MouseEvent) => {
    const clear = event.target instanceof Element ? event.target.closest("button[data-clear]") : null;
    const input = clear?.parentElement?.querySelector("input");
    if (!input) return;
    input.value = "";
    changed(input);
    input.focus();
  };

  form.addEventListener("input", onInput);
  form.addEventListener("submit", onSubmit);
  form.addEventListener("click", onClick);
  const hidden = zoneInput();
  if (hidden instanceof HTMLInputElement) hidden.value = zoneOffset();
  for (const field of fields()) {
    const value = current[field.name] ?? "";
    // A select shows its first option for a URL value it does not offer: that is not a change.
    const offered = !(field instanceof HTMLSelectElement) || [...field.options].some((o) => o.value === value);
    if (offered && field.value !== value) changed(field);
  }
  form.dataset.filters = "bound";

  return {
    /** The page re-rendered for a URL: unless typing is pending, the fields show that URL's values. */
    follow(next: UrlState) {
      if (hrefFor(path, next) === hrefFor(path, current)) return;
      current = next;
      const hidden = zoneInput();
      if (hidden instanceof HTMLInputElement) hidden.value = zoneOffset();
      if (pending) return;
      draft = {};
      for (const field of fields()) {
        const value = next[field.name] ?? "";
        if (field.value !== value) field.value = value;
        showClear(field);
      }
    },
    dispose() {
      clearTimeout(timer);
      form.removeEventListener("input", onInput);
      form.removeEventListener("submit", onSubmit);
      form.removeEventListener("click", onClick);
      delete form.dataset.filters;
    },
  };
}
