import { readFileSync } from "node:fs";
import { isIP, connect as netConnect } from "node:net";
import { connect as tlsConnect, type ConnectionOptions } from "node:tls";
import { Client, InvalidCredentialsError, ResultCodeError } from "ldapts";
import { AppError } from "../../../errors.ts";
import type { LdapSettings } from "../settings.ts";
import { describe, isTimeout, ldapError } from "./ldap-errors.ts";

/**
 * The connections of one LDAP directory: one client bound as the service account, shared by
 * every read and write (ldapts multiplexes requests on it), opened on the first URL that
 * answers (failover in the order of `urls`) and replaced when its connection breaks. Sign-in
 * binds as the user on a separate, short-lived connection so the shared one stays the service
 * account's.
 */
export type LdapConnection = {
  /** Runs `op` on the service account's client; a broken connection is replaced and a read retried once. */
  run<T>(op: (client: Client) => Promise<T>, kind: "read" | "write"): Promise<T>;
  /** Drops the shared client (a paged search that failed half-way, for instance). */
  discard(): void;
  /** True when `dn` binds with `password`; false on invalid credentials. */
  bindAs(dn: string, password: string): Promise<boolean>;
  close(): Promise<void>;
};

export function ldapConnection(settings: LdapSettings): LdapConnection {
  let shared: Promise<Client> | null = null;

  const acquire = (): Promise<Client> => {
    shared ??= connectFirst(settings, (client) => client.bind(settings.bindDn, settings.bindPassword)).then(({ client }) => client);
    const current = shared;
    current.catch(() => {
      if (shared === current) shared = null;
    });
    return current;
  };
  const discard = () => {
    const current = shared;
    shared = null;
    void current?.then((client) => client.unbind()).catch(() => undefined);
  };

  return {
    async run(op, kind) {
      for (let attempt = 0; ; attempt++) {
        let client = await acquire();
        if (!client.isConnected) {
          // The server closed the shared connection since the last request (a restart, an idle timeout).
          discard();
          client = await acquire();
        }
        try {
          return await op(client);
        } catch (error) {
          if (error instanceof ResultCodeError || error instanceof AppError) throw ldapError(error);
          discard();
          // A connection the server closed (restart, idle timeout) is retried once on a new one;
          // a timeout is not, so a hung server fails within the read timeout.
          if (kind === "write" || attempt > 0 || isTimeout(error)) throw ldapError(error);
        }
      }
    },
    discard,
    async bindAs(dn, password) {
      // An empty password would be an unauthenticated bind, which servers accept: never a success.
      if (!dn || !password) return false;
      let accepted = false;
      const { client } = await connectFirst(settings, async (c) => {
        try {
          await c.bind(dn, password);
          accepted = true;
        } catch (error) {
          // A wrong password is an answer; only an unreachable server moves on to the next URL.
          if (!(error instanceof InvalidCredentialsError)) throw error;
        }
      });
      await client.unbind().catch(() => undefined);
      return accepted;
    },
    async close() {
      const current = shared;
      shared = null;
      const client = await current?.catch(() => null);
      await client?.unbind().catch(() => undefined);
    },
  };
}

/** Connects to the first URL where `ready` (a bind, a probe) succeeds, in order; every failure is reported. */
export async function connectFirst(
  settings: LdapSettings,
  ready: (client: Client) => Promise<void>,
): Promise<{ client: Client; url: string }> {
  const failures: string[] = [];
  for (const url of settings.urls) {
    const client = openClient(settings, url);
    try {
      if (settings.startTls && url.startsWith("ldap:")) await client.startTLS(tlsOptions(settings, url));
      await ready(client);
      return { client, url };
    } catch (error) {
      await client.unbind().catch(() => undefined);
      if (error instanceof InvalidCredentialsError)
        failures.push(`${url}: the directory refused the service account's bind (invalid credentials)`);
      else failures.push(`${url}: ${describe(error)}`);
    }
  }
  throw new AppError("STORE_UNAVAILABLE", `The LDAP directory could not be reached: ${failures.join("; ")}.`);
}

/**
 * A client for one URL. ldapts reconnects a closed client by itself, unbound; the connection
 * factory below allows one socket per client instead, so a closed connection fails the request
 * and the caller opens (and binds) a new client.
 */
export function openClient(settings: LdapSettings, url: string): Client {
  let opened = false;
  const once = <T>(connect: () => T): T => {
    if (opened) throw new Error("the connection was closed");
    opened = true;
    return connect();
  };
  const tls = tlsOptions(settings, url);
  return new Client({
    url,
    connectTimeout: settings.connectTimeoutMs,
    timeout: settings.readTimeoutMs,
    // ldapts speaks TLS from the start whenever tlsOptions are given: only for ldaps:// URLs.
    ...(url.startsWith("ldaps:") ? { tlsOptions: tls } : {}),
    strictDN: false,
    createConnection: ((port: number, host: string) => once(() => netConnect(port, host))) as typeof netConnect,
    ...(url.startsWith("ldaps:")
      ? { createSecureConnection: ((port: number, host: string) => once(() => tlsConnect(port, host, tls))) as typeof tlsConnect }
      : {}),
  });
}

function tlsOptions(settings: LdapSettings, url: string): ConnectionOptions {
  const host = new URL(url).hostname;
  // SNI carries host names only (RFC 6066); the certificate is still checked against an IP address.
  return { ...(isIP(host) ? {} : { servername: host }), ...(settings.caFile ? { ca: [readCa(settings.caFile)] } : {}) };
}

function readCa(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new AppError(
      "STORE_UNAVAILABLE",
      `The CA file ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}.`,
    );
  }
}

/** Opens the connection without binding: ldapts connects lazily, so ask for the root DSE; any LDAP answer will do. */
export async function probe(client: Client): Promise<void> {
  try {
    await client.search("", { scope: "base", attributes: ["1.1"] });
  } catch (error) {
    if (!(error instanceof ResultCodeError)) throw error;
  }
}
