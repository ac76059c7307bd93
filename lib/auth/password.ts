// Hashing belongs to the database user store, which keeps the hashes; sign-in and the
// account pages still reach it here.
export { DEFAULT_ADMIN_PASSWORD, hashPassword, needsRehash, verifyPassword } from "../user-stores/password-hash.ts";
