import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pkg from "../../../package.json" with { type: "json" };
import { expect, test as serverTest } from "./server.ts";

/** The bin package.json declares: the tests run exactly what `npx gatehouse` runs. */
export const BIN = path.resolve(pkg.bin.gatehouse);
export type Run = { code: number; stdout: string; stderr: string };

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

function collect(child: ReturnType<typeof spawn>, onOutput?: (all: string) => void): Promise<Run> {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => {
    stdout += d;
    onOutput?.(stdout);
  });
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    // A hung command (say, a prompt nobody answers) fails the test instead of stalling the run.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`gatehouse did not finish within 60 s.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // "close", not "exit": by then stdout and stderr have been read to the end.
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** Runs the real `gatehouse` binary with its own config directory. */
export class Cli {
  constructor(readonly configDir: string) {}

  private env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, GATEHOUSE_CONFIG_DIR: this.configDir, NO_COLOR: "1", ...extra };
    delete env.GATEHOUSE_ENV;
    return env;
  }

  /** Without a terminal: stdin is `input` (or empty) and closed. */
  run(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
    const child = spawn(process.execPath, [BIN, ...args], { env: this.env(options.env), stdio: ["pipe", "pipe", "pipe"] });
    child.stdin!.end(options.input ?? "");
    return collect(child);
  }

  /**
   * In a pseudo-terminal (util-linux `script`), answering each prompt once its text appears.
   * Prompts and answers share one stream there, so `stdout` holds both, ANSI codes removed.
   */
  async interactive(args: string[], answers: [prompt: string, answer: string][]): Promise<Run> {
    const command = [process.execPath, BIN, ...args].map(quote).join(" ");
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      env: { ...this.env(), TERM: "xterm" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let next = 0;
    let seen = 0;
    const run = await collect(child, (all) => {
      const plain = all.replace(ANSI, "");
      const answer = answers[next];
      if (answer && plain.indexOf(answer[0], seen) !== -1) {
        seen = plain.length;
        next += 1;
        child.stdin!.write(`${answer[1]}\r`);
      }
    });
    expect(next, `prompts answered; output:\n${run.stdout.replace(ANSI, "")}`).toBe(answers.length);
    return { ...run, stdout: run.stdout.replace(ANSI, "") };
  }

  credentialsFile(): string {
    return path.join(this.configDir, "credentials.json");
  }

  credentials(): Record<string, { username: string; token: string }> {
    return fs.existsSync(this.credentialsFile()) ? JSON.parse(fs.readFileSync(this.credentialsFile(), "utf8")) : {};
  }

  async login(username: string, password: string, env = "t"): Promise<void> {
    const run = await this.run(["login", env, "-u", username, "--password-stdin"], { input: `${password}\n` });
    expect(run, run.stderr).toMatchObject({ code: 0 });
  }
}

/** `cli`: a fresh config directory with environment "t" pointing at this worker's server. */
export const test = serverTest.extend<{ cli: Cli }>({
  cli: async ({ server }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-cli-"));
    const cli = new Cli(path.join(dir, "config"));
    const added = await cli.run(["add", "env", "t", "--url", server.url]);
    expect(added.code, added.stderr).toBe(0);
    await use(cli);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
