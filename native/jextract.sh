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
# Five mechanical rewrites of jextract's output (rewrite() below; the committed files are its output):
#
# 1. jextract emits SymbolLookup.findOrThrow (JDK 23+); ffsock targets --release 22, where the same
#    lookup is find(name).orElseThrow().
# 2. No downcall handle is linked when a function's holder class initialises. jextract gives every
#    function a holder `private static class NAME { DESC; ADDR; HANDLE = downcallHandle(ADDR, DESC); }`,
#    and NAME$address() / NAME$descriptor() initialise it, so the syscall layer, which links its own
#    handles (errno capture) from those two, paid for a second, unused link per function at startup
#    (about 10-20 ms each). The HANDLE line (and the blank line before it) is deleted, and the two
#    users of NAME.HANDLE, NAME$handle() and the wrapper NAME(...), link on each call instead:
#    `Linker.nativeLinker().downcallHandle(NAME.ADDR, NAME.DESC)` (the linker caches the linked shape,
#    so a repeated call costs a lookup and an address binding; ffsock itself calls neither). A holder
#    now costs one symbol lookup. Variadic invokers (fcntl, ioctl, open) already link on use.
# 3. The symbol lookup is the native linker's default lookup (libc) alone. jextract emits
#    `SymbolLookup.loaderLookup().or(Linker.nativeLinker().defaultLookup())` for libraries loaded
#    with System.loadLibrary; ffsock loads no library of its own, every symbol it binds is libc's, and
#    building the class loader's lookup cost a fresh JVM ~15-25 ms before its first socket. It also
#    means a same-named symbol in a library the application loaded never replaces libc's.
# 4. No VarHandle is built when a struct class initialises. jextract gives each array field a
#    `private static final VarHandle NAME$ELEM_HANDLE = NAME$LAYOUT.varHandle(sequenceElement());`
#    for its indexed getter and setter; the first such handle in a JVM spins method-handle adapters
#    (50-150 ms), and the syscall layer only reads sizes and offsets from the layouts (Structs), so
#    sockaddr_in's and sockaddr_storage's padding arrays made every program pay it for its first
#    address. The field becomes a holder class, `private static final class NAME$ELEM_HANDLE { static
#    final VarHandle H = ...; }`, and its users read NAME$ELEM_HANDLE.H: built on first indexed access.
# 5. LinuxC$shared.align(layout, alignment), which the packed struct epoll_event's layout is built
#    with, is a loop over the layout's members instead of jextract's pattern switch over a stream: the
#    same layouts, without spinning a type-switch class and two lambda classes the first time a packed
#    struct initialises (the first epoll_event cost a fresh JVM ~5-10 ms; every thread's first call
#    touches it, for its scratch epoll_event).
# Fails if a rewrite left jextract's original text behind: left GREP-MODE PATTERN WHAT FILE...
left() {
  local mode=$1 pattern=$2 what=$3
  shift 3
  if grep -l "$mode" -- "$pattern" "$@" >/dev/null 2>&1; then
    echo "jextract.sh: $what left after the rewrite; update the rewrite" >&2
    exit 1
  fi
}

rewrite() {
  sed -i -E \
    -e 's/SYMBOL_LOOKUP\.findOrThrow\(("[^"]*")\)/SYMBOL_LOOKUP.find(\1).orElseThrow()/g' \
    -e '/^$/{N;/^\n +public static final MethodHandle HANDLE = Linker\.nativeLinker\(\)\.downcallHandle\(ADDR, DESC\);$/d}' \
    -e '/^ +public static final MethodHandle HANDLE = Linker\.nativeLinker\(\)\.downcallHandle\(ADDR, DESC\);$/d' \
    -e 's/\b([A-Za-z_][A-Za-z_0-9]*)\.HANDLE\b/Linker.nativeLinker().downcallHandle(\1.ADDR, \1.DESC)/g' \
    "$@"
  # A second pass: the blank-line rule above joins a blank line to the next, which these anchored
  # rules would then miss.
  sed -i -E \
    -e 's/SYMBOL_LOOKUP\.findOrThrow\(("[^"]*")\)/SYMBOL_LOOKUP.find(\1).orElseThrow()/g' \
    -e '/^ +static final SymbolLookup SYMBOL_LOOKUP = SymbolLookup\.loaderLookup\(\)$/{N;s/SymbolLookup\.loaderLookup\(\)\n +\.or\((Linker\.nativeLinker\(\)\.defaultLookup\(\))\);$/\1;/}' \
    -e 's/^( +)private static final VarHandle ([A-Za-z_][A-Za-z_0-9]*)\$ELEM_HANDLE = (.*);$/\1private static final class \2$ELEM_HANDLE {\n\1    static final VarHandle H = \3;\n\1}/' \
    -e 's/\b([A-Za-z_][A-Za-z_0-9]*\$ELEM_HANDLE)\.(get|set)\(/\1.H.\2(/g' \
    "$@"
  local align
  align=$(mktemp)
  cat >"$align" <<'JAVA'
    static MemoryLayout align(MemoryLayout layout, long align) {
        if (layout instanceof PaddingLayout p) return p;
        if (layout instanceof ValueLayout v) return v.withByteAlignment(align);
        if (layout instanceof GroupLayout g) {
            List<MemoryLayout> members = g.memberLayouts();
            MemoryLayout[] alignedMembers = new MemoryLayout[members.size()];
            for (int i = 0; i < alignedMembers.length; i++) alignedMembers[i] = align(members.get(i), align);
            return g instanceof StructLayout ?
                    MemoryLayout.structLayout(alignedMembers) : MemoryLayout.unionLayout(alignedMembers);
        }
        SequenceLayout s = (SequenceLayout) layout;
        return MemoryLayout.sequenceLayout(s.elementCount(), align(s.elementLayout(), align));
    }
JAVA
  # From align's first line to the method's closing brace, if it is still jextract's switch.
  sed -i -E \
    -e '/^    static MemoryLayout align\(MemoryLayout layout, long align\) \{$/{N;/\n        return switch \(layout\) \{$/!b' \
    -e ":more;N;/\n    }$/!b more;r $align" -e 'd}' \
    "$@"
  rm -f "$align"
  left -F 'case PaddingLayout p -> p;' "align's pattern switch" "$@"
  left -F 'loaderLookup' "loaderLookup" "$@"
  left -E 'VarHandle [A-Za-z_0-9]+\$ELEM_HANDLE =' "an eager ELEM_HANDLE" "$@"
  left -F 'findOrThrow' "findOrThrow" "$@"
  left -E '\bHANDLE\b' "a downcall HANDLE" "$@"
}
rewrite "$gen"/*.java

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
