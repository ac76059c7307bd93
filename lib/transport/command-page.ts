import "server-only";
import { headers } from "next/headers";
import { forbidden, notFound } from "next/navigation";
import type { Command } from "../authz/command.ts";
import type { Principal } from "../authz/principal.ts";
import { db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { clientIp } from "../http/client-address.ts";
import { requirePage, requireSession } from "./guard.ts";

/**
 * A page's one read: decides the command's feature as requirePage does (sign-in, default
 * password, 403), parses the route's params and search params with the command's input, and
 * runs it. Input that names nothing (a malformed id) and NOT_FOUND render the 404 page; an
 * object rule's FORBIDDEN renders the 403 page.
 */
export async function loadPage<I, R>(command: Command<I, R>, raw: unknown): Promise<{ principal: Principal; data: R }> {
  const principal = command.feature === "self" ? await requireSession() : await requirePage(command.feature);
  const input = command.input.safeParse(raw);
  if (!input.success) notFound();
  const ip = clientIp(Object.fromEntries((await headers()).entries()));
  try {
    return { principal, data: await command.run(db(), { ...principal, ip }, input.data) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}
