"use client";

import { startTransition, useActionState, useState, type ReactNode } from "react";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import { Alert } from "./Alert";
import { Button } from "./Button";
import { showToast } from "./toast";

/**
 * A save remounts the editor (a new version), so the Save button that had focus is gone: focus
 * moves to the page's heading, not to the body where a keyboard user would have to start over.
 */
function focusPageHeading() {
  document.querySelector<HTMLElement>("main h1[tabindex]")?.focus();
}

/**
 * Preview, then save: Save stays off until the change as it stands now (`changeKey`) has been
 * reviewed, so nobody saves what they have not seen. A successful save re-renders the page
 * with a new version, which remounts the editor, so its message is a toast.
 */
export function useReviewThenSave<P>(preview: FormAction<P>, save: FormAction, changeKey: string) {
  const [review, reviewAction, reviewing] = useActionState(preview, null);
  const [saved, saveAction, saving] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await save(previous, data);
    if (result?.ok) {
      void showToast("success", result.message);
      focusPageHeading();
    }
    return result;
  }, null);
  const [reviewedKey, setReviewedKey] = useState<string | null>(null);
  const reviewed = reviewedKey === changeKey;
  return {
    /** The preview of the change as it stands, or null once the change moved on. */
    review: reviewed ? review : null,
    reviewing,
    saved,
    saving,
    reviewed,
    reviewNow: (form: FormData) =>
      startTransition(() => {
        reviewAction(form);
        setReviewedKey(changeKey);
      }),
    saveNow: (form: FormData) => startTransition(() => saveAction(form)),
  };
}

export type ReviewThenSave<P> = ReturnType<typeof useReviewThenSave<P>>;

/** The Review and Save buttons, the errors of both, and the preview between them. */
export function ReviewSaveBar<P>({
  flow,
  dirty,
  form,
  preview,
  summary,
}: {
  flow: ReviewThenSave<P>;
  dirty: boolean;
  form: () => FormData;
  preview: (data: P) => ReactNode;
  summary?: string;
}) {
  const { review, reviewing, saved, saving, reviewed } = flow;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" disabled={!dirty} busy={reviewing} onClick={() => flow.reviewNow(form())}>
          {reviewing ? "Working out the changes…" : "Review changes"}
        </Button>
        <Button disabled={!dirty || !reviewed || !review?.ok} busy={saving} onClick={() => flow.saveNow(form())}>
          {saving ? "Saving…" : "Save"}
        </Button>
        <span className="text-sm text-slate-600">
          {summary}
          {summary && dirty && !reviewed && " "}
          {dirty && !reviewed && "Review the changes before saving."}
        </span>
      </div>
      {review && !review.ok && <Alert tone="error">{review.message}</Alert>}
      {review?.ok && review.data !== undefined && preview(review.data)}
      {saved && !saved.ok && (
        <Alert tone="error">
          {saved.message}
          {saved.code === "STALE_VERSION" && (
            <button type="button" className="ml-2 font-semibold underline" onClick={() => window.location.reload()}>
              Reload
            </button>
          )}
        </Alert>
      )}
    </>
  );
}
