import { countOf } from "@/lib/core/plural";
import type { Option } from "./AsyncCombobox";

type RoleHit = { id: number; role: string; members: number; assignable: boolean; reason?: string };

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`search failed: ${response.status}`);
  return (await response.json()) as T;
}

export async function searchRoles(text: string, signal: AbortSignal): Promise<Option[]> {
  const { list } = await getJson<{ list: RoleHit[] }>(`/api/v1/roles?size=20&q=${encodeURIComponent(text)}`, signal);
  return list.map((r) => ({
    id: String(r.id),
    label: r.role,
    detail: r.assignable ? countOf(r.members, "member") : r.reason,
    disabled: !r.assignable,
  }));
}
