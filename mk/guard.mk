# Message guard and the dropshippers' "My Orders" page: end-to-end tests in headless Chromium
# against the `make build` output (the native tests run in `test-native`).
.PHONY: test-guard-e2e bench-guard
TEST_STEPS += test-guard-e2e

test-guard-e2e: build tool-browsers
	node --test --test-concurrency=1 $(sort $(wildcard tests/e2e/guard*.test.mjs tests/e2e/buyer*.test.mjs))

# The scanner on a 2,000- and a 20,000-character message (criterion).
bench-guard:
	cargo bench --bench guard
