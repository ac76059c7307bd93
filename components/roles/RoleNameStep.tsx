import { Field } from "@/components/ui/Field";

type Props = {
  domains: string[];
  domain: string;
  name: string;
  errors: string[] | undefined;
  onDomain: (domain: string) => void;
  onName: (name: string) => void;
};

/** The wizard's first step: the store the role belongs to and its name. */
export function RoleNameStep({ domains, domain, name, errors, onDomain, onName }: Props) {
  return (
    <div className="max-w-md space-y-4">
      <div>
        <label htmlFor="role-domain" className="block text-sm font-medium">
          Domain
        </label>
        <select
          id="role-domain"
          value={domain}
          onChange={(e) => onDomain(e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          {domains.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <Field
        id="role-name"
        label="Role Name"
        name="name"
        value={name}
        onChange={(e) => onName(e.target.value)}
        hint="3 to 30 characters, no spaces or “/”. Checked when you press Next."
        errors={errors}
        autoFocus
      />
    </div>
  );
}
