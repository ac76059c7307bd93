import { FORBIDDEN_TEXT, StatusCard } from "@/components/shell/StatusCard";

export default function Forbidden() {
  return (
    <StatusCard title="Access denied" landmark>
      {FORBIDDEN_TEXT}
    </StatusCard>
  );
}
