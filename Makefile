# kefu — set-up, build, run and test. Every target installs the Debian
# packages it needs first, so a fresh machine needs nothing else.

SWIFT ?= swift
# Build: OpenCC and libedit headers, pkg-config to find them.
# Tests: tmux drives the real binary in a real terminal.
APT_PACKAGES := pkg-config libopencc-dev libedit-dev tmux

.PHONY: setup build run test format snapshots eval bench install uninstall install-files clean

setup:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi

build: setup
	$(SWIFT) build -c release --product kefu

run: build
	.build/release/kefu $(ARGS)

# `kefu test` runs first: checking the built-in examples as unseen trains
# (once, then cached in $$XDG_CACHE_HOME/kefu) the held-out models that the
# suite's own `kefu test` runs reuse.
test: setup
	$(SWIFT) format lint --strict --recursive $(FORMATTED)
	$(SWIFT) build --build-tests
	.build/debug/kefu test --no-user-packs
	$(SWIFT) test --skip-build
	Tests/install/install-test.sh

# The Swift sources swift-format keeps in shape (.swift-format: 4 spaces,
# 140 columns, sorted imports); `make test` fails on any difference and
# `make format` rewrites them.
FORMATTED := Package.swift Sources Plugins Tests Benchmarks/Package.swift Benchmarks/Benchmarks

format:
	$(SWIFT) format format --in-place --recursive $(FORMATTED)

# Rewrites Tests/HelpSnapshots from the current `kefu <command> --help`
# texts; review the diff before committing it.
snapshots:
	$(SWIFT) build --build-tests
	KEFU_UPDATE_SNAPSHOTS=1 $(SWIFT) test --skip-build --filter HelpSnapshotTests

# `make install` (then `sudo make install` if PREFIX is not yours): the
# release binary, bash/zsh/fish completions and the man page, all generated
# from the binary by swift-argument-parser (its generate-manual tool, built
# from the package's own checkout: no network). DESTDIR stages the tree for
# a package. `make uninstall` (same PREFIX and DESTDIR) removes them again.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR := $(PREFIX)/bin
MANDIR := $(PREFIX)/share/man/man1
BASHDIR := $(PREFIX)/share/bash-completion/completions
ZSHDIR := $(PREFIX)/share/zsh/site-functions
FISHDIR := $(PREFIX)/share/fish/vendor_completions.d
# What is installed, and how it is built: Tests/install/install-test.sh
# installs the debug binary it already has (INSTALL_BUILD= CONFIG=debug).
CONFIG ?= release
KEFU ?= .build/$(CONFIG)/kefu
INSTALL_BUILD ?= build
GENERATED ?= .build/install-files
# The man page's date: the last commit's, so a rebuild gives the same page.
MANUAL_DATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date +%F)
INSTALLED := $(BINDIR)/kefu $(MANDIR)/kefu.1 $(BASHDIR)/kefu $(ZSHDIR)/_kefu $(FISHDIR)/kefu.fish

install-files: $(INSTALL_BUILD)
	rm -rf "$(GENERATED)" && mkdir -p "$(GENERATED)"
	$(SWIFT) build -c $(CONFIG) --product generate-manual
	"$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/generate-manual" "$(KEFU)" --date $(MANUAL_DATE) -o "$(GENERATED)"
	for shell in bash zsh fish; do "$(KEFU)" --generate-completion-script $$shell > "$(GENERATED)/kefu.$$shell" || exit 1; done

install: install-files
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)" "$(DESTDIR)$(BASHDIR)" "$(DESTDIR)$(ZSHDIR)" "$(DESTDIR)$(FISHDIR)"
	install -m 755 "$(KEFU)" "$(DESTDIR)$(BINDIR)/kefu"
	install -m 644 "$(GENERATED)/kefu.1" "$(DESTDIR)$(MANDIR)/kefu.1"
	install -m 644 "$(GENERATED)/kefu.bash" "$(DESTDIR)$(BASHDIR)/kefu"
	install -m 644 "$(GENERATED)/kefu.zsh" "$(DESTDIR)$(ZSHDIR)/_kefu"
	install -m 644 "$(GENERATED)/kefu.fish" "$(DESTDIR)$(FISHDIR)/kefu.fish"

uninstall:
	rm -f $(addprefix "$(DESTDIR),$(addsuffix ",$(INSTALLED)))

# The blind set (never tuned on), then the development sets (tuned on).
eval: build
	@for f in Tests/BlindSet/*.tsv; do .build/release/kefu eval --no-user-packs "$$f"; done
	@for f in ../shared/eval/*.tsv; do \
	  .build/release/kefu eval --no-user-packs --mapping exact "$$f"; \
	  .build/release/kefu eval --no-user-packs "$$f"; done
	@for f in Tests/DevSet/*.tsv Tests/KefuCoreTests/Fixtures/labelled-messages.tsv; do .build/release/kefu eval --no-user-packs "$$f"; done

bench: setup
	cd Benchmarks && $(SWIFT) package benchmark

clean:
	rm -rf .build Benchmarks/.build
