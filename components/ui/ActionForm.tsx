"use client";

import { createContext, startTransition, useActionState, useContext, useRef, type ReactNode } from "react";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import { Alert } from "./Alert";
import { Button } from "./Button";
import { Field } from "./Field";

const ErrorsContext = createContext<Record<string, string[] | undefined>>({});

/**
 * A form bound to a server action: pending state on the button, the result announced above
 * the fields, field errors next to their fields, and a Reload offer when someone else saved first.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  hidden = {},
}: {
  action: FormAction;
  submitLabel: string;
  children: ReactNode;
  hidden?: Record<string, string>;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await action(previous, data);
    if (result?.ok) form.current?.reset();
    return result;
  }, null);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  // Dispatching by hand keeps what the admin typed when the server rejects it; React resets
  // a <form action> after every submission, errors included.
  return (
    <form
      ref={form}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      // The server's messages, announced next to each field, replace the browser's own bubbles.
      noValidate
      className="max-w-xl space-y-4"
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state && (state.ok || !state.fieldErrors) && (
        <Alert tone={state.ok ? "success" : "error"}>
          {state.message}
          {!state.ok && state.code === "STALE_VERSION" && (
            <button type="button" className="ml-2 font-semibold underline" onClick={() => window.location.reload()}>
              Reload
            </button>
          )}
        </Alert>
      )}
      <ErrorsContext.Provider value={fieldErrors}>{children}</ErrorsContext.Provider>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}

/** A Field inside an ActionForm, showing that field's errors from the last submit. */
export function FormField(props: Omit<Parameters<typeof Field>[0], "errors">) {
  const errors = useContext(ErrorsContext);
  return <Field {...props} errors={errors[props.name]} />;
}

export function useFieldErrors(name: string): string[] | undefined {
  return useContext(ErrorsContext)[name];
}
