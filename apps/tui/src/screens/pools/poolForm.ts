import type { AgentProfilePool, CreatePoolRequest, UpdatePoolRequest } from "@agentdeck/core";
import { sanitize } from "../../common/sanitize.ts";
import type { FormSpec } from "../../form/formView.tsx";
import { itemContext } from "../resourceViews.tsx";
import { POOL_FIELDS, validateCreatePool, validateUpdatePool } from "./poolFields.ts";

/** After a pool was saved: back to the list, on the pool, saying so. */
function saved(created: boolean): FormSpec<unknown, AgentProfilePool>["done"] {
  return (context, pool) => {
    const list = itemContext(context, pool).list;
    context.stack.close(context.id);
    list.refresh(pool.id);
    context.session
      .reporter(list.id, "v2")
      .info(`${created ? "Created" : "Saved"} pool ${sanitize(pool.name)}.`);
  };
}

/** The form that creates a pool in the session's organization. */
export const CREATE_POOL: FormSpec<CreatePoolRequest, AgentProfilePool> = {
  title: "New pool",
  fields: POOL_FIELDS,
  submitLabel: "creates the pool",
  doing: "create the pool",
  api: "v2",
  ifActed: "It may have been created anyway: press Esc and look for it in the list before you send it again.",
  validate: (values, session) => validateCreatePool(values, session.organizationId),
  send: (body, session) => session.client.pools.create(body),
  done: saved(true),
};

/** The form that edits `pool`: only the fields that changed are sent. */
export function editPool(pool: AgentProfilePool): FormSpec<UpdatePoolRequest, AgentProfilePool> {
  return {
    title: `Edit pool ${sanitize(pool.name)}`,
    fields: POOL_FIELDS,
    submitLabel: "saves",
    doing: "save the pool",
    api: "v2",
    ifActed: "It may have been saved anyway: press Esc and look at the pool before you save it again.",
    validate: (values) => validateUpdatePool(values, pool),
    send: (body, session) => session.client.pools.update(pool.id, body),
    done: saved(false),
  };
}
