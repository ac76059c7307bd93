import { afterEach, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import type { TGatehouseConfig } from "../config/schema.ts";
import { clientIp, PEER_HEADER } from "./client-address.ts";

const holder = globalThis as unknown as { gatehouseConfig?: TGatehouseConfig };
const forged = { "x-forwarded-for": "198.51.100.7, 10.0.0.1", [PEER_HEADER]: "203.0.113.9" };

describe("clientIp: the address the limits, locks, sessions and audit count", () => {
  const saved = holder.gatehouseConfig;
  afterEach(() => {
    holder.gatehouseConfig = saved;
  });

  it("is the TCP peer the serve script recorded, whatever X-Forwarded-For claims, unless told to trust a proxy", () => {
    expect(clientIp(forged, false)).toBe("203.0.113.9");
    expect(clientIp({ [PEER_HEADER]: "::ffff:192.0.2.4" }, false)).toBe("192.0.2.4");
    expect(clientIp({ [PEER_HEADER]: "::1", "x-real-ip": "198.51.100.8" }, false)).toBe("::1");
  });

  it("is the first X-Forwarded-For entry behind a trusted proxy, and the peer when the proxy sent none", () => {
    expect(clientIp(forged, true)).toBe("198.51.100.7");
    expect(clientIp({ [PEER_HEADER]: "203.0.113.9" }, true)).toBe("203.0.113.9");
  });

  it("falls back to X-Forwarded-For, then X-Real-IP, without the serve script (next dev, handlers called directly)", () => {
    expect(clientIp({ "x-forwarded-for": " 198.51.100.7 , 10.0.0.1" }, false)).toBe("198.51.100.7");
    expect(clientIp({ "x-real-ip": "198.51.100.8" }, false)).toBe("198.51.100.8");
    expect(clientIp({}, false)).toBe("");
  });

  it("reads trust_proxy_headers from the configuration when not told", () => {
    holder.gatehouseConfig = testConfig({ server: { trust_proxy_headers: true } });
    expect(clientIp(forged)).toBe("198.51.100.7");
    holder.gatehouseConfig = testConfig();
    expect(clientIp(forged)).toBe("203.0.113.9");
  });
});
