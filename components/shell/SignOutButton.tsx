"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // next-auth would send the browser to NEXTAUTH_URL's host, which need not be the
        // address in use (127.0.0.1 vs localhost); a relative path keeps it where it is.
        // A full load on purpose: no page state of the signed-out user may survive.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        void signOut({ redirect: false }).then(() => window.location.assign("/login"));
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
