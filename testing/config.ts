import { ZGatehouseConfig, type TGatehouseConfig } from "../lib/config/schema.ts";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A full configuration from a few overrides, validated like gatehouse.toml. */
export function testConfig(overrides: DeepPartial<TGatehouseConfig> = {}): TGatehouseConfig {
  return ZGatehouseConfig.parse(overrides);
}
