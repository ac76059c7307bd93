"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addClaimCommand, deleteClaimCommand, editClaimCommand } from "@/lib/claims/commands";
import { ZAddClaimForm, ZEditClaimForm } from "@/lib/claims/claim-input";
import { editScimDialectCommand, ZEditScimDialectForm } from "@/lib/scim/dialect-commands";
import { commandAction } from "@/lib/transport/command-action";

const LIST = "/settings/claims";

export const addClaimAction = commandAction(addClaimCommand, {
  form: ZAddClaimForm,
  done: ({ uri }) => {
    revalidatePath(LIST);
    redirect(`${LIST}?${new URLSearchParams({ q: uri, added: uri })}`);
  },
});

export const editClaimAction = commandAction(editClaimCommand, {
  form: ZEditClaimForm,
  done: ({ uri }) => {
    revalidatePath(LIST);
    redirect(`${LIST}?${new URLSearchParams({ q: uri, saved: uri })}`);
  },
});

export const deleteClaimAction = commandAction(deleteClaimCommand, {
  done: ({ uri }) => {
    revalidatePath(LIST);
    redirect(`${LIST}?${new URLSearchParams({ deleted: uri })}`);
  },
});

export const editScimDialectAction = commandAction(editScimDialectCommand, {
  form: ZEditScimDialectForm,
  done: ({ changed }) => {
    revalidatePath(`${LIST}/scim`);
    return { message: changed === 0 ? "Nothing to save: the mapping is as it was." : `SCIM mapping saved (${changed} changed).` };
  },
});
