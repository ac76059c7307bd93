import { z } from "zod";

/** The profile claims the console edits and filters on, with WSO2's claim URIs. */
export const USER_CLAIMS = [
  { uri: "http://wso2.org/claims/givenname", label: "First name", schema: z.string().max(256) },
  { uri: "http://wso2.org/claims/lastname", label: "Last name", schema: z.string().max(256) },
  {
    uri: "http://wso2.org/claims/emailaddress",
    label: "Email",
    schema: z.union([z.literal(""), z.email("Enter an email address like name@example.com.")]),
  },
  { uri: "http://wso2.org/claims/organization", label: "Organization", schema: z.string().max(256) },
  { uri: "http://wso2.org/claims/country", label: "Country", schema: z.string().max(128) },
  { uri: "http://wso2.org/claims/telephone", label: "Telephone", schema: z.string().max(64) },
] as const;

export type ClaimUri = (typeof USER_CLAIMS)[number]["uri"];

export function claimLabel(uri: string): string {
  return USER_CLAIMS.find((c) => c.uri === uri)?.label ?? uri;
}
