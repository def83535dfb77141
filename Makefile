# Deadline Guard — `make demo` runs the main job, `make test` runs every test.
# Every target installs what it needs itself, idempotently (see ../shared/TOOLCHAIN.md).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CRATE := deadline_guard
WASM_TARGET := wasm32-unknown-unknown
# The CLI must match the wasm-bindgen crate in Cargo.lock exactly, so read the version from there.
WB_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
TOOL_CACHE := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/deadline-guard
WB_ROOT := $(TOOL_CACHE)/wasm-bindgen-$(WB_VERSION)
WASM_BINDGEN := $(WB_ROOT)/bin/wasm-bindgen
WASM_OPT := node_modules/.bin/wasm-opt
ESBUILD := node_modules/.bin/esbuild
# `__wbg_reset_state()` in the glue: a fresh instance of the same module in place, so the page side
# can let go of the memory a big page made the wasm grow (engine-instance.js, `recycle`).
WASM_BINDGEN_FLAGS := --experimental-reset-state-function
PKG := pkg
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
export PATH := $(WB_ROOT)/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver

# Areas add their own test steps to TEST_STEPS and their own files to BUILD_OUTPUTS.
TEST_STEPS :=
DEMO_STEPS :=

.PHONY: help tools build test demo dist bench lint test-native test-wasm-build clean
help:
	@echo "make demo   build and serve the demo seller panel and widget on 127.0.0.1"
	@echo "make test   every test (lint, native, end-to-end with the built wasm in Chromium and Firefox)"
	@echo "make build  build the wasm into extension/ and www/"
	@echo "make dist   store zips in dist/"
	@echo "make bench  benchmarks (BENCHMARKS.md)"

# ---- tools -------------------------------------------------------------------------------
.PHONY: tool-rust tool-wasm-bindgen tool-npm tool-browsers
tools: tool-rust tool-wasm-bindgen tool-npm

tool-rust:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy

# Without --locked on purpose: the CLI's own lock file pins a crate the registry here lacks.
tool-wasm-bindgen: $(WASM_BINDGEN)
$(WASM_BINDGEN):
	cargo install wasm-bindgen-cli --version $(WB_VERSION) --root $(WB_ROOT)

tool-npm: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

tool-browsers:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/firefox-esr ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver firefox-esr; \
	fi

# ---- build -------------------------------------------------------------------------------
RUST_SOURCES := Cargo.toml Cargo.lock .cargo/config.toml $(shell find src -name '*.rs')

# The module that owns the wasm instance (src/api/engine-instance.js) goes beside each pkg/ folder,
# and the page side (page/: walking a page into lines, writing patches back) into both packages.
# The content script's module graph becomes one classic script, content/bundle.js, which the
# manifest injects: nothing to import from the extension before a page can be read (BENCHMARKS.md,
# "Session 9", page load). Not minified: readable for store review.
build: tool-rust tool-wasm-bindgen tool-npm $(PKG)/$(CRATE).js
	rm -rf extension/pkg www/pkg extension/page www/page
	cp -r $(PKG) extension/pkg
	cp -r $(PKG) www/pkg
	cp -r page extension/page
	cp -r page www/page
	cp src/api/engine-instance.js extension/engine-instance.js
	cp src/api/engine-instance.js www/engine-instance.js
	$(ESBUILD) extension/content/index.js --bundle --format=iife --log-level=warning --outfile=extension/content/bundle.js

$(PKG)/$(CRATE).js: $(RUST_SOURCES)
	cargo build --release --target $(WASM_TARGET) --lib
	rm -rf $(PKG).tmp && mkdir -p $(PKG).tmp
	$(WASM_BINDGEN) --target web --no-typescript $(WASM_BINDGEN_FLAGS) --out-dir $(PKG).tmp $(TARGET_DIR)/$(WASM_TARGET)/release/$(CRATE).wasm
	$(WASM_OPT) -Oz --strip-debug --strip-producers $(PKG).tmp/$(CRATE)_bg.wasm -o $(PKG).tmp/$(CRATE)_bg.wasm
	rm -rf $(PKG) && mv $(PKG).tmp $(PKG)

# ---- test --------------------------------------------------------------------------------
lint: tool-rust
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings

test-native:
	cargo test

test-wasm-build: tool-rust
	cargo build --target $(WASM_TARGET) --lib

include $(sort $(wildcard mk/*.mk))

test: tools lint test-native test-wasm-build $(TEST_STEPS)
	@echo "make test: all steps passed"

bench:
	cargo bench --bench engine
	node tests/bench/targets.mjs --out-dir $(BENCH_OUT)

demo: build $(DEMO_STEPS)

clean:
	rm -rf target $(PKG) extension/pkg www/pkg extension/engine-instance.js www/engine-instance.js extension/page www/page extension/content/bundle.js dist
