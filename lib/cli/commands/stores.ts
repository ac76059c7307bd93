import { Option, type Command } from "commander";
import type { AddStoreOptions, GetStoresOptions, TestStoreOptions } from "../actions/stores.ts";
import { withEnv, withFormat } from "../options.ts";

const actions = () => import("../actions/stores.ts");
const typeOption = () => new Option("-t, --type <type>", "store type").choices(["ldap", "jdbc"]);

export function registerStoreCommands(parents: { get: Command; add: Command; test: Command }): void {
  const getStores = parents.get.command("stores [domain]").description("list secondary user stores, or show one (secrets are never shown)");
  withFormat(withEnv(getStores)).action(async (domain: string | undefined, options: GetStoresOptions) =>
    (await actions()).getStores(domain, options),
  );

  const addStore = parents.add
    .command("store <domain>")
    .description("add a secondary user store (LDAP or WSO2 JDBC) from a JSON settings file")
    .addOption(typeOption().makeOptionMandatory())
    .requiredOption("-s, --settings <file>", 'JSON object of the store\'s settings ("-" reads stdin); see docs/user-store-management.md')
    .option("--description <text>", "what the store holds")
    .option("--read-write", "let Gatehouse write to the directory (default: read-only)")
    .option("--secret-stdin", "read the bind or database password from stdin instead of the file");
  withFormat(withEnv(addStore)).action(async (domain: string, options: AddStoreOptions) => (await actions()).addStore(domain, options));

  const testStore = parents.test
    .command("store <domain>")
    .description("test a store's connection step by step (exit 7 when a step fails)")
    .addOption(typeOption())
    .option("-s, --settings <file>", "test these unsaved settings instead of the saved ones")
    .option("--secret-stdin", "read the bind or database password from stdin");
  withFormat(withEnv(testStore)).action(async (domain: string, options: TestStoreOptions) => (await actions()).testStore(domain, options));
}
