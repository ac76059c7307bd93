/** Bridges a fetch Request (already read as a form) to @node-oauth/oauth2-server's Request. */
import OAuth2Server from "@node-oauth/oauth2-server";
import type { Form } from "./form.ts";

export function libraryRequest(request: Request, form: Form): OAuth2Server.Request {
  // type-is, which the library uses to check the content type, looks for a body length header.
  const headers = { ...Object.fromEntries(request.headers.entries()), "content-length": String(form.bytes) };
  return new OAuth2Server.Request({ method: request.method, headers, query: {}, body: form.fields });
}

export function fetchResponse(response: OAuth2Server.Response): Response {
  return Response.json(response.body, { status: response.status ?? 200, headers: response.headers as Record<string, string> });
}
