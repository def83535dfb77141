# The embeddable widget (www/): browser tests of the module API and the custom elements.
# Native tests of src/core/{reconcile,export}.rs run in test-native with the rest.
.PHONY: test-widget
TEST_STEPS += test-widget

# One file at a time: each launches its own headless Chromium, and the machine has 2 cores.
test-widget: build tool-browsers
	node --test --test-concurrency=1 tests/e2e/widget*.test.mjs

# The widget demo is www/index.html on whatever server `make demo` starts (the extension's demo
# serves the repository root). Prepended so it prints before a demo server blocks the terminal;
# on a tree without that server it serves the repository root itself.
.PHONY: demo-widget
DEMO_STEPS := demo-widget $(DEMO_STEPS)
demo-widget: build
	@echo ""
	@echo "Widget demo (ES module, <deadline-guard-orders>, reconciliation, page scan): <server URL>/www/index.html"
	@if [ ! -f extension/demo/serve-demo.mjs ]; then node www/serve.mjs --port 0 --root . | sed -u 's|/  (Ctrl-C|/www/index.html  (Ctrl-C|'; fi
