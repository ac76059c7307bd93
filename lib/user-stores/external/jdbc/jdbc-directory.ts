import { AppError } from "../../../errors.ts";
import type { Directory } from "../directory.ts";
import type { JdbcSettings } from "../settings.ts";

// Placeholder until the WSO2 JDBC directory lands (#13): connecting a WSO2 JDBC store is refused clearly.
export function createJdbcDirectory(settings: JdbcSettings, readOnly: boolean): Directory {
  void settings;
  void readOnly;
  throw new AppError("STORE_UNAVAILABLE", "WSO2 JDBC user stores are not available in this build yet.");
}
