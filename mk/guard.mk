# Message guard and the dropshippers' "My Orders" page: end-to-end tests in headless Chromium
# against the `make build` output (the native tests run in `test-native`).
.PHONY: test-guard-e2e bench-guard bench-guard-wasm
TEST_STEPS += test-guard-e2e

# The -ext tests need the extension's content script to start the guard and the buyer badges.
GUARD_E2E := tests/e2e/guard-page.test.mjs

test-guard-e2e: build tool-browsers
	node --test --test-concurrency=1 $(GUARD_E2E)

# The scanner on a 2,000- and a 20,000-character message (criterion).
bench-guard:
	cargo bench --bench guard

# The same scan in the built wasm inside headless Chromium (median/p95 of 200 runs).
bench-guard-wasm: build
	node benches/guard-wasm.mjs
