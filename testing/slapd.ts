import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "ldapts";

/**
 * A private OpenLDAP server for tests (#13): Debian's slapd on a free port, with a generated
 * slapd.conf and an mdb database in a unique temp folder, loaded with `slapadd` before it starts
 * (10,000 entries load in about a second; adding them over LDAP takes far longer). The process
 * and the folder go away on stop() and when the test process exits, whatever happens.
 * `npm test` installs slapd when /usr/sbin/slapd is missing (scripts/test.sh).
 */
export const SLAPD = process.env.GATEHOUSE_SLAPD ?? "/usr/sbin/slapd";
const SLAPADD = process.env.GATEHOUSE_SLAPADD ?? "/usr/sbin/slapadd";
const SCHEMAS = ["core", "cosine", "inetorgperson", "nis"];

export type SlapdOptions = {
  /** The entries to bulk-load (the suffix entry and the ou=people/ou=groups containers are added when absent from it). */
  ldif?: string;
  suffix?: string;
  /** Also listen on ldaps:// with a certificate signed by a throwaway CA (openssl); `caFile` names the CA. */
  tls?: boolean;
  /** Loads slapd's memberof overlay, so users carry memberOf for the groups added over LDAP (slapadd bypasses overlays). */
  memberOf?: boolean;
};

export type Slapd = {
  url: string;
  /** ldaps:// URL and the CA's PEM file, with `tls: true`. */
  ldapsUrl?: string;
  caFile?: string;
  rootDn: string;
  rootPassword: string;
  suffix: string;
  peopleDn: string;
  groupsDn: string;
  /** Stops slapd (SIGTERM, waits for it) and deletes its folder. */
  stop(): Promise<void>;
  /** SIGKILLs slapd as a crash would, keeping its data; restart() brings it back on the same port. */
  kill(): Promise<void>;
  restart(): Promise<void>;
};

type Instance = { child?: ChildProcess; watchdog?: ChildProcess; dir: string };
const live = new Set<Instance>();
let exitHookInstalled = false;

export function slapdAvailable(): boolean {
  return existsSync(SLAPD) && existsSync(SLAPADD);
}

export async function startSlapd(options: SlapdOptions = {}): Promise<Slapd> {
  if (!slapdAvailable()) throw new Error(`${SLAPD} is missing: install Debian's slapd and ldap-utils (scripts/test.sh does it).`);
  installExitHook();
  const suffix = options.suffix ?? "dc=gatehouse,dc=test";
  const rootDn = `cn=admin,${suffix}`;
  const rootPassword = "gatehouse-root-secret";
  const instance: Instance = { dir: mkdtempSync(join(tmpdir(), "gatehouse-slapd-")) };
  live.add(instance);
  try {
    const dir = instance.dir;
    mkdirSync(join(dir, "data"));
    const tls = options.tls ? makeCertificates(dir) : undefined;
    const conf = join(dir, "slapd.conf");
    writeFileSync(conf, slapdConf({ dir, suffix, rootDn, rootPassword, tls, memberOf: options.memberOf === true }));
    writeFileSync(join(dir, "load.ldif"), withContainers(options.ldif ?? "", suffix));
    execFileSync(SLAPADD, ["-q", "-f", conf, "-l", join(dir, "load.ldif")], { stdio: ["ignore", "ignore", "pipe"] });

    const port = await freePort();
    const tlsPort = tls ? await freePort() : undefined;
    const url = `ldap://127.0.0.1:${port}`;
    const ldapsUrl = tlsPort ? `ldaps://localhost:${tlsPort}` : undefined;
    const listen = [url, ldapsUrl].filter(Boolean).join(" ");
    const launch = async () => {
      instance.child = spawn(SLAPD, ["-d", "0", "-f", conf, "-h", listen], { stdio: ["ignore", "ignore", "pipe"] });
      instance.watchdog = watchdog(instance.child, dir);
      await waitUntilBindable(instance.child, url, rootDn, rootPassword);
    };
    await launch();
    return {
      url,
      ldapsUrl,
      caFile: tls?.caFile,
      rootDn,
      rootPassword,
      suffix,
      peopleDn: `ou=people,${suffix}`,
      groupsDn: `ou=groups,${suffix}`,
      stop: async () => {
        await stopInstance(instance, "SIGTERM");
        live.delete(instance);
        rmSync(instance.dir, { recursive: true, force: true });
      },
      kill: () => stopInstance(instance, "SIGKILL"),
      restart: async () => {
        await stopInstance(instance, "SIGTERM");
        await launch();
      },
    };
  } catch (error) {
    await stopInstance(instance, "SIGKILL");
    live.delete(instance);
    rmSync(instance.dir, { recursive: true, force: true });
    throw error;
  }
}

function slapdConf(c: {
  dir: string;
  suffix: string;
  rootDn: string;
  rootPassword: string;
  tls?: Certificates;
  memberOf: boolean;
}): string {
  return [
    ...SCHEMAS.map((name) => `include /etc/ldap/schema/${name}.schema`),
    "modulepath /usr/lib/ldap",
    "moduleload back_mdb",
    c.memberOf ? "moduleload memberof" : "",
    `pidfile ${c.dir}/slapd.pid`,
    `argsfile ${c.dir}/slapd.args`,
    // The Password Modify extended operation (RFC 3062) stores what this names.
    "password-hash {SSHA}",
    c.tls ? `TLSCACertificateFile ${c.tls.caFile}\nTLSCertificateFile ${c.tls.certFile}\nTLSCertificateKeyFile ${c.tls.keyFile}` : "",
    "database mdb",
    "maxsize 1073741824",
    `suffix "${c.suffix}"`,
    `rootdn "${c.rootDn}"`,
    `rootpw ${c.rootPassword}`,
    `directory ${c.dir}/data`,
    "index objectClass eq",
    "index uid,cn eq,sub",
    "index member,uniqueMember eq",
    c.memberOf ? "overlay memberof\nmemberof-refint TRUE" : "",
    "access to attrs=userPassword by self write by anonymous auth by * none",
    "access to * by * read",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/** The suffix entry and the two containers, unless the LDIF brings its own. */
function withContainers(ldif: string, suffix: string): string {
  const dc = /^dc=([^,]+)/.exec(suffix)?.[1] ?? "test";
  const entries = [
    `dn: ${suffix}\nobjectClass: dcObject\nobjectClass: organization\ndc: ${dc}\no: Gatehouse tests`,
    `dn: ou=people,${suffix}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ou=groups,${suffix}\nobjectClass: organizationalUnit\nou: groups`,
  ].filter((entry) => !ldif.toLowerCase().includes(`${entry.split("\n")[0]!.toLowerCase()}\n`));
  return [...entries, ldif].join("\n\n") + "\n";
}

type Certificates = { caFile: string; certFile: string; keyFile: string };

function makeCertificates(dir: string): Certificates {
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=Gatehouse test CA",
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.pem"),
  );
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", file("server.key"), "-out", file("server.csr"));
  writeFileSync(file("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
  openssl(
    "x509",
    "-req",
    "-in",
    file("server.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    file("san.ext"),
    "-out",
    file("server.pem"),
  );
  return { caFile: file("ca.pem"), certFile: file("server.pem"), keyFile: file("server.key") };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Polls a bind until slapd answers; fails at once if slapd exits (its stderr says why). */
async function waitUntilBindable(child: ChildProcess, url: string, dn: string, password: string): Promise<void> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`slapd exited (${code}) before answering: ${stderr.trim().slice(-2000)}`))),
  );
  exited.catch(() => undefined);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new Client({ url, connectTimeout: 1_000, timeout: 1_000 });
    const bound = await Promise.race([
      client.bind(dn, password).then(
        () => true,
        () => false,
      ),
      exited,
    ]);
    await client.unbind().catch(() => undefined);
    if (bound) return;
    if (Date.now() > deadline) throw new Error(`slapd at ${url} did not accept a bind within 30 s: ${stderr.trim().slice(-2000)}`);
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 20)), exited]);
  }
}

/**
 * Vitest ends its workers with a signal, so no exit hook runs: a shell holding a pipe from this
 * process kills slapd and removes the folder when the pipe closes, however this process ends.
 */
function watchdog(child: ChildProcess, dir: string): ChildProcess {
  const script = 'cat >/dev/null; kill -9 "$1" 2>/dev/null; rm -rf "$2"';
  const guard = spawn("sh", ["-c", script, "slapd-watchdog", String(child.pid), dir], { stdio: ["pipe", "ignore", "ignore"] });
  guard.unref();
  (guard.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return guard;
}

async function stopInstance(instance: Instance, signal: NodeJS.Signals): Promise<void> {
  // The watchdog goes first: it must not act on a pid that is no longer slapd's.
  await terminate(instance.watchdog, "SIGKILL");
  await terminate(instance.child, signal);
}

async function terminate(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  await exited;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const instance of live) {
      instance.child?.kill("SIGKILL");
      rmSync(instance.dir, { recursive: true, force: true });
    }
  });
}
