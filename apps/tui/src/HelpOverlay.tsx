import { Box, Text } from "ink";
import { KEY_GROUPS } from "./keys.ts";
import { useTheme } from "./theme.ts";

/** Every key, by where it works; shown in place of the screen until Esc or `?`. */
export function HelpOverlay(props: { readonly height: number; readonly width: number }) {
  const theme = useTheme();
  const twoColumns = props.width >= 110;
  const half = Math.ceil(KEY_GROUPS.length / 2);
  const columns = twoColumns ? [KEY_GROUPS.slice(0, half), KEY_GROUPS.slice(half)] : [KEY_GROUPS];
  return (
    <Box flexDirection="column" height={props.height} overflow="hidden" paddingX={1}>
      <Text bold color={theme.accent}>
        Keys <Text color={theme.muted}>(Esc or ? closes this)</Text>
      </Text>
      <Box flexDirection="row" gap={4}>
        {columns.map((groups) => (
          <Box key={groups[0]?.title} flexDirection="column">
            {groups.map((group) => (
              <Box key={group.title} flexDirection="column" marginTop={1}>
                <Text bold>{group.title}</Text>
                {group.bindings.map((binding) => (
                  <Box key={binding.action} flexDirection="row">
                    <Box width={16} flexShrink={0}>
                      <Text color={theme.accent}>{binding.label}</Text>
                    </Box>
                    <Text>{binding.help}</Text>
                  </Box>
                ))}
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
