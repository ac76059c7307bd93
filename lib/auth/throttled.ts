// The rate limit's answer travels from the credentials provider to the sign-in form as
// next-auth's `error` code, so both sides agree on its shape here. Safe for the browser.
const CODE = /^Throttled:(\d+)$/;

/** The error code `authorize` throws when the rate limit refused the attempt. */
export function throttledCode(retryAfterSeconds: number): string {
  return `Throttled:${retryAfterSeconds}`;
}

export function throttledMessage(retryAfterSeconds: number): string {
  return `Too many sign-in attempts from your address; try again in ${retryAfterSeconds} s.`;
}

/** The message for a next-auth error code, when the code is the rate limit's. */
export function messageForThrottledCode(code: string): string | null {
  const match = CODE.exec(code);
  return match ? throttledMessage(Number(match[1])) : null;
}
