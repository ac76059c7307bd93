import { loadConfig } from "./load.ts";
import type { TGatehouseConfig } from "./schema.ts";

// Next.js bundles instrumentation and routes separately; globalThis gives them one copy.
const holder = globalThis as unknown as { gatehouseConfig?: TGatehouseConfig };

/** The configuration read at start. Changes to gatehouse.toml take effect on restart, as in WSO2. */
export function getConfig(): TGatehouseConfig {
  holder.gatehouseConfig ??= loadConfig();
  return holder.gatehouseConfig;
}
