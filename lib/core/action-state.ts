/** What a server action returns to its form (useActionState), and the shape of such an action. */
import type { ErrorCode } from "../errors.ts";

export type ActionState<T = unknown> =
  | { ok: true; message: string; data?: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[] | undefined> }
  | null;

/** A `defineAction` result as a component receives it: the one `Action` type for every form. */
export type FormAction<T = unknown> = (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
