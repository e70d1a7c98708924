import type { AgentProfilePool } from "@agentdeck/core";
import type { AgentProfile } from "../store/pool-table.ts";

/**
 * The profile a pool lends to a new execution, or undefined when none is free. Without
 * `allowConcurrentUse`, a profile is free only when no unfinished execution holds it. Least recently used
 * takes the free profile whose last use is oldest, a never-used one first; most recently used takes the
 * one used last, a never-used one only when no free profile has been used. Ties go to the profile created first.
 */
export function chooseProfile(
  pool: AgentProfilePool,
  profiles: readonly AgentProfile[],
  isBusy: (profile: AgentProfile) => boolean,
): AgentProfile | undefined {
  const free = pool.allowConcurrentUse ? profiles : profiles.filter((p) => !isBusy(p));
  const mostRecent = pool.selectionStrategy === "most_recently_used";
  let best: AgentProfile | undefined;
  for (const profile of free) {
    if (best === undefined) {
      best = profile;
      continue;
    }
    const newer = profile.lastUsedSeq - best.lastUsedSeq;
    const better = mostRecent ? newer > 0 : newer < 0;
    if (better || (newer === 0 && profile.createdSeq < best.createdSeq)) best = profile;
  }
  return best;
}
