// A replay of apictl's `mi` client (wso2/product-apim-tooling, import-export-cli): the requests
// it sends for the users, roles, login and logout commands, and the way it reads the answers.
// Requests go to the real route handlers; every answer is also checked against the OpenAPI document.
import { mgmtOpenapi, mgmtRequest } from "./management-client.ts";
import { callRoute } from "./route-harness.ts";
import * as catchAll from "../app/management/[...rest]/route.ts";
import * as loginRoute from "../app/management/login/route.ts";
import * as logoutRoute from "../app/management/logout/route.ts";
import * as roleRoute from "../app/management/roles/[role]/route.ts";
import * as rolesRoute from "../app/management/roles/route.ts";
import * as userRoute from "../app/management/users/[userId]/route.ts";
import * as usersRoute from "../app/management/users/route.ts";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Partial<Record<string, Handler>>;
type Route = { pattern: RegExp; template: string; module: Module; param?: string };

const ROUTES: Route[] = [
  { pattern: /^\/login$/, template: "/login", module: loginRoute as unknown as Module },
  { pattern: /^\/logout$/, template: "/logout", module: logoutRoute as unknown as Module },
  { pattern: /^\/users$/, template: "/users", module: usersRoute as unknown as Module },
  { pattern: /^\/users\/([^/]+)$/, template: "/users/{userId}", module: userRoute as unknown as Module, param: "userId" },
  { pattern: /^\/roles$/, template: "/roles", module: rolesRoute as unknown as Module },
  { pattern: /^\/roles\/([^/]+)$/, template: "/roles/{role}", module: roleRoute as unknown as Module, param: "role" },
];

export type Answer = { status: number; text: string; headers: Headers };

/** One HTTP exchange with /management as Next.js would route it (the catch-all answers what nothing else serves). */
export async function send(
  method: string,
  path: string,
  init: { query?: Record<string, string>; headers?: Record<string, string>; body?: unknown; token?: string } = {},
): Promise<Answer> {
  const search = new URLSearchParams(init.query ?? {}).toString();
  const request = mgmtRequest(method, `${path}${search ? `?${search}` : ""}`, {
    token: init.token,
    body: init.body,
    headers: init.headers,
  });
  const route = ROUTES.find((r) => r.pattern.test(path) && r.module[method]);
  let response: Response;
  if (route) {
    const params = route.param ? { [route.param]: decodeURIComponent(route.pattern.exec(path)![1]!) } : {};
    response = await callRoute(route.module[method]!, request, params);
    await mgmtOpenapi.assertResponse(route.template, method, response);
  } else {
    response = await (catchAll as unknown as Record<string, (request: Request) => Response>)[method]!(request);
  }
  return { status: response.status, text: await response.text(), headers: response.headers };
}

export class ApictlExit extends Error {}

/** Go's json.Unmarshal into map[string]string: any value that is not a string (or null) fails ("invalid JSON response"). */
export function goStringMap(text: string): Record<string, string> {
  const value: unknown = JSON.parse(text);
  if (value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new ApictlExit(`invalid JSON response: ${text.slice(0, 200)}`);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && typeof v !== "string") throw new ApictlExit(`invalid JSON response: ${key} is ${JSON.stringify(v)}`);
    out[key] = v ?? "";
  }
  return out;
}

type GoType = "string" | "bool" | "int32" | { array: GoType } | { struct: Record<string, GoType> };

/**
 * Go's json.Unmarshal into a struct: keys match the json tags case-insensitively, unknown keys
 * are ignored, null leaves the zero value, and a value of the wrong type is an error.
 */
export function goDecode(value: unknown, type: GoType, at = "$"): unknown {
  const fail = (): never => {
    throw new ApictlExit(`invalid JSON response: ${at} is ${JSON.stringify(value)?.slice(0, 100)}`);
  };
  if (type === "string") return value === null ? "" : typeof value === "string" ? value : fail();
  if (type === "bool") return value === null ? false : typeof value === "boolean" ? value : fail();
  if (type === "int32") return value === null ? 0 : Number.isInteger(value) && Math.abs(value as number) < 2 ** 31 ? value : fail();
  if ("array" in type)
    return value === null ? [] : Array.isArray(value) ? value.map((v, i) => goDecode(v, type.array, `${at}[${i}]`)) : fail();
  if (value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) return fail();
  const out: Record<string, unknown> = {};
  for (const [tag, fieldType] of Object.entries(type.struct)) {
    const key = tag in value ? tag : Object.keys(value).find((k) => k.toLowerCase() === tag.toLowerCase());
    out[tag] = key === undefined ? goDecode(null, fieldType) : goDecode((value as Record<string, unknown>)[key], fieldType, `${at}.${tag}`);
  }
  return out;
}

// mi/utils/artifactutils/userUtils.go and roleUtils.go, by json tag.
export const UserList = { struct: { count: "int32", list: { array: { struct: { userId: "string" } } } } } as const;
export const UserSummary = { struct: { roles: { array: "string" }, isAdmin: "bool", userId: "string" } } as const;
export const RoleList = { struct: { count: "int32", list: { array: { struct: { role: "string" } } } } } as const;
export const RoleSummary = { struct: { users: { array: "string" }, role: "string" } } as const;
export type TUserList = { count: number; list: { userId: string }[] };
export type TUserSummary = { roles: string[]; isAdmin: boolean; userId: string };
export type TRoleList = { count: number; list: { role: string }[] };
export type TRoleSummary = { users: string[]; role: string };

const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

/** `apictl mi ...` against one environment, with the credential store apictl keeps (username, password, token). */
export class Apictl {
  token = "";
  readonly requests: string[] = [];
  constructor(
    private readonly username: string,
    private readonly password: string,
  ) {}

  private async exchange(method: string, path: string, init: Parameters<typeof send>[2] = {}): Promise<Answer> {
    this.requests.push(`${method} ${path}${init.query && Object.keys(init.query).length ? `?${new URLSearchParams(init.query)}` : ""}`);
    return send(method, path, init);
  }

  /** credentials/miCredentials.go GetOAuthAccessTokenForMI: GET /management/login with Basic; 200 only; a string map holding AccessToken. */
  async login(): Promise<void> {
    const answer = await this.exchange("GET", "/login", { headers: { authorization: basic(this.username, this.password) } });
    if (answer.status !== 200) throw new ApictlExit(`Unable to connect to MI Token endpoint. Status: ${answer.status}`);
    const token = goStringMap(answer.text).AccessToken;
    if (!token) throw new ApictlExit("AccessToken not found");
    this.token = token;
  }

  /** credentials/miCredentials.go RevokeAccessTokenForMI: GET /management/logout with the bearer; the credentials are erased only on 200. */
  async logout(): Promise<void> {
    const answer = await this.exchange("GET", "/logout", { token: this.token });
    if (answer.status !== 200) throw new ApictlExit(`Error logging out of the MI. Status: ${answer.status}`);
    this.token = "";
  }

  /** mi/impl/common.go retryHTTPCall: on 401 it logs in again with the stored credentials and retries (miHTTPRetryCount = 2). */
  private async withRetry(call: () => Promise<Answer>, attempts = 2): Promise<Answer> {
    const answer = await call();
    if (answer.status === 401 && attempts - 1 > 0) {
      await this.login();
      return this.withRetry(call, attempts - 1);
    }
    return answer;
  }

  /** mi/impl/common.go unmarshalData: 200 decodes into the model; 401 exits; otherwise the string map's Error. */
  private async get<T>(path: string, query: Record<string, string>, model: GoType): Promise<T> {
    const answer = await this.withRetry(() => this.exchange("GET", path, { query, token: this.token }));
    if (answer.status === 200) {
      let json: unknown;
      try {
        json = JSON.parse(answer.text);
      } catch {
        throw new ApictlExit("invalid JSON response");
      }
      return goDecode(json, model) as T;
    }
    if (answer.status === 401) throw new ApictlExit("Invalid credentials. Please login to the current Micro Integrator instance");
    if (answer.text.length === 0) throw new Error(String(answer.status));
    throw new Error(goStringMap(answer.text).Error);
  }

  /** mi/impl/common.go handleResponse(resp, "status", "Error"): every write answer is read as a map of strings. */
  private async write(method: string, path: string, init: { query?: Record<string, string>; body?: unknown }): Promise<string> {
    const answer = await this.withRetry(() =>
      this.exchange(method, path, {
        ...init,
        token: this.token,
        headers: init.body === undefined ? {} : { "content-type": "application/json" },
      }),
    );
    if (answer.status === 401) throw new ApictlExit("Invalid credentials. Please login to the current Micro Integrator instance");
    if (answer.text.length === 0) throw new Error(String(answer.status));
    const data = goStringMap(answer.text);
    if (data.status) return data.status;
    throw new Error(data.Error ?? "");
  }

  /** mi/impl/getUsers.go GetUserList: `mi get users [-r role] [-p pattern]`, params only when non-empty, never paged. */
  getUsers(role = "", pattern = ""): Promise<TUserList> {
    return this.get("/users", nonEmpty({ role, pattern }), UserList);
  }

  /** mi/impl/getUsers.go GetUserInfo: `mi get users <user-id>`. */
  getUser(userId: string): Promise<TUserSummary> {
    return this.get(`/users/${userId}`, {}, UserSummary);
  }

  /** mi/impl/user.go AddMIUser (cmd/mi/add/user.go prompts): isAdmin as "true"/"false", domain as typed ("" for the default). */
  addUser(userName: string, password: string, isAdminAnswer = "", domain = ""): Promise<string> {
    const isAdmin = ["y", "yes"].includes(isAdminAnswer.trim().toLowerCase()) ? "true" : "false";
    return this.write("POST", "/users", { body: { userId: userName, password, isAdmin, domain } });
  }

  /** mi/impl/user.go DeleteMIUser: `mi delete user <name> [-d domain]`. */
  deleteUser(userName: string, domain = ""): Promise<string> {
    return this.write("DELETE", `/users/${userName}`, { query: nonEmpty({ domain }) });
  }

  /**
   * mi/impl/user.go UpdateMIUser: `mi update user <name>`, PUT /management/roles. The role lists
   * come from strings.Fields of a prompt, so an empty answer is [], and Go marshals a nil slice as null.
   */
  updateUser(userName: string, domain: string, addedRoles: string[] | null, removedRoles: string[] | null): Promise<string> {
    return this.write("PUT", "/roles", { body: { userId: userName, domain, addedRoles, removedRoles } });
  }

  /** mi/impl/getRoles.go GetRoleList: `mi get roles`, no parameters. */
  getRoles(): Promise<TRoleList> {
    return this.get("/roles", {}, RoleList);
  }

  /** mi/impl/getRoles.go GetRoleInfo: `mi get roles <role> [-d domain]`. */
  getRole(role: string, domain = ""): Promise<TRoleSummary> {
    return this.get(`/roles/${role}`, nonEmpty({ domain }), RoleSummary);
  }

  /** mi/impl/role.go AddMIRole: `mi add role <name>`, body {role, domain} with the domain as typed. */
  addRole(role: string, domain = ""): Promise<string> {
    return this.write("POST", "/roles", { body: { role, domain } });
  }

  /** mi/impl/role.go DeleteMIRole: `mi delete role <name> [-d domain]`. */
  deleteRole(role: string, domain = ""): Promise<string> {
    return this.write("DELETE", `/roles/${role}`, { query: nonEmpty({ domain }) });
  }
}

/** mi/impl/common.go putNonEmptyValueToMap. */
function nonEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
}
