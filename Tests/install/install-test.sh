#!/bin/sh
# `make install` puts the binary, the three completion scripts and the man
# page under DESTDIR/PREFIX, each usable; `make uninstall` removes every one.
# Run by `make test` after the debug build (it installs that binary, so it
# builds nothing but swift-argument-parser's generate-manual).
set -eu
cd "$(dirname "$0")/../.."
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT INT TERM
prefix=/opt/kefu-test
root="$stage/root$prefix"
fail() { echo "install-test: $*" >&2; exit 1; }

make -s install DESTDIR="$stage/root" PREFIX="$prefix" CONFIG=debug INSTALL_BUILD= GENERATED="$stage/generated" >/dev/null

for f in bin/kefu share/man/man1/kefu.1 share/bash-completion/completions/kefu \
         share/zsh/site-functions/_kefu share/fish/vendor_completions.d/kefu.fish; do
  [ -s "$root/$f" ] || fail "make install did not install $prefix/$f"
done
[ -x "$root/bin/kefu" ] || fail "the installed kefu is not executable"
"$root/bin/kefu" --version >/dev/null || fail "the installed kefu does not run"
# Nothing lands outside DESTDIR/PREFIX.
outside=$(cd "$stage/root" && find . -type f | grep -v "^.$prefix/" || true)
[ -z "$outside" ] || fail "installed outside PREFIX: $outside"

# The man page is one man(1) reads, and documents the options.
grep -q '^\.Dt KEFU 1' "$root/share/man/man1/kefu.1" || fail "kefu.1 is not a man page"
grep -q 'render-snippet' "$root/share/man/man1/kefu.1" || fail "kefu.1 does not document kefu suggest's options"
grep -q 'usage log' "$root/share/man/man1/kefu.1" || fail "kefu.1 does not document kefu stats"
if command -v man >/dev/null 2>&1; then
  MANWIDTH=80 man -l "$root/share/man/man1/kefu.1" 2>/dev/null | grep -q 'Ranked draft replies' || fail "man cannot render kefu.1"
fi
# The bash completion loads and registers itself, and knows a subcommand's options.
bash -c ". '$root/share/bash-completion/completions/kefu' && complete -p kefu" >/dev/null || fail "the bash completion does not load"
grep -q -- '--render-snippet' "$root/share/bash-completion/completions/kefu" || fail "the bash completion lacks kefu suggest's options"
grep -q -- '--since' "$root/share/bash-completion/completions/kefu" || fail "the bash completion lacks kefu stats' options"
head -1 "$root/share/zsh/site-functions/_kefu" | grep -q '^#compdef kefu' || fail "_kefu is not a zsh completion"
grep -q "^complete -c 'kefu'" "$root/share/fish/vendor_completions.d/kefu.fish" || fail "kefu.fish is not a fish completion"

make -s uninstall DESTDIR="$stage/root" PREFIX="$prefix" >/dev/null
left=$(find "$stage/root" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "install-test: make install and make uninstall OK"
