# kefu — set-up, build, run and test. Every target installs the Debian
# packages it needs first, so a fresh machine needs nothing else.

SWIFT ?= swift
# Build: OpenCC and libedit headers, pkg-config to find them.
# Tests: tmux drives the real binary in a real terminal.
APT_PACKAGES := pkg-config libopencc-dev libedit-dev tmux

.PHONY: setup build run test eval bench clean

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
	$(SWIFT) build --build-tests
	.build/debug/kefu test --no-user-packs
	$(SWIFT) test --skip-build

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
