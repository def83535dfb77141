// The content script itself: a classic script cannot `import`, so it loads the real one as a module
// from the extension. Nothing may ever throw into the page.
(async () => {
  try {
    const { start } = await import(chrome.runtime.getURL('content/main.js'));
    await start();
  } catch (error) {
    console.warn('[Deadline Guard] not started:', error);
  }
})();
