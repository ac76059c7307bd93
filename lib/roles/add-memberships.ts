// Membership rows are the user stores' business (lib/user-stores); role writes reach them here.
export { addMemberships, type MembershipPair } from "../user-stores/hybrid-memberships.ts";
