import { useCallback, useState, type KeyboardEvent } from "react";

type Cell = { row: number; col: number };
const PAGE = 10;

/**
 * The WAI-ARIA grid's keyboard model over a rows x cols block of focusable cells marked
 * `data-cell="row:col"`: one tab stop (the active cell, roving tabindex), arrow keys, Home/End
 * in the row, Ctrl+Home/End to the corners, Page Up/Down by ten rows. Space is left to the
 * cell's own checkbox.
 */
export function useGridKeys(rows: number, cols: number) {
  const [cell, setActive] = useState<Cell>({ row: 0, col: 0 });
  // A filter can shrink the grid under the active cell: keep the tab stop on a cell that exists.
  const active = { row: Math.min(cell.row, Math.max(rows - 1, 0)), col: Math.min(cell.col, Math.max(cols - 1, 0)) };

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const target = (event.target as HTMLElement).dataset?.cell;
      if (!target || rows === 0 || cols === 0) return;
      const [row, col] = target.split(":").map(Number) as [number, number];
      const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max - 1));
      const to = ((): Cell | null => {
        switch (event.key) {
          case "ArrowRight":
            return { row, col: clamp(col + 1, cols) };
          case "ArrowLeft":
            return { row, col: clamp(col - 1, cols) };
          case "ArrowDown":
            return { row: clamp(row + 1, rows), col };
          case "ArrowUp":
            return { row: clamp(row - 1, rows), col };
          case "PageDown":
            return { row: clamp(row + PAGE, rows), col };
          case "PageUp":
            return { row: clamp(row - PAGE, rows), col };
          case "Home":
            return event.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 };
          case "End":
            return event.ctrlKey ? { row: rows - 1, col: cols - 1 } : { row, col: cols - 1 };
          default:
            return null;
        }
      })();
      if (!to) return;
      event.preventDefault();
      setActive(to);
      event.currentTarget.querySelector<HTMLElement>(`[data-cell="${to.row}:${to.col}"]`)?.focus();
    },
    [rows, cols],
  );

  return { active, setActive, onKeyDown };
}
