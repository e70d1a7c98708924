import stringWidth, { NARROW } from "./stringWidth.ts";

const segmenter = new Intl.Segmenter();

/** How many terminal cells `text` takes (text already sanitised: no escapes, no line breaks). */
export function cellWidth(text: string): number {
  return NARROW.test(text) ? text.length : stringWidth(text);
}

/**
 * `text` cut to at most `width` cells, by whole characters (grapheme clusters, so a wide
 * character or an emoji is never split), ending in `…` when something was cut.
 */
export function clip(text: string, width: number): string {
  if (width <= 0) return "";
  if (NARROW.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  if (stringWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** `text` in exactly `width` cells: clipped when too long, padded on the side away from `align`. */
export function fit(text: string, width: number, align: "left" | "right" = "left"): string {
  const cut = clip(text, width);
  const pad = " ".repeat(Math.max(0, width - cellWidth(cut)));
  return align === "right" ? pad + cut : cut + pad;
}

/**
 * Multi-line `text` wrapped into lines of at most `width` cells, at most `maxLines` of them (the
 * last one ends in `…` when there was more). Runs of blank lines count once, so padding cannot
 * push what follows out of view.
 */
export function wrapLines(text: string, width: number, maxLines: number): string[] {
  if (width <= 0 || maxLines <= 0) return [];
  const lines: string[] = [];
  const paragraphs = text
    .split("\n")
    .filter((line, i, all) => line.trim() !== "" || (i > 0 && all[i - 1]?.trim() !== ""));
  for (const paragraph of paragraphs) {
    let rest = paragraph.trimEnd();
    do {
      let line = takeCells(rest, width);
      // Break at the last space that fits, when the line goes on after it.
      const space = line.length < rest.length ? line.lastIndexOf(" ") : -1;
      if (space > 0) line = line.slice(0, space + 1);
      lines.push(line.trimEnd());
      rest = rest.slice(line.length);
      if (lines.length > maxLines) {
        const kept = lines.slice(0, maxLines);
        kept[maxLines - 1] = clip(`${kept[maxLines - 1]}…`, width);
        return kept;
      }
    } while (rest !== "");
  }
  return lines;
}

/** The longest start of `text` that fits in `width` cells, by whole characters. */
function takeCells(text: string, width: number): string {
  if (NARROW.test(text)) return text.slice(0, width);
  let out = "";
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width) break;
    out += segment;
    used += w;
  }
  // A character wider than the whole line still has to go somewhere.
  return out === "" ? (text[0] ?? "") : out;
}
