import * as z from "zod";
import { ResponseUuid } from "./common.ts";

/** One organization the caller belongs to. */
export const Organization = z.object({
  id: ResponseUuid,
  name: z.string(),
  role: z.string().optional(),
});
export type Organization = z.infer<typeof Organization>;

/** Response of `GET /context`: who the key belongs to and their organizations. */
export const UserContext = z.object({
  userId: ResponseUuid.optional(),
  email: z.string().optional(),
  organizations: z.array(Organization),
});
export type UserContext = z.infer<typeof UserContext>;
