"use client";

import { startTransition, useActionState, useEffect, useMemo, useRef, type ReactNode } from "react";
import { FormProvider, getFormProps, parse, useField, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "zod";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import { formObject } from "@/lib/core/form-object";
import { fieldErrors } from "@/lib/core/zod-issues";
import { Alert } from "./Alert";
import { Button } from "./Button";
import { Field } from "./Field";
import { loadFormSchema, type FormSchema } from "./form-schemas";
import { toastResult } from "./toast";

/** The server's answer as Conform's last result: its field errors, attached to their fields. */
export function serverResult(state: ActionState<unknown>): SubmissionResult | undefined {
  if (!state || state.ok || !state.fieldErrors) return undefined;
  const error = Object.fromEntries(Object.entries(state.fieldErrors).filter((e): e is [string, string[]] => Boolean(e[1]?.length)));
  return { status: "error", error, fields: Object.keys(error) };
}

/** The form's schema once it has loaded; until then the server alone checks what is posted. */
export function useFormSchema(schema: FormSchema | undefined) {
  const loaded = useRef<z.ZodType | null>(null);
  const key = JSON.stringify(schema ?? null);
  useEffect(() => {
    const wanted: FormSchema | null = JSON.parse(key);
    if (!wanted) return;
    let live = true;
    void loadFormSchema(wanted).then((s) => {
      if (live) loaded.current = s;
    });
    return () => {
      live = false;
    };
  }, [key]);
  return loaded;
}

/** Conform's check of the posted fields with the loaded schema: every field's error at once (none until it has loaded). */
export function validateWith(schema: z.ZodType | null, formData: FormData) {
  return parse(formData, {
    resolve: () => {
      const parsed = schema?.safeParse(formObject(formData));
      return !parsed || parsed.success ? { value: {} } : { error: fieldErrors(parsed.error) as Record<string, string[]> };
    },
  });
}

type Props = {
  action: FormAction;
  submitLabel: string;
  children: ReactNode;
  hidden?: Record<string, string>;
  /** The schema the action parses with, checked in the browser too, so every field's error shows at once. */
  schema?: FormSchema;
  /** Clear the fields after a success (the default); an edit form keeps the values it saved. */
  resetOnSuccess?: boolean;
  /** After a success, from a client component: e.g. a full page load. */
  onSuccess?: (state: ActionState) => void;
};

/**
 * A form bound to a server action through Conform: on submit it checks the same zod schema the
 * action parses with and shows every field's error at once; once shown, an error is re-checked
 * as the admin types and goes when fixed. The server's field errors (a taken name, say) come back
 * attached to their fields the same way, what the admin typed is kept on error, a success is a
 * toast, and a Reload is offered when someone else saved first.
 */
export function ActionForm({ action, submitLabel, children, hidden = {}, schema, resetOnSuccess = true, onSuccess }: Props) {
  const element = useRef<HTMLFormElement>(null);
  const validator = useFormSchema(schema);
  const [state, formAction, pending] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await action(previous, data);
    if (result?.ok) {
      toastResult(result);
      if (resetOnSuccess) element.current?.reset();
      onSuccess?.(result);
    }
    return result;
  }, null);
  const lastResult = useMemo(() => serverResult(state), [state]);
  const [form] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => validateWith(validator.current, formData),
    // Dispatching by hand keeps what the admin typed when the server rejects it; React resets
    // a <form action> after every submission, errors included.
    onSubmit: (event, { formData }) => {
      event.preventDefault();
      startTransition(() => formAction(formData));
    },
  });
  const formError = state && !state.ok && !state.fieldErrors ? state : null;
  return (
    <FormProvider context={form.context}>
      <form ref={element} {...getFormProps(form)} className="max-w-xl space-y-4">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {formError && (
          <Alert tone="error">
            {formError.message}
            {formError.code === "STALE_VERSION" && (
              <button type="button" className="ml-2 font-semibold underline" onClick={() => window.location.reload()}>
                Reload
              </button>
            )}
          </Alert>
        )}
        {children}
        <Button type="submit" busy={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </form>
    </FormProvider>
  );
}

/** A field's current errors in the enclosing ActionForm: the browser's check or the server's answer. */
export function useFieldErrors(name: string): string[] | undefined {
  const [meta] = useField(name);
  return meta.errors?.length ? meta.errors : undefined;
}

/** A Field inside an ActionForm, showing that field's errors. */
export function FormField(props: Omit<Parameters<typeof Field>[0], "errors">) {
  return <Field {...props} errors={useFieldErrors(props.name)} />;
}
