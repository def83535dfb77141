# Message guard and the dropshippers' "My Orders" page: end-to-end tests in headless Chromium
# against the `make build` output (the native tests run in `test-native`).
.PHONY: test-guard-e2e bench-guard bench-guard-wasm
TEST_STEPS += test-guard-e2e

# guard-page: the feature module on the fixtures; guard-ext, buyer-ext: the shipped Chromium build
# (dist/unpacked/chrome) on the real AliExpress addresses, routed to the fixtures.
test-guard-e2e: ext-unpacked tool-browsers
	node --test --test-concurrency=1 $(sort $(wildcard tests/e2e/guard*.test.mjs tests/e2e/buyer*.test.mjs))

# The scanner on a 2,000- and a 20,000-character message (criterion).
bench-guard:
	cargo bench --bench guard

# The same scan in the built wasm inside headless Chromium (median/p95 of 200 runs).
bench-guard-wasm: build
	node benches/guard-wasm.mjs
