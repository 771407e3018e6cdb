/**
 * What sanitizing raw HTML costs: 1,000 event bodies with the junk real pages carry (a `<style>`
 * block, iframes, comments, tooltips, `<br>` programmes, tables, inline handlers), rendered to HTML
 * and text as a build does. Run: `npx tsx bench/sanitizer.ts` (optionally a count).
 * Bodies without raw HTML (most pages) never reach the sanitizer.
 */
import { parseMarkdown, renderHtml, renderText } from '../lambda/core/read/markdown';
import { sanitizeHtml } from '../lambda/core/read/html-filter';

const count = Number(process.argv[2] ?? 1000);
const BASE = 'https://events.example.org/event/x/';

/** A deterministic junk-laden body, about 3-6 KB, modelled on real event pages. */
function body(i: number): string {
  const parts = [
    `<style>\n.tooltip { position: relative; display: inline-block; }\n.tooltip .tooltiptext { visibility: hidden; width: ${120 + i} px; }\n</style>`,
    `Rencontre n°${i} autour des données. Talk by <span class="tooltip">Jane Doe ${i}<span class="tooltiptext">Jane studies bees and data.</span></span>.`,
    `<!-- <iframe src="https://maps.example/embed?pb=${i}" width="600" height="450"></iframe> -->`,
    'Cronograma:<br>\n<b>19:00:</b> Presentación<br>\n<b>19:10:</b> Charla<br>\n<b>20:00:</b> Cierre',
    `<div class="table-wrap"><table class="relative-table" style="width: 80%"><tr><td>${i}</td><td onclick="x()">cell</td></tr></table></div>`,
    `<iframe src="https://www.youtube.com/embed/${i}" frameborder="0" allowfullscreen></iframe>`,
    `<p align="center"><a href="/rel/${i}" target="_blank">relative</a> <a href="javascript:alert(${i})">bad</a></p>`,
    ...Array.from(
      { length: 3 + (i % 4) },
      (_, k) =>
        `## Partie ${k}\n\nUn paragraphe **important** avec [un lien](https://example.org/${i}/${k}) et du texte ordinaire pour faire la longueur d'une page réelle, sur plusieurs lignes.`,
    ),
  ];
  return parts.join('\n\n');
}

const bodies = Array.from({ length: count }, (_, i) => body(i));
const docs = bodies.map((b) => parseMarkdown(b, BASE));
const rendered = docs.map((d) => renderHtml({ ...d, hasHtml: false })); // markdown-it's output before sanitizing

function time(label: string, run: () => void): void {
  run(); // warm up
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint();
    run();
    runs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${runs[2].toFixed(0)} ms, min ${runs[0].toFixed(0)} ms per ${count} bodies`);
}

const kb = bodies.reduce((n, b) => n + b.length, 0) / count / 1024;
console.log(`${count} bodies, ${kb.toFixed(1)} KB each on average`);
time('sanitizeHtml (js-xss, allow-list + balance)', () => {
  for (const h of rendered) sanitizeHtml(h, BASE);
});
time('parse + renderHtml + renderText (whole)', () =>
  bodies.forEach((b) => {
    const d = parseMarkdown(b, BASE);
    renderHtml(d);
    renderText(d);
  }),
);
