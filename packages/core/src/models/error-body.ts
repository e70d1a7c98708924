import * as z from "zod";

/** The `{code, message}` body every v2 error response carries. */
export const ApiErrorBody = z.object({ code: z.number(), message: z.string() });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** The registry's `{status: "error", code: "bad_request", message}` envelope. */
export const RegistryBadRequest = z.object({
  status: z.literal("error"),
  code: z.string(),
  message: z.string(),
});

/** The registry's `validation_errors` envelope: a message per field path. */
export const RegistryValidationErrors = z.object({
  status: z.literal("error"),
  code: z.literal("validation_errors"),
  message: z.string(),
  errors: z.record(z.string(), z.array(z.string())),
});

/** Any registry error envelope. */
export const RegistryErrorBody = z.union([RegistryValidationErrors, RegistryBadRequest]);
export type RegistryErrorBody = z.infer<typeof RegistryErrorBody>;
