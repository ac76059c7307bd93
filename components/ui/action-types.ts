import type { ActionState } from "@/lib/authz/action";

/** A server action as `useActionState` calls it: the one shape every form and table cell takes. */
export type FormAction<T = unknown> = (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
