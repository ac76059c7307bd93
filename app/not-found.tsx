import { NOT_FOUND_TEXT, StatusCard } from "@/components/shell/StatusCard";

export default function NotFound() {
  return (
    <StatusCard title="Not found" landmark>
      {NOT_FOUND_TEXT}
    </StatusCard>
  );
}
