"use client";

import { useEffect, useState, type ComponentType, type ReactNode } from "react";

type ProgressProviderProps = {
  color: string;
  height: string;
  delay: number;
  options: { showSpinner: boolean };
  shallowRouting: boolean;
  children?: ReactNode;
};

/**
 * The top progress bar on client-side navigations that take longer than 120 ms: console pages
 * authorize on the server before they render, so a slow one would otherwise leave the old page up
 * silently. @bprogress/next is ~8 kB of gzip, past the first-load budget of every route
 * (docs/performance.md), so it is fetched after hydration, as sonner is (Toasts.tsx); it wraps no
 * children (nothing here uses its router), so its late arrival re-mounts nothing. A click before
 * it arrives is a navigation without a bar, never a lost one.
 */
export function NavigationProgress() {
  const [Provider, setProvider] = useState<ComponentType<ProgressProviderProps> | null>(null);
  useEffect(() => {
    let live = true;
    void import("@bprogress/next/app").then((m) => {
      if (live) setProvider(() => m.ProgressProvider as ComponentType<ProgressProviderProps>);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!Provider) return null;
  return (
    <>
      <Provider color="var(--color-brand-600)" height="3px" delay={120} options={{ showSpinner: false }} shallowRouting />
      <Ready />
    </>
  );
}

/**
 * bprogress hooks the page's links only when it sees the DOM change (a MutationObserver it
 * starts in an effect, which ran before this one), and a late-mounted bar sees none: one
 * added-and-removed node makes it hook the links already on the page.
 */
function Ready() {
  useEffect(() => {
    const nudge = document.createElement("span");
    document.body.append(nudge);
    nudge.remove();
    // After the observer's callback (a microtask queued by the change): navigations now show the bar.
    queueMicrotask(() => (document.documentElement.dataset.navigationProgress = "ready"));
  }, []);
  return null;
}
