# The embeddable widget (www/): browser tests of the module API and the custom elements.
# Native tests of src/core/{reconcile,export}.rs run in test-native with the rest.
.PHONY: test-widget
TEST_STEPS += test-widget

# One file at a time: each launches its own headless Chromium, and the machine has 2 cores.
test-widget: build tool-browsers
	node --test --test-concurrency=1 tests/e2e/widget*.test.mjs
