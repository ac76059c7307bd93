import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { currentPrincipal } from "../auth/current-principal.ts";
import type { ActionState } from "../core/action-state.ts";
import { fieldErrors } from "../core/zod-issues.ts";
import { formObject } from "../core/form-object.ts";
import { clientIp } from "../http/client-address.ts";
import { AppError } from "../errors.ts";
import { findMalformedText, MALFORMED_TEXT, malformedTextMessage } from "../http/well-formed.ts";
import { decide } from "../authz/decide.ts";
import type { FeatureKey } from "../authz/features.ts";
import type { Actor } from "../authz/principal.ts";

export type { ActionState, FormAction } from "../core/action-state.ts";

type Options<S extends z.ZodType> = {
  /** The feature the caller must hold; "self" means any signed-in user acting on their own account. */
  feature: FeatureKey | "self";
  schema: S;
};

/**
 * The only way to define a server action. It loads the session, checks the feature through
 * decide(), validates the form with zod and maps AppErrors to a typed state for
 * useActionState. Cross-origin and oversized action posts are refused before Next.js runs the
 * action (proxy.ts).
 */
export function defineAction<S extends z.ZodType, T>(
  options: Options<S>,
  body: (input: z.infer<S>, actor: Actor) => Promise<{ message: string; data?: T }>,
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    // The wire format lets a caller send any arguments at all, not only a form.
    if (!(formData instanceof FormData)) return { ok: false, code: "INVALID_INPUT", message: "The request is not a form submission." };
    const principal = await currentPrincipal();
    if (!principal) return { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." };
    if (options.feature !== "self") {
      const decision = decide(principal, options.feature);
      if (!decision.allowed) return { ok: false, code: decision.code, message: decision.reason };
    }
    const fields = formObject(formData);
    const bad = findMalformedText(fields);
    if (bad !== null) {
      const field = bad.split(/[.[]/)[0] ?? bad;
      return { ok: false, code: "INVALID_INPUT", message: malformedTextMessage(bad), fieldErrors: { [field]: [MALFORMED_TEXT] } };
    }
    const parsed = options.schema.safeParse(fields);
    if (!parsed.success) {
      return { ok: false, code: "INVALID_INPUT", message: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
    }
    try {
      const ip = clientIp(Object.fromEntries((await headers()).entries()));
      const result = await body(parsed.data, { ...principal, ip });
      return { ok: true, ...result };
    } catch (error) {
      if (error instanceof AppError) {
        const field = typeof error.details?.field === "string" ? error.details.field : undefined;
        // A check that needs the database (a profile against the tenant's claims) answers every field at once.
        const many = error.details?.fieldErrors as Record<string, string[]> | undefined;
        const fieldErrors = many ?? (field ? { [field]: [error.message] } : undefined);
        return { ok: false, code: error.code, message: error.message, ...(fieldErrors ? { fieldErrors } : {}) };
      }
      throw error;
    }
  };
}
