/**
 * What the server and its CLI must agree on, kept in one client-safe place so the CLI need
 * not import server modules or copy their values.
 */

/** The largest page the management API serves (`limit`); the CLI asks for at most this many. */
export const MAX_MANAGEMENT_PAGE = 500;

/** decide()'s refusal while the default password is unchanged; the CLI recognises it and says how to change it. */
export const DEFAULT_PASSWORD_REASON = "Change the default password before doing anything else.";

/**
 * Ids are 32-bit integer columns on both databases. A larger number names no row, and
 * PostgreSQL refuses the query outright, so ids from outside are checked against this first.
 */
export const MAX_ROW_ID = 2_147_483_647;
