// ESLint 9 flat config: Next's rules (core web vitals, React, React hooks, jsx-a11y) and
// typescript-eslint's recommended set. Formatting is Prettier's job, so no stylistic rules here.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_name` marks a value taken apart only to leave it out (`const { a: _a, ...rest } = x`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Playwright's fixture callback is named `use`, and the vitest helper `useTestApp` is not a
    // React hook either: the hooks rules would read both as hooks.
    files: ["e2e/**", "testing/**", "**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores(["dist/**", ".next/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts"]),
]);
