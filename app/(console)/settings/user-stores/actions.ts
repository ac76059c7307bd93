"use server";

import { countOf } from "@/lib/core/plural";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  addStoreCommand,
  deleteStoreCommand,
  editStoreCommand,
  setStoreEnabledCommand,
  syncStoreNowCommand,
  testStoreCommand,
} from "@/lib/store-management/commands";
import { ZAddStoreForm, ZEditStoreForm, ZEnabledForm, ZTestStoreForm } from "@/lib/store-management/store-form";
import { commandAction } from "@/lib/transport/command-action";

const LIST = "/settings/user-stores";

export const addStoreAction = commandAction(addStoreCommand, {
  form: ZAddStoreForm,
  done: ({ domain }) => {
    revalidatePath(LIST);
    redirect(`${LIST}?added=${encodeURIComponent(domain)}`);
  },
});

export const editStoreAction = commandAction(editStoreCommand, {
  form: ZEditStoreForm,
  done: ({ domain }) => {
    revalidatePath(LIST);
    redirect(`${LIST}?saved=${encodeURIComponent(domain)}`);
  },
});

/** Tests the settings in the form, unsaved (a blank secret comes from the saved store). */
export const testStoreFormAction = commandAction(testStoreCommand, {
  form: ZTestStoreForm,
  done: (outcome) => ({ message: outcome.ok ? "Connection test passed." : "Connection test failed.", data: outcome }),
});

/** Tests a saved store from the list. */
export const testSavedStoreAction = commandAction(testStoreCommand, {
  done: (outcome) => {
    const failed = outcome.steps.find((s) => !s.ok);
    return { message: failed ? `Connection test failed at “${failed.step}”: ${failed.detail}` : "Connection test passed." };
  },
});

export const setStoreEnabledAction = commandAction(setStoreEnabledCommand, {
  form: ZEnabledForm,
  done: ({ domain, enabled }) => {
    revalidatePath(LIST);
    return { message: `${domain} ${enabled ? "enabled" : "disabled"}.` };
  },
});

export const syncStoreAction = commandAction(syncStoreNowCommand, {
  done: ({ domain, users, groups }) => {
    revalidatePath(LIST);
    return { message: `${domain} synced: ${countOf(users, "user")}, ${countOf(groups, "group")}.` };
  },
});

export const deleteStoreAction = commandAction(deleteStoreCommand, {
  done: ({ domain, users, groups }) => {
    revalidatePath(LIST);
    redirect(`${LIST}?${new URLSearchParams({ deleted: domain, users: String(users), groups: String(groups) })}`);
  },
});
