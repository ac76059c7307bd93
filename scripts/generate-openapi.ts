// Writes public/openapi/*.json from the contracts (lib/contracts). `npm run openapi`; the test
// lib/contracts/openapi/documents.test.ts fails while a committed file differs from this output.
import fs from "node:fs";
import { openapiTexts } from "../lib/contracts/openapi/documents.ts";

for (const [file, text] of Object.entries(openapiTexts())) {
  fs.writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
