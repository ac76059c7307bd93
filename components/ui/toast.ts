import type { ActionState } from "@/lib/core/action-state";

// sonner is ~10 kB of gzip, past the first-load budget of every route (docs/performance.md), so
// it is fetched once the page is interactive (ToastHost.tsx) and a toast waits for its <Toaster/>:
// one raised before the Toaster subscribes would be lost.
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

/** Called by ToastHost.tsx once sonner's <Toaster/> is mounted and listening. */
export function toasterReady() {
  markReady();
}

export type ToastTone = "success" | "error" | "info";

/** Shows one toast; errors stay until dismissed, so an admin who looked away still reads them. */
export async function showToast(tone: ToastTone, message: string): Promise<void> {
  await ready;
  const { toast } = await import("sonner");
  if (tone === "error") toast.error(message, { duration: Infinity, closeButton: true });
  else toast[tone](message);
}

/** A server action's result as a toast; nothing for a null state. */
export function toastResult(result: ActionState): void {
  if (result) void showToast(result.ok ? "success" : "error", result.message);
}

/** Runs an action with a "working" toast that becomes its result, for actions that may take seconds. */
export async function toastWhile(working: string, run: () => Promise<ActionState>): Promise<void> {
  await ready;
  const { toast } = await import("sonner");
  const id = toast.loading(working);
  try {
    const result = await run();
    if (!result) toast.dismiss(id);
    else if (result.ok) toast.success(result.message, { id });
    else toast.error(result.message, { id, duration: Infinity, closeButton: true });
  } catch {
    toast.error("The server could not be reached. Try again.", { id, duration: Infinity, closeButton: true });
  }
}
