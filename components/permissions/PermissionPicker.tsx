"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { ALL_PERMISSIONS } from "@/lib/permissions/catalog";
import { permissionTrail } from "@/lib/permissions/labels";
import { permissionPhrase } from "@/lib/permissions/phrases";
import { OptionList } from "@/components/pickers/OptionList";

type Props = { name: string; label: string; defaultValue?: string; hint?: string };
type Choice = { path: string; trail: string; phrase: string; haystack: string };

const CHOICES: Choice[] = ALL_PERMISSIONS.map((p) => {
  const trail = permissionTrail(p.path);
  const phrase = permissionPhrase(p.path);
  return { path: p.path, trail, phrase, haystack: `${trail} ${phrase} ${p.path}`.toLowerCase() };
});
const CHOICES_BY_PATH = new Map(CHOICES.map((c) => [c.path, c]));
const MAX_SHOWN = 40;

/**
 * A searchable permission picker (WAI-ARIA combobox with a listbox): type words from the name,
 * what it allows or its path ("delete users", "usermgt"), move with the arrow keys, Enter
 * picks. The pick goes into a hidden field `name`, and picking submits the surrounding form.
 */
export function PermissionPicker({ name, label, defaultValue, hint }: Props) {
  const id = useId();
  const initial = CHOICES.find((c) => c.path === defaultValue);
  const [picked, setPicked] = useState(initial);
  const [text, setText] = useState(initial?.trail ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hidden = useRef<HTMLInputElement>(null);

  const matches = useMemo(() => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const all = picked && text === picked.trail ? CHOICES : CHOICES.filter((c) => words.every((w) => c.haystack.includes(w)));
    return all.slice(0, MAX_SHOWN);
  }, [text, picked]);
  const options = matches.map((c) => ({
    id: c.path,
    label: c.trail,
    detail: (
      <>
        Can {c.phrase} · <code className="break-all">{c.path}</code>
      </>
    ),
  }));

  useEffect(() => {
    if (open) document.getElementById(`${id}-o-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, id]);

  const pick = (choice: Choice | undefined) => {
    if (!choice) return;
    setPicked(choice);
    setText(choice.trail);
    setOpen(false);
    // The hidden field must hold the new value before the form reads it.
    if (hidden.current) hidden.current.value = choice.path;
    hidden.current?.form?.requestSubmit();
  };

  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        {label}
      </label>
      <input ref={hidden} type="hidden" name={name} defaultValue={picked?.path ?? ""} />
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${id}-o-${active}` : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={text}
        placeholder="Type to search, e.g. delete users"
        autoComplete="off"
        onFocus={(e) => e.target.select()}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            if (open) setActive((a) => Math.min(a + 1, matches.length - 1));
            else setOpen(true);
          } else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Enter" && open) pick(matches[active]);
          else if (e.key === "Escape" && open) setOpen(false);
          else return;
          e.preventDefault();
        }}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {open && (
        <OptionList
          id={id}
          label={label}
          options={options}
          active={active}
          onPick={(o) => pick(CHOICES_BY_PATH.get(o.id))}
          status={matches.length === 0 ? { text: `No permission matches “${text}”.` } : undefined}
        />
      )}
    </div>
  );
}
