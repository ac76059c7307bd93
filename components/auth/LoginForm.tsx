"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { messageForThrottledCode } from "@/lib/auth/throttled";
import { signInWithCredentials } from "./credentials-sign-in";

export const SIGN_IN_FAILED = "Invalid username or password.";

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signInWithCredentials(String(form.get("username") ?? ""), String(form.get("password") ?? ""));
      if (result) {
        setError(messageForThrottledCode(result.error) || SIGN_IN_FAILED);
        setPending(false);
        return;
      }
      // A full navigation, so the server renders the console with the new session cookie.
      window.location.assign(callbackPath);
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        maxLength={256}
      />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required maxLength={1024} />
      <div aria-live="assertive" className="min-h-6 text-sm font-medium text-red-700">
        {error}
      </div>
      <Button type="submit" className="w-full" busy={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
