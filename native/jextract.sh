#!/usr/bin/env bash
# Regenerates the committed FFM bindings (src/main/java/dev/ffsock/internal/bindings) from
# ffsock.h and includes.txt with a jextract found on PATH, or named by $JEXTRACT.
#
#   native/jextract.sh            regenerate in place
#   native/jextract.sh --check    regenerate into a temporary directory and fail if it differs
#
# jextract is not shipped with ffsock; build or install it yourself (https://github.com/openjdk/jextract).
# Run on Linux x86_64 with glibc headers: the generated layouts are x86_64's, and the syscall layer
# swaps the few that differ on other architectures (struct epoll_event) at run time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jextract=${JEXTRACT:-$(command -v jextract || true)}
if [ -z "$jextract" ]; then
  echo "jextract.sh: no jextract on PATH and \$JEXTRACT is not set" >&2
  exit 2
fi
pkg=dev.ffsock.internal.bindings
target=$root/src/main/java
mode=${1:-write}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Run from native/ so that no stray compile_flags.txt elsewhere is picked up, and with a relative
# header path, so the header path jextract records in comments is the same on every machine.
(cd "$here" && "$jextract" --output "$out" --target-package "$pkg" --header-class-name LinuxC \
    @includes.txt ffsock.h)

gen=$out/${pkg//.//}
# The one mechanical rewrite: jextract emits SymbolLookup.findOrThrow (JDK 23+); ffsock targets
# --release 22, where the same lookup is find(name).orElseThrow().
sed -i -E 's/SYMBOL_LOOKUP\.findOrThrow\(("[^"]*")\)/SYMBOL_LOOKUP.find(\1).orElseThrow()/g' "$gen"/*.java
if grep -l 'findOrThrow' "$gen"/*.java >/dev/null 2>&1; then
  echo "jextract.sh: findOrThrow left after the rewrite; update the rewrite" >&2
  exit 1
fi

dest=$target/${pkg//.//}
if [ "$mode" = "--check" ]; then
  if diff -r "$gen" "$dest" >/dev/null; then
    echo "bindings are up to date"
  else
    diff -r "$gen" "$dest" | head -40
    echo "jextract.sh: committed bindings differ from what jextract generates" >&2
    exit 1
  fi
else
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  cp -r "$gen" "$dest"
  echo "wrote $(ls "$dest" | wc -l) files to ${dest#"$root"/}"
fi
