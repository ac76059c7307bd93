/**
 * SCIM's error body (RFC 7644 3.12) and media type. Errors carry their scimType in the
 * AppError's details, so the commands stay transport-neutral and defineRoute's own refusals
 * (401, 403, a malformed query) come out in the same shape.
 */
import { AppError } from "../errors.ts";
import type { ErrorFormatter } from "../transport/route.ts";

export const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCIM_MEDIA_TYPE = "application/scim+json";

export type ScimType =
  | "invalidFilter"
  | "invalidValue"
  | "invalidCursor"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "tooMany"
  | "uniqueness"
  | "mutability";

export function scimError(scimType: ScimType, detail: string): AppError {
  return new AppError("INVALID_INPUT", detail, { scimType });
}

export const scimErrorBody: ErrorFormatter = (e) => {
  const scimType =
    typeof e.details?.scimType === "string"
      ? e.details.scimType
      : e.status === 400
        ? "invalidValue"
        : e.code === "CONFLICT"
          ? "uniqueness"
          : e.status === 413
            ? "tooMany"
            : undefined;
  return { schemas: [SCIM_ERROR], status: String(e.status), ...(scimType ? { scimType } : {}), detail: e.message };
};

/** A JSON answer as SCIM sends it: the same body, typed application/scim+json. */
export function scimJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "content-type": SCIM_MEDIA_TYPE, ...init.headers },
  });
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Every SCIM answer, errors included, as application/scim+json (defineRoute answers errors as application/json). */
export function asScim<P>(handler: Handler<P>): Handler<P> {
  return async (request, context) => {
    const response = await handler(request, context);
    if (!response.headers.get("content-type")?.startsWith("application/json")) return response;
    const headers = new Headers(response.headers);
    headers.set("content-type", SCIM_MEDIA_TYPE);
    return new Response(response.body, { status: response.status, headers });
  };
}

/** The 404 of a handler that needs no credentials (the discovery documents). */
export function scimNotFound(detail: string): Response {
  return scimJson({ schemas: [SCIM_ERROR], status: "404", detail }, { status: 404 });
}
