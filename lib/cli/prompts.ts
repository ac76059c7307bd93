import readline from "node:readline";
import { CliError, EXIT } from "./exit-codes.ts";

// In a terminal, questions are real prompts (on stderr, so `--format json` output stays clean);
// otherwise each question takes the next line of stdin, so a script can pipe its answers.
let reader: readline.Interface | undefined;
let lines: AsyncIterator<string> | undefined;

export const interactive = (): boolean => process.stdin.isTTY === true;

async function nextLine(): Promise<string | undefined> {
  reader ??= readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  lines ??= reader[Symbol.asyncIterator]();
  const result = await lines.next();
  if (result.done) return undefined;
  return result.value.replace(/\r$/, "");
}

function noAnswer(question: string): CliError {
  return new CliError(`No answer to "${question}": standard input ended. Give it as an option instead (see --help).`, EXIT.usage);
}

/** Lets the process exit once the command is done, even when stdin is still open. */
export function closePrompts(): void {
  reader?.close();
}

const context = { output: process.stderr };

export async function askText(question: string, defaultValue?: string): Promise<string> {
  if (interactive()) {
    const { input } = await import("@inquirer/prompts");
    return (
      await input(
        {
          message: question,
          default: defaultValue,
          validate: (v) => defaultValue !== undefined || v.trim() !== "" || "An answer is required.",
        },
        context,
      )
    ).trim();
  }
  const line = (await nextLine())?.trim();
  if (line) return line;
  if (defaultValue !== undefined) return defaultValue;
  throw noAnswer(question);
}

/** A secret: masked in a terminal; from stdin when `fromStdin` (like `docker login --password-stdin`) or not in one. */
export async function askSecret(question: string, fromStdin = false): Promise<string> {
  if (interactive() && !fromStdin) {
    const { password } = await import("@inquirer/prompts");
    return password({ message: question, mask: "*", validate: (v) => v !== "" || "An answer is required." }, context);
  }
  const line = await nextLine();
  if (!line) throw noAnswer(question);
  return line;
}

export async function askConfirm(question: string, defaultValue: boolean): Promise<boolean> {
  if (interactive()) {
    const { confirm } = await import("@inquirer/prompts");
    return confirm({ message: question, default: defaultValue }, context);
  }
  const line = (await nextLine())?.trim().toLowerCase();
  if (line === undefined) throw noAnswer(question);
  if (line === "") return defaultValue;
  if (["y", "yes", "true"].includes(line)) return true;
  if (["n", "no", "false"].includes(line)) return false;
  // The line is not echoed: in a mis-ordered pipe it may be a password.
  throw new CliError(`Answer "${question}" with yes or no.`, EXIT.usage);
}

/** A destructive command goes ahead only on an explicit yes, or --yes. */
export async function confirmDeletion(question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!(await askConfirm(question, false)))
    throw new CliError("Not confirmed; nothing was deleted. Pass --yes to skip the question.", EXIT.usage);
}

/** Comma-separated names from a prompt: "a, b" -> ["a", "b"]; role names may contain spaces. */
export function splitList(answer: string): string[] {
  return answer
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
