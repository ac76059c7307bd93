"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

type Notice = { id: number; ok: boolean; message: string };
const NoticeContext = createContext<(notice: Omit<Notice, "id">) => void>(() => undefined);

/**
 * Results of actions are announced here, above the page, so they survive the re-render
 * that removes the row the action was started from.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback((next: Omit<Notice, "id">) => setNotice({ ...next, id: Date.now() }), []);
  return (
    <NoticeContext.Provider value={notify}>
      <div aria-live="polite" role="status" className="mb-4 empty:hidden">
        {notice && (
          <div
            key={notice.id}
            className={`flex items-start justify-between gap-4 rounded-md border px-4 py-3 ${notice.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900"}`}
          >
            <span>{notice.message}</span>
            <button type="button" className="text-sm underline" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

export function useNotify() {
  return useContext(NoticeContext);
}
