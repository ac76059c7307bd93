"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  createTenantCommand,
  deleteTenantConfirmedCommand,
  setTenantActiveCommand,
  updateTenantContactCommand,
} from "@/lib/tenants/commands";
import { ZNewTenantForm, ZSetTenantActiveForm } from "@/lib/tenants/tenant-form-schemas";
import { commandAction } from "@/lib/transport/command-action";
import { countOf } from "@/lib/core/plural";

const LIST = "/tenants";

export const createTenantAction = commandAction(createTenantCommand, {
  form: ZNewTenantForm,
  done: ({ domain }) => {
    revalidatePath(LIST);
    redirect(`${LIST}?${new URLSearchParams({ q: domain, added: domain })}`);
  },
});

export const setTenantActiveAction = commandAction(setTenantActiveCommand, {
  form: ZSetTenantActiveForm,
  done: ({ domain, active, sessionsEnded }) => {
    revalidatePath(LIST);
    return { message: active ? `${domain} activated.` : `${domain} deactivated; ${countOf(sessionsEnded, "session")} ended.` };
  },
});

export const updateTenantContactAction = commandAction(updateTenantContactCommand, {
  done: ({ domain }) => {
    revalidatePath(LIST);
    redirect(`${LIST}?${new URLSearchParams({ q: domain, saved: domain })}`);
  },
});

export const deleteTenantAction = commandAction(deleteTenantConfirmedCommand, {
  done: ({ domain, users, roles }) => {
    revalidatePath(LIST);
    redirect(`${LIST}?${new URLSearchParams({ deleted: domain, users: String(users), roles: String(roles) })}`);
  },
});
