type WithInteraction = { interaction: { withResponseBody(body: string, contentType: string): boolean } };

/**
 * Sets a `text/plain` response body that the pact pins as text. Pact's V4 response builder offers
 * `jsonBody`, `xmlBody` and `body(contentType, Buffer)`; the last records any text as binary and then
 * checks only its content type, so this reaches the interaction underneath, as `jsonBody` does.
 */
export function textBody<Builder extends object>(response: Builder, text: string): Builder {
  (response as unknown as WithInteraction).interaction.withResponseBody(text, "text/plain");
  return response;
}
