/**
 * The site's only assets, served from the site itself (so pages work under a strict
 * Content-Security-Policy `default-src 'self'`): one stylesheet and one small script. The pages are
 * complete without the script; it adds the copy button's action and the visitor's local time.
 */

/** `assets/calpub.css` */
export const STYLESHEET = `:root {
  --fg: #1b1f24; --muted: #57606a; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de;
  --accent: #0b5cad; --accent-fg: #ffffff; --warn: #9a3412; --focus: #b35900;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5; color: var(--fg); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 1; }
header.site, footer.site { background: var(--panel); border-bottom: 1px solid var(--line); }
footer.site { border-top: 1px solid var(--line); border-bottom: 0; margin-top: 3rem; color: var(--muted); font-size: .9rem; }
.wrap { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem; }
header.site .title { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--fg); }
header.site p { margin: .25rem 0 0; color: var(--muted); }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1.5rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; }
.subscribe { background: var(--panel); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 1rem 0; }
.subscribe h2 { margin-top: 0; font-size: 1.1rem; }
.buttons { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; padding: 0; list-style: none; }
.button, button { display: inline-block; padding: .5rem .9rem; border-radius: .375rem; border: 1px solid var(--accent);
  background: var(--accent); color: var(--accent-fg); text-decoration: none; font: inherit; cursor: pointer; }
.button.secondary { background: var(--bg); color: var(--accent); }
.copy { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; margin-top: .75rem; }
.copy input { flex: 1 1 16rem; min-width: 0; padding: .45rem; border: 1px solid var(--line); border-radius: .375rem; font: inherit; }
.feeds { font-size: .95rem; color: var(--muted); }
ol.events { list-style: none; padding: 0; margin: 0; }
ol.events li { border-top: 1px solid var(--line); padding: .75rem 0; }
ol.events .when { color: var(--muted); font-size: .95rem; display: block; }
ol.events .what { font-weight: 600; font-size: 1.1rem; }
.badge { display: inline-block; font-size: .8rem; padding: .05rem .45rem; border-radius: 1rem; border: 1px solid var(--warn); color: var(--warn); margin-left: .35rem; }
.facts { margin: 0; }
.facts dt { font-weight: 600; margin-top: .5rem; }
.facts dd { margin: 0; }
.local { color: var(--muted); }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.tags a { display: inline-block; border: 1px solid var(--line); border-radius: 1rem; padding: .1rem .6rem; text-decoration: none; }
aside.callout { border-left: 4px solid var(--accent); background: var(--panel); padding: .25rem 1rem; margin: 1rem 0; }
.agenda li { margin: .25rem 0; }
.content img { max-width: 100%; height: auto; }
.cancelled { color: var(--warn); font-weight: 600; }
@media (max-width: 40rem) { h1 { font-size: 1.5rem; } .wrap { padding: .75rem 1rem; } }
@media print {
  header.site, footer.site, .subscribe, .add, .copy, .skip { display: none; }
  a { color: inherit; text-decoration: none; }
  body { font-size: 11pt; }
}
`;

/** `assets/calpub.js` */
export const SCRIPT = `(function () {
  'use strict';
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var input = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-status'));
    button.hidden = false;
    button.addEventListener('click', function () {
      var done = function () { if (status) status.textContent = button.getAttribute('data-done') || 'Copied'; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
      } else { input.select(); document.execCommand('copy'); done(); }
    });
  });
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  document.querySelectorAll('time[data-zone]').forEach(function (time) {
    if (!zone || time.getAttribute('data-zone') === zone) return;
    var start = new Date(time.getAttribute('datetime'));
    var end = time.getAttribute('data-end') ? new Date(time.getAttribute('data-end')) : null;
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    var text = end && format.formatRange ? format.formatRange(start, end) : format.format(start);
    var local = document.createElement('span');
    local.className = 'local';
    local.textContent = ' (' + text + ', ' + (time.getAttribute('data-your-time') || 'your time') + ': ' + zone + ')';
    time.after(local);
  });
})();
`;

/** `assets/favicon.svg`: a calendar page. */
export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="3" y="6" width="26" height="23" rx="3" fill="#0b5cad"/><rect x="6" y="12" width="20" height="14" rx="1" fill="#fff"/><rect x="9" y="3" width="3" height="6" rx="1" fill="#1b1f24"/><rect x="20" y="3" width="3" height="6" rx="1" fill="#1b1f24"/></svg>
`;
