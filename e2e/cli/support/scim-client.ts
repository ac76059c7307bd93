/** The curl calls WSO2 Identity Server's SCIM 2.0 docs show: `curl -u user:password -H "Content-Type: application/scim+json" …/scim2/…`. */
export function scimClient(url: string, who: { username: string; password: string }) {
  const authorization = `Basic ${Buffer.from(`${who.username}:${who.password}`).toString("base64")}`;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/scim2${path}`, {
      method,
      headers: { authorization, accept: "application/scim+json", ...(body ? { "content-type": "application/scim+json" } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    get: (path: string, headers?: Record<string, string>) => call("GET", path, undefined, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>) => call("POST", path, body, headers),
    put: (path: string, body: unknown, headers?: Record<string, string>) => call("PUT", path, body, headers),
    patch: (path: string, body: unknown, headers?: Record<string, string>) => call("PATCH", path, body, headers),
    delete: (path: string, headers?: Record<string, string>) => call("DELETE", path, undefined, headers),
  };
}
