import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { currentPrincipal } from "../auth/current-principal.ts";
import { clientIp } from "../auth/options.ts";
import { AppError, type ErrorCode } from "../errors.ts";
import { decide } from "./decide.ts";
import type { FeatureKey } from "./features.ts";
import type { Principal } from "./principal.ts";

export type ActionState<T = unknown> =
  | { ok: true; message: string; data?: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[] | undefined> }
  | null;

export type ActionContext = { principal: Principal; ip: string };

type Options<S extends z.ZodType> = {
  /** The feature the caller must hold; "self" means any signed-in user acting on their own account. */
  feature: FeatureKey | "self";
  schema: S;
};

/**
 * The only way to define a server action. It loads the session, checks the feature through
 * decide(), validates the form with zod and maps AppErrors to a typed state for
 * useActionState. Next.js itself rejects cross-origin action posts.
 */
export function defineAction<S extends z.ZodType, T>(
  options: Options<S>,
  body: (input: z.infer<S>, ctx: ActionContext) => Promise<{ message: string; data?: T }>,
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const principal = await currentPrincipal();
    if (!principal) return { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." };
    if (options.feature !== "self") {
      const decision = decide(principal, principal.tenantId, options.feature);
      if (!decision.allowed) return { ok: false, code: decision.code, message: decision.reason };
    }
    const parsed = options.schema.safeParse(formObject(formData));
    if (!parsed.success) {
      return { ok: false, code: "INVALID_INPUT", message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    }
    try {
      const ip = clientIp(Object.fromEntries((await headers()).entries()));
      const result = await body(parsed.data, { principal, ip });
      return { ok: true, ...result };
    } catch (error) {
      if (error instanceof AppError) {
        const field = typeof error.details?.field === "string" ? error.details.field : undefined;
        return { ok: false, code: error.code, message: error.message, ...(field ? { fieldErrors: { [field]: [error.message] } } : {}) };
      }
      throw error;
    }
  };
}

/** Form fields as an object; React's own `$ACTION_*` fields are left out. */
function formObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const prior = out[key];
    out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}
