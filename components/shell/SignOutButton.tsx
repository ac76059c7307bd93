import { Button } from "@/components/ui/Button";

/** A plain form post to app/sign-out/route.ts: no client JavaScript, works before hydration. */
export function SignOutButton() {
  return (
    <form action="/sign-out" method="post">
      <Button type="submit" variant="secondary" size="sm">
        Sign out
      </Button>
    </form>
  );
}
