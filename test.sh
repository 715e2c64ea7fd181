#!/usr/bin/env bash
# The whole test suite, also on a fresh machine: installs the real tools the tests run (Debian packages) when they
# are missing, then runs every test project. This is the README's test command, and exactly what CI runs.
# Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")"

# Each package, and why: the tests use the real thing, never a mock of it.
missing=()
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)   # git remotes over ssh: a real sshd on loopback
[ -x /usr/bin/chromium ] || missing+=(chromium)      # dashboard tests: Playwright drives Debian's Chromium (no browser download)
{ command -v prometheus && command -v promtool; } >/dev/null || missing+=(prometheus) # a real Prometheus to poll; promtool checks metrics and rules
command -v redis-server >/dev/null || missing+=(redis-server)                         # cluster tests: several silos on a real Redis
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} (apt-get; the tests run them for real)" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for tool in dotnet git kubectl ssh-keygen prometheus promtool redis-server; do
  command -v "$tool" >/dev/null || { echo "test.sh: '$tool' is required on the PATH" >&2; exit 1; }
done

# Tests commit with the git CLI; a machine without a git identity still gets one, for this run only.
export GIT_AUTHOR_NAME="${GIT_AUTHOR_NAME:-controlplane-tests}" GIT_AUTHOR_EMAIL="${GIT_AUTHOR_EMAIL:-tests@localhost}"
export GIT_COMMITTER_NAME="${GIT_COMMITTER_NAME:-controlplane-tests}" GIT_COMMITTER_EMAIL="${GIT_COMMITTER_EMAIL:-tests@localhost}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test ControlPlane.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over every test project: "N passed, N failed".
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i + 1); if ($i == "Failed:") f += $(i + 1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit "$status"
