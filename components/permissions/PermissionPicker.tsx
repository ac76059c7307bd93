"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { isProtectedPermission } from "@/lib/permissions/tenant-tree";
import { ALL_PERMISSIONS } from "@/lib/permissions/catalog";
import { permissionTrail } from "@/lib/permissions/labels";
import { permissionPhrase } from "@/lib/permissions/phrases";
import { Combobox, useComboboxState } from "@/components/pickers/Combobox";

/** superTenant: only the super tenant's picker offers Super Admin Permissions. */
type Props = { name: string; label: string; defaultValue?: string; hint?: string; superTenant: boolean };
type Choice = { path: string; trail: string; phrase: string; haystack: string };

const CHOICES: Choice[] = ALL_PERMISSIONS.map((p) => {
  const trail = permissionTrail(p.path);
  const phrase = permissionPhrase(p.path);
  return { path: p.path, trail, phrase, haystack: `${trail} ${phrase} ${p.path}`.toLowerCase() };
});
const CHOICES_BY_PATH = new Map(CHOICES.map((c) => [c.path, c]));
const TENANT_CHOICES = CHOICES.filter((c) => !isProtectedPermission(c.path));
const MAX_SHOWN = 40;

/**
 * A searchable permission picker (WAI-ARIA combobox with a listbox): type words from the name,
 * what it allows or its path ("delete users", "usermgt"), move with the arrow keys, Enter
 * picks. The pick goes into a hidden field `name`, and picking submits the surrounding form.
 */
export function PermissionPicker({ name, label, defaultValue, hint, superTenant }: Props) {
  const choices = superTenant ? CHOICES : TENANT_CHOICES;
  const initial = choices.find((c) => c.path === defaultValue);
  const [picked, setPicked] = useState(initial);
  const box = useComboboxState(initial?.trail ?? "");
  const { id, text, setText, open, setOpen, active, setActive } = box;
  const hidden = useRef<HTMLInputElement>(null);

  const matches = useMemo(() => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const all = picked && text === picked.trail ? choices : choices.filter((c) => words.every((w) => c.haystack.includes(w)));
    return all.slice(0, MAX_SHOWN);
  }, [text, picked, choices]);
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
    <Combobox
      state={box}
      label={label}
      hint={hint}
      placeholder="Type to search, e.g. delete users"
      onTextChange={(value) => {
        setText(value);
        setActive(0);
        setOpen(true);
      }}
      options={options}
      status={matches.length === 0 ? { text: `No permission matches “${text}”.` } : undefined}
      onPick={(o) => pick(o && CHOICES_BY_PATH.get(o.id))}
      whenClosed="open"
      onFocus={(e) => e.target.select()}
      onClick={() => setOpen(true)}
      onBlur={() => setOpen(false)}
    >
      <input ref={hidden} type="hidden" name={name} defaultValue={picked?.path ?? ""} />
    </Combobox>
  );
}
