import { InvalidArgumentError, Option, type Command } from "commander";
import type { z } from "zod";
import { MAX_MANAGEMENT_PAGE } from "../core/contract.ts";
import { CliError, EXIT } from "./exit-codes.ts";
import { firstIssue } from "../core/zod-issues.ts";

export type EnvOption = { env?: string };
export type FormatOption = { format: "table" | "json" };

export function withEnv(command: Command): Command {
  return command.option("-e, --env <name>", "environment to use (default: $GATEHOUSE_ENV, or the only one configured)");
}

export function withFormat(command: Command): Command {
  return command.addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"));
}

export type LimitOptions = { limit: number; pageSize: number };

/** `--limit`: how many items a list command collects, following the server's pages of `--page-size`. */
export function withLimit(command: Command, noun: string, largestPage: number = MAX_MANAGEMENT_PAGE): Command {
  return command
    .option("--limit <n>", `most ${noun} to list; a longer result says it was cut`, wholeNumber(10_000_000), 1000)
    .option("--page-size <n>", "items per request to the server", wholeNumber(largestPage), largestPage);
}

function wholeNumber(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`Give a whole number from 1 to ${max}.`);
    return n;
  };
}

/** A value checked with zod; the first issue's message is the usage error. */
export function parseOrUsage<T>(schema: z.ZodType<T, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CliError(firstIssue(result.error).message, EXIT.usage);
  return result.data;
}
