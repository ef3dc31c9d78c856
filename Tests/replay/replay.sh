#!/bin/bash
# Byte-for-byte replay of kefu's outputs at two commits: `kefu suggest`
# (text and JSON Lines) over every labelled message kefu has (../shared/eval,
# Tests/DevSet, the labelled fixture), `kefu eval` on each file and
# `kefu test` on the built-in packs. A restructuring must leave every byte
# alone; a fixed bug is named in its commit. Not run by `make test` (it
# builds two commits, several minutes); run it around a refactor:
#   Tests/replay/replay.sh OLD_COMMIT [NEW_COMMIT, default HEAD]
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
old=$(git -C "$root" rev-parse "$1")
new=$(git -C "$root" rev-parse "${2:-HEAD}")
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/tree" "$old" >/dev/null
inputs=()
for f in "$root"/../shared/eval/*.tsv "$root"/Tests/DevSet/*.tsv "$root"/Tests/KefuCoreTests/Fixtures/labelled-messages.tsv; do
    [ -f "$f" ] && inputs+=("$f")
done
run() {  # run LABEL: outputs of the binary built in the work tree
    local out="$work/$1" kefu="$work/tree/.build/release/kefu"
    mkdir -p "$out"
    (cd "$work/tree" && swift build -c release --product kefu >/dev/null)
    export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache-$1"
    for f in "${inputs[@]}"; do
        name=$(basename "$f" .tsv)
        tail -n +2 "$f" | cut -f1 > "$work/$name.txt"
        "$kefu" suggest --no-user-packs --top 3 < "$work/$name.txt" > "$out/$name.suggest.txt" 2>&1 || true
        "$kefu" suggest --no-user-packs --format jsonl --explain < "$work/$name.txt" > "$out/$name.suggest.jsonl" 2>&1 || true
        "$kefu" eval --no-user-packs "$f" > "$out/$name.eval.txt" 2>&1 || true
        "$kefu" eval --no-user-packs --format json "$f" > "$out/$name.eval.json" 2>&1 || true
    done
    "$kefu" test --no-user-packs > "$out/test.txt" 2>&1 || true
    # The file argument is printed as given: the same path in both runs.
}
run old
git -C "$work/tree" checkout --quiet --detach "$new"
run new
if diff -r "$work/old" "$work/new" > "$work/diff.txt"; then
    echo "byte-identical: ${#inputs[@]} labelled files, suggest (text, jsonl), eval (text, json), test — $old → $new"
else
    head -50 "$work/diff.txt"
    echo "DIFFERENT: $(grep -c '^diff' "$work/diff.txt" || true) file(s) differ"
    exit 1
fi
