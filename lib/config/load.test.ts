import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./load.ts";

describe("gatehouse.toml", () => {
  it("means the defaults when empty", () => {
    const config = parseConfig("");
    expect(config.super_admin).toEqual({ username: "admin", password: "admin", admin_role: "admin", create_admin_account: true });
    expect(config.session).toEqual({ idle_timeout_minutes: 15, absolute_timeout_hours: 8 });
    expect(config.lockout.enabled).toBe(true);
    expect(config.password_policy.min_length).toBe(12);
  });

  it("reads WSO2's [super_admin] table", () => {
    const config = parseConfig(
      `[super_admin]\nusername = "root"\npassword = "s3cret-s3cret"\nadmin_role = "administrator"\ncreate_admin_account = false\n`,
    );
    expect(config.super_admin).toEqual({
      username: "root",
      password: "s3cret-s3cret",
      admin_role: "administrator",
      create_admin_account: false,
    });
  });

  it("names the line and column of a syntax error", () => {
    expect(() => parseConfig(`[super_admin]\nusername = "admin"\npassword = \n`)).toThrowError(/^gatehouse\.toml:3:\d+: /);
  });

  it("names the line and key of a wrong type", () => {
    const source = `# comment\n[lockout]\nenabled = true\nmax_failed_attempts = "five"\n`;
    expect(() => parseConfig(source)).toThrowError(/^gatehouse\.toml:4: \[lockout\] max_failed_attempts: /);
  });

  it("refuses a user store pattern that is not a regular expression", () => {
    expect(() => parseConfig(`[user_store]\nusername_java_regex = "([a-z"\n`)).toThrowError(
      "gatehouse.toml:2: [user_store] username_java_regex: not a valid regular expression",
    );
  });

  it("names an unknown key and where it is", () => {
    const source = `[session]\nidle_timeout_minutes = 5\nidle_timeout_minuts = 10\n`;
    expect(() => parseConfig(source)).toThrowError("gatehouse.toml:3: [session] idle_timeout_minuts: unknown key");
  });

  it("names an unknown table", () => {
    expect(() => parseConfig(`[sesion]\nx = 1\n`)).toThrowError("gatehouse.toml:1: sesion: unknown key");
  });

  it("refuses a lockout above ASVS 2.2.1's ceiling of 100 failures", () => {
    expect(() => parseConfig(`[lockout]\nmax_failed_attempts = 101\n`)).toThrowError(ConfigError);
  });
});
