import fs from "node:fs";
import path from "node:path";
import { parse, TomlError } from "smol-toml";
import type { z } from "zod";
import { ZGatehouseConfig, type TGatehouseConfig } from "./schema.ts";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function configPath(): string {
  // The config is read at run time from wherever the operator points; the bundler must not trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.GATEHOUSE_CONFIG ?? "gatehouse.toml");
}

/** Reads gatehouse.toml. A missing file means the defaults; a bad one throws a ConfigError naming line and key. */
export function loadConfig(file = configPath()): TGatehouseConfig {
  if (!fs.existsSync(file)) return ZGatehouseConfig.parse({});
  const source = fs.readFileSync(file, "utf8");
  return parseConfig(source, path.basename(file));
}

export function parseConfig(source: string, name = "gatehouse.toml"): TGatehouseConfig {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split("\n")[0];
      throw new ConfigError(`${name}:${error.line}:${error.column}: ${reason}`);
    }
    throw error;
  }
  const result = ZGatehouseConfig.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => describeIssue(source, name, issue)).join("\n"));
}

function describeIssue(source: string, name: string, issue: z.core.$ZodIssue): string {
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
  return keys
    .map((extra) => {
      const keyPath = [...issue.path.map(String), ...(extra ? [extra] : [])];
      const line = locateKey(source, keyPath);
      const where = line ? `${name}:${line}` : name;
      const key = keyPath.length > 1 ? `[${keyPath.slice(0, -1).join(".")}] ${keyPath.at(-1)}` : (keyPath[0] ?? "(top level)");
      const message = extra ? "unknown key" : issue.message;
      return `${where}: ${key}: ${message}`;
    })
    .join("\n");
}

/**
 * Finds the line of `key` in `[table]` (or of the table header itself), 1-based. An array of
 * tables (`[[user_store.secondary]]`) counts its entries, so `user_store.secondary.1.domain` is
 * the `domain` of the second one, and `[user_store.secondary.properties]` belongs to the entry above it.
 */
export function locateKey(source: string, keyPath: string[]): number | undefined {
  const lines = source.split(/\r?\n/);
  const table = keyPath.slice(0, -1).join(".");
  const key = keyPath.at(-1) ?? "";
  const whole = keyPath.join(".");
  const arrays = new Map<string, number>();
  let current = "";
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.replace(/#.*$/, "").trim();
    const header = /^\[(\[?)\s*([^\]]+?)\s*\]\]?$/.exec(text);
    if (header) {
      const name = header[2]!.replace(/\s*\.\s*/g, ".");
      if (header[1]) {
        const index = (arrays.get(name) ?? -1) + 1;
        arrays.set(name, index);
        current = `${name}.${index}`;
      } else {
        current = inArray(name, arrays);
      }
      if (current === whole) return i + 1;
      continue;
    }
    const assigned = /^("?)([^"=]+?)\1\s*=/.exec(text);
    if (assigned && assigned[2]!.trim() === key && current === table) return i + 1;
  }
  return undefined;
}

/** `[a.b.c]` under the latest `[[a.b]]` entry is `a.b.<index>.c`. */
function inArray(name: string, arrays: Map<string, number>): string {
  for (const [array, index] of arrays) if (name.startsWith(`${array}.`)) return `${array}.${index}${name.slice(array.length)}`;
  return name;
}
