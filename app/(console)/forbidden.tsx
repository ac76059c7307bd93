import { FORBIDDEN_TEXT, StatusCard } from "@/components/shell/StatusCard";

// Rendered inside the shell's <main>: a second <main> would nest landmarks.
export default function ConsoleForbidden() {
  return (
    <StatusCard title="Access denied" landmark={false}>
      {FORBIDDEN_TEXT}
    </StatusCard>
  );
}
