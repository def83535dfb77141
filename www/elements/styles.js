// The widget's stylesheet, scoped to its shadow root: the host page's styles stay untouched and
// cannot leak in, apart from inherited font, colour and colour scheme, which the host may theme
// through the custom properties below. Colours are light-dark() pairs, each at 4.5:1 at least on
// white and on #121212–#2d2e30: a page that declares `color-scheme: light dark` gets the dark ones
// when the system prefers dark, a page that stays light keeps the light ones. Each risk also has
// its own edge and icon, so colour is never the only sign.
export const STYLES = `
:host { display: block; font: inherit; color: inherit;
  --dg-overdue: light-dark(#8c1d18, #ff8a80); --dg-critical: light-dark(#c5221f, #fcad70);
  --dg-warning: light-dark(#a35200, #fdd663); --dg-ok: light-dark(#137333, #81c995);
  --dg-none: light-dark(#5f6368, #bdc1c6); --dg-unreadable: light-dark(#6d4c9f, #d7aefb);
  --dg-border: light-dark(#ced4da, #5f6368); --dg-muted: light-dark(#495057, #bdc1c6);
  --dg-surface: light-dark(#fff, #202124); --dg-pressed: light-dark(#212529, #e8eaed);
  --dg-on-pressed: light-dark(#fff, #202124); --dg-focus: light-dark(#1a63c8, #8ab4f8); }
:host([hidden]) { display: none; }
.bar { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0 0 .5rem; }
.filters { display: flex; flex-wrap: wrap; gap: .25rem; }
button { font: inherit; cursor: pointer; border: 1px solid var(--dg-border); background: var(--dg-surface); color: inherit;
  border-radius: 4px; padding: .2rem .55rem; }
button[aria-pressed="true"] { background: var(--dg-pressed); color: var(--dg-on-pressed); border-color: var(--dg-pressed); }
button:focus-visible { outline: 2px solid var(--dg-focus); outline-offset: 1px; }
.export { margin-left: auto; }
.state { margin: .5rem 0; color: var(--dg-muted); }
.state.error { color: var(--dg-overdue); }
.summary { margin: .25rem 0 .5rem; }
.calibration p { margin: .25rem 0 .5rem; padding: .35rem .5rem; border-left: 4px solid var(--dg-focus); background: light-dark(#e7f5ff, #1f2a37); }
.calibration button { margin-left: .5rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--dg-border); vertical-align: top; }
th button { border: 0; background: none; padding: 0; font-weight: 600; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
tr[data-risk] td:first-child { border-left: 2px solid var(--dg-none); }
tr[data-risk="overdue"] td:first-child { border-left: 7px double var(--dg-overdue); }
tr[data-risk="critical"] td:first-child { border-left: 7px solid var(--dg-critical); }
tr[data-risk="warning"] td:first-child { border-left: 5px dashed var(--dg-warning); }
tr[data-risk="ok"] td:first-child { border-left: 3px solid var(--dg-ok); }
tr[data-risk="unreadable"] td:first-child { border-left: 5px dotted var(--dg-unreadable); }
.risk-overdue.countdown::before, .risk.risk-overdue::before { content: "✖\\00a0" / ""; }
.risk-critical.countdown::before, .risk.risk-critical::before { content: "▲\\00a0" / ""; }
.risk-warning.countdown::before, .risk.risk-warning::before { content: "◆\\00a0" / ""; }
.risk-ok.countdown::before, .risk.risk-ok::before { content: "●\\00a0" / ""; }
.risk-none.countdown::before, .risk.risk-none::before { content: "○\\00a0" / ""; }
.risk-unreadable.countdown::before, .risk.risk-unreadable::before { content: "?\\00a0" / ""; }
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
