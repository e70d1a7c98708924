/**
 * List params as a query string: arrays become repeated keys (`status=a&status=b`), undefined is left
 * out, and a key found in `names` travels under its wire name (`pageSize` → `pagination[page_size]`).
 */
export function toQuery(
  params: Record<string, unknown>,
  names: Record<string, string> = {},
): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(names[key] ?? key, String(item));
  }
  return query;
}
