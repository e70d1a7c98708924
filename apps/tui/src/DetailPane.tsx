import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { sanitize } from "./sanitize.ts";
import { useTheme } from "./theme.ts";

/** One labelled value of a detail pane; values are sanitised, multi-line ones keep their lines. */
export type Detail = readonly [label: string, value: string | undefined];

/** A titled column of labelled values, for the item under the cursor. */
export function DetailPane(props: {
  readonly title: string;
  readonly details: readonly Detail[];
  readonly width?: number | string;
  readonly height?: number;
  readonly children?: ReactNode;
}) {
  const theme = useTheme();
  const labelWidth = Math.max(...props.details.map(([label]) => label.length), 4) + 1;
  return (
    <Box
      flexDirection="column"
      width={props.width}
      height={props.height}
      overflow="hidden"
      borderStyle="single"
      borderTop={false}
      borderBottom={false}
      borderRight={false}
      borderColor={theme.muted}
      paddingLeft={1}
    >
      <Text bold wrap="truncate-end">
        {sanitize(props.title)}
      </Text>
      {props.details.map(([label, value]) => (
        <Box key={label} flexDirection="row">
          <Box width={labelWidth} flexShrink={0}>
            <Text color={theme.muted}>{label}</Text>
          </Box>
          <Text wrap="wrap">{sanitize(value ?? "—", { multiline: true })}</Text>
        </Box>
      ))}
      {props.children}
    </Box>
  );
}
