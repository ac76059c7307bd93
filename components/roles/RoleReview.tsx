import type { ReactNode } from "react";
import { permissionsFor } from "@/lib/permissions/tenant-tree";
import { permissionTrail } from "@/lib/permissions/labels";
import { holds } from "@/lib/permissions/paths";
import { qualifiedName } from "@/lib/core/domains";
import type { PickedUser } from "@/components/users/UserSearchList";

type Props = {
  domain: string;
  name: string;
  permissions: string[];
  users: PickedUser[];
  onEdit: (step: number) => void;
  superTenant: boolean;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The wizard's last step: everything Finish will write, each part with a way back to change it. */
export function RoleReview({ domain, name, permissions, users, onEdit, superTenant }: Props) {
  const covered = permissionsFor(superTenant).filter((p) => holds(permissions, p.path)).length;
  return (
    <div className="space-y-4" data-testid="role-review">
      <Part title="Role" onEdit={() => onEdit(0)} edit="Change the name">
        <p className="break-all">
          <span className="font-medium">{qualifiedName(domain, name.trim())}</span> in {domain}
        </p>
      </Part>
      <Part title={`Permissions: ${plural(covered, "permission", "permissions")}`} onEdit={() => onEdit(1)} edit="Change the permissions">
        {permissions.length === 0 ? (
          <p className="text-slate-600">None: members gain nothing from this role until permissions are added.</p>
        ) : (
          <ul className="list-disc space-y-0.5 pl-5" aria-label="Granted permissions">
            {permissions.map((p) => (
              <li key={p}>
                {permissionTrail(p)} <code className="break-all text-xs text-slate-600">{p}</code>
              </li>
            ))}
          </ul>
        )}
      </Part>
      <Part title={`Members: ${plural(users.length, "user", "users")}`} onEdit={() => onEdit(2)} edit="Change the members">
        {users.length === 0 ? (
          <p className="text-slate-600">No users yet; assign them later from the role&apos;s page.</p>
        ) : (
          <ul className="flex flex-wrap gap-2" aria-label="Members">
            {users.map((u) => (
              <li key={u.id} className="rounded-full bg-slate-100 px-3 py-1 text-sm break-all">
                {u.label}
              </li>
            ))}
          </ul>
        )}
      </Part>
    </div>
  );
}

function Part({ title, edit, onEdit, children }: { title: string; edit: string; onEdit: () => void; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">{title}</h3>
        <button type="button" onClick={onEdit} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {edit}
        </button>
      </div>
      {children}
    </section>
  );
}
