# Hardening (issues 7 and 19): the size gate, the hostile-page / fault suites, the limits and trap
# recovery at the JS boundary and its fuzz, and the privacy check.
.PHONY: test-size test-size-gate test-permissions test-hardening-widget test-hardening-ext test-privacy
TEST_STEPS += test-size test-size-gate test-permissions test-hardening-widget test-hardening-ext test-privacy

# The size gate: fails when a build's wasm + glue exceed the "Size ceiling" line of BENCHMARKS.md
# (230 KB gzip at most; the old 150 KB budget is withdrawn, issue 18). `test-size-gate` proves the
# gate itself works.
test-size: build
	node tests/bench/size.mjs --check

test-size-gate:
	node --test tests/bench/size.test.mjs

# The manifest's permissions and hosts are exactly those justified in README.md ("Permissions").
test-permissions:
	node --test tests/e2e/hardening-permissions.test.mjs

# Besides the hostile pages: the limits at the JS boundary, recovery from a trap (with the trap
# build below) and the fuzz of the JS boundary (a fixed number of generated values; FUZZ_SEED
# replays a run, FUZZ_VALUES changes its size).
test-hardening-widget: build trap-pkg tool-browsers
	node --test --test-concurrency=1 tests/e2e/hardening-widget.test.mjs tests/e2e/hardening-widget-csv.test.mjs \
	  tests/e2e/hardening-widget-limits.test.mjs tests/e2e/hardening-widget-trap.test.mjs tests/e2e/hardening-widget-fuzz.test.mjs

# The test-only build: the same crate with the `test-trap` feature, whose `testTrap` export breaks
# the instance on purpose. Its own target folder and its own pkg folder, so nothing of it can end
# up in pkg/, extension/ or www/ (hardening-widget-trap checks the shipped glue lacks the export).
TRAP_TARGET := $(TARGET_DIR)/trap
TRAP_PKG := $(TARGET_DIR)/trap-pkg
.PHONY: trap-pkg
trap-pkg: tool-rust tool-wasm-bindgen $(TRAP_PKG)/$(CRATE).js
$(TRAP_PKG)/$(CRATE).js: $(RUST_SOURCES)
	cargo build --release --target $(WASM_TARGET) --lib --features test-trap --target-dir $(TRAP_TARGET)
	rm -rf $(TRAP_PKG).tmp && mkdir -p $(TRAP_PKG).tmp
	$(WASM_BINDGEN) --target web --no-typescript --out-dir $(TRAP_PKG).tmp $(TRAP_TARGET)/$(WASM_TARGET)/release/$(CRATE).wasm
	rm -rf $(TRAP_PKG) && mv $(TRAP_PKG).tmp $(TRAP_PKG)

# Hostile pages and faults against the extension's TEST build (its harness, tests/e2e/harness.mjs),
# 10,000 orders annotated without a task over 50 ms (hardening-ext-large), and recovery from a trap
# in the content script's and the worker's instance (hardening-ext-trap, with the trap build).
test-hardening-ext: ext-unpacked trap-pkg tool-browsers
	TZ=America/Los_Angeles node --test --test-concurrency=1 tests/e2e/hardening-ext-pages.test.mjs tests/e2e/hardening-ext-faults.test.mjs \
	  tests/e2e/hardening-ext-state.test.mjs tests/e2e/hardening-ext-frame.test.mjs tests/e2e/hardening-ext-large.test.mjs \
	  tests/e2e/hardening-ext-trap.test.mjs

# Privacy across the whole e2e suite: every node process of `make test` preloads the hook, which
# logs each browser request of a test file to DG_REQUEST_LOG; test-privacy runs after every other
# step (secondary expansion sees the complete TEST_STEPS) and fails on any request that left the machine.
export DG_REQUEST_LOG := $(abspath test-results/e2e-requests.jsonl)
export NODE_OPTIONS := $(strip $(NODE_OPTIONS) --import=$(abspath tests/e2e/hardening-privacy-hook.mjs))
ifneq ($(filter test test-privacy,$(MAKECMDGOALS)),)
$(shell mkdir -p $(dir $(DG_REQUEST_LOG)) && rm -f $(DG_REQUEST_LOG))
endif
.SECONDEXPANSION:
test-privacy: $$(filter-out test-privacy,$$(TEST_STEPS))
	node --test tests/e2e/hardening-privacy.test.mjs
	node tests/e2e/hardening-privacy-check.mjs $(DG_REQUEST_LOG)
