// The widget's stylesheet, scoped to its shadow root: the host page's styles stay untouched and
// cannot leak in, apart from inherited font and colour, which the host may theme through the
// custom properties below.
export const STYLES = `
:host { display: block; font: inherit; color: inherit;
  --dg-overdue: #b00020; --dg-critical: #d9480f; --dg-warning: #b08900; --dg-ok: #2b8a3e;
  --dg-none: #868e96; --dg-unreadable: #7048e8; --dg-border: #dee2e6; --dg-muted: #495057; }
:host([hidden]) { display: none; }
.bar { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0 0 .5rem; }
.filters { display: flex; flex-wrap: wrap; gap: .25rem; }
button { font: inherit; cursor: pointer; border: 1px solid var(--dg-border); background: #fff; color: inherit;
  border-radius: 4px; padding: .2rem .55rem; }
button[aria-pressed="true"] { background: #212529; color: #fff; border-color: #212529; }
button:focus-visible { outline: 2px solid #1c7ed6; outline-offset: 1px; }
.export { margin-left: auto; }
.state { margin: .5rem 0; color: var(--dg-muted); }
.state.error { color: var(--dg-overdue); }
.summary { margin: .25rem 0 .5rem; }
.calibration p { margin: .25rem 0 .5rem; padding: .35rem .5rem; border-left: 4px solid #1c7ed6; background: #e7f5ff; }
.calibration button { margin-left: .5rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--dg-border); vertical-align: top; }
th button { border: 0; background: none; padding: 0; font-weight: 600; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
tr[data-risk] td:first-child { border-left: 4px solid var(--dg-none); }
tr[data-risk="overdue"] td:first-child { border-left-color: var(--dg-overdue); }
tr[data-risk="critical"] td:first-child { border-left-color: var(--dg-critical); }
tr[data-risk="warning"] td:first-child { border-left-color: var(--dg-warning); }
tr[data-risk="ok"] td:first-child { border-left-color: var(--dg-ok); }
tr[data-risk="unreadable"] td:first-child { border-left-color: var(--dg-unreadable); }
.risk { font-weight: 600; white-space: nowrap; }
.risk-overdue { color: var(--dg-overdue); } .risk-critical { color: var(--dg-critical); }
.risk-warning { color: var(--dg-warning); } .risk-ok { color: var(--dg-ok); }
.risk-none { color: var(--dg-none); } .risk-unreadable { color: var(--dg-unreadable); }
.id { font-variant-numeric: tabular-nums; white-space: nowrap; }
.hints { margin: 0; padding-left: 1rem; }
.errors { margin-top: .75rem; color: var(--dg-muted); }
.errors li { margin: .15rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
