import type { Entry } from "ldapts";
import { AppError } from "../../../errors.ts";

/**
 * Active Directory's ranged attribute retrieval: a read of a group's `member` returns at most
 * MaxValRange values (1,500 by default) under the name `member;range=0-1499`, and no plain
 * `member`; the next values are asked for as `member;range=1500-*`, until an answer's range ends
 * in `*`. Other servers answer with the plain attribute, which is returned as it is.
 */
export type RangedPart = { values: string[]; start: number; next: number | null };

const RANGE = /^(.+);range=(\d+)-(\d+|\*)$/i;

/** The ranged part of `attribute` in `entry` (`member;range=0-1499`), or null when the entry holds no range of it. */
export function rangedPart(entry: Entry, attribute: string): RangedPart | null {
  for (const [name, value] of Object.entries(entry)) {
    const match = RANGE.exec(name);
    if (!match || match[1]!.toLowerCase() !== attribute.toLowerCase()) continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) => (Buffer.isBuffer(v) ? v.toString("utf8") : String(v)));
    const start = Number(match[2]);
    return { values, start, next: match[3] === "*" ? null : Number(match[3]) + 1 };
  }
  return null;
}

/** Reads the entry at `dn` with only `attribute;range=<from>-*` asked for; undefined when it is gone. */
export type RangeReader = (dn: string, attributeWithRange: string) => Promise<Entry | undefined>;

// A directory that never ends its ranges (or repeats one) would otherwise keep a sync reading forever.
const MAX_RANGE_READS = 10_000;

/**
 * Every value of `attribute`: the plain values (`plain`) when `entry` holds no range of it, or
 * else the first range and each following one read with `read`, in order.
 */
export async function allRangedValues(entry: Entry, attribute: string, plain: string[], read: RangeReader): Promise<string[]> {
  let part = rangedPart(entry, attribute);
  if (!part) return plain;
  const values = [...part.values];
  for (let reads = 0; part.next !== null; reads++) {
    if (reads >= MAX_RANGE_READS) throw badRanges(entry.dn, attribute, `it kept answering ranges after ${reads} reads`);
    const asked: number = part.next;
    const following = await read(entry.dn, `${attribute};range=${asked}-*`);
    // The entry went meanwhile: the next sync removes it.
    if (!following) break;
    const nextPart = rangedPart(following, attribute);
    // Members left out would be memberships removed: a sync stops rather than mirror half a group.
    if (!nextPart || nextPart.start !== asked)
      throw badRanges(entry.dn, attribute, `asked for values from ${asked}, it answered another range`);
    values.push(...nextPart.values);
    part = nextPart;
  }
  return values;
}

function badRanges(dn: string, attribute: string, what: string): AppError {
  return new AppError("STORE_UNAVAILABLE", `The directory's ranged reads of ${attribute} on ${dn} did not add up: ${what}.`);
}
