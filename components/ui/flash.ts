/**
 * A message for the next page after a full page load (sign-out's 303 to /login, the reload after
 * a forced password change): a short-lived cookie that Toasts.tsx shows once and clears. It is
 * text only, shown as a toast's text, never as markup.
 */
export const FLASH_COOKIE = "gatehouse-flash";

/** The Set-Cookie attributes: readable by the page's script, gone within a minute if unread. */
export const FLASH_COOKIE_OPTIONS = { path: "/", maxAge: 60, sameSite: "lax", httpOnly: false } as const;

/** Sets the flash from the browser, just before a full page load. */
export function setFlash(message: string): void {
  document.cookie = `${FLASH_COOKIE}=${encodeURIComponent(message)}; path=/; max-age=60; samesite=lax`;
}

/** Reads and clears the flash, if any. */
export function takeFlash(): string | null {
  const entry = document.cookie.split("; ").find((c) => c.startsWith(`${FLASH_COOKIE}=`));
  if (!entry) return null;
  document.cookie = `${FLASH_COOKIE}=; path=/; max-age=0; samesite=lax`;
  try {
    return decodeURIComponent(entry.slice(FLASH_COOKIE.length + 1)) || null;
  } catch {
    return null;
  }
}
