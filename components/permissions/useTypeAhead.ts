import { useRef, type KeyboardEvent } from "react";

/** How long typed letters add up to one search, as in native lists and the WAI-ARIA tree example. */
const TYPE_AHEAD_MS = 700;

/**
 * WAI-ARIA type-ahead for a list-like widget: a printable key moves to the next item whose name
 * starts with what was typed in the last moment, wrapping around. Returns the key handler,
 * which answers whether it used the key.
 */
export function useTypeAhead<T>(items: readonly T[], nameOf: (item: T) => string, go: (item: T) => void) {
  const typed = useRef({ text: "", at: 0 });
  return (event: KeyboardEvent, from: number): boolean => {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.key === " ") return false;
    const now = event.timeStamp;
    const buffer = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + event.key.toLowerCase() : event.key.toLowerCase();
    typed.current = { text: buffer, at: now };
    // One letter, or the same letter again, cycles through the items starting with it; more letters refine from here.
    const search = /^(.)\1*$/u.test(buffer) ? buffer[0]! : buffer;
    const start = search.length === 1 ? from + 1 : from;
    for (let i = 0; i < items.length; i++) {
      const item = items[(start + i) % items.length]!;
      if (nameOf(item).toLowerCase().startsWith(search)) {
        go(item);
        return true;
      }
    }
    return true;
  };
}
