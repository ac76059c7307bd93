/**
 * next-auth's credentials sign-in as its `signIn("credentials", { redirect: false })` sends it:
 * fetch the CSRF token, post the form to the callback, read the error code (if any) from the
 * answer's URL. Two requests of next-auth's documented REST API, so /login does not ship
 * next-auth/react (≈13 kB of client JavaScript) for them. Returns null on success.
 */
export async function signInWithCredentials(username: string, password: string): Promise<{ error: string } | null> {
  const csrf = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, username, password, callbackUrl: window.location.href, json: "true" }),
  });
  const { url } = (await response.json()) as { url?: string };
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : "CredentialsSignin";
  return error || !response.ok ? { error: error ?? "CredentialsSignin" } : null;
}
