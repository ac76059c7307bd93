import { NOT_FOUND_TEXT, StatusCard } from "@/components/shell/StatusCard";

// Rendered inside the shell's <main>: a second <main> would nest landmarks.
export default function ConsoleNotFound() {
  return (
    <StatusCard title="Not found" landmark={false}>
      {NOT_FOUND_TEXT}
    </StatusCard>
  );
}
