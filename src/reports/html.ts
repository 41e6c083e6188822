import { buildDocument } from './compose.ts';
import type { Block, Inline, ReportDocument, Text } from './document.ts';
import { printable } from './document.ts';
import type { ReportRenderer } from './renderer.ts';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every string that reaches the page goes through here: alert labels and annotations are untrusted. */
export const escapeHtml = (text: string) => printable(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

// Inline styles only: the file is mailed, attached and printed, and must not fetch anything.
const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg-alt: #f6f8fa;
  --good: #1a7f37; --bad: #cf222e; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, "Noto Sans", "PingFang SC",
  "Microsoft YaHei", sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 24px; margin: 0 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 16px 0 6px; }
p { margin: 6px 0; }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg-alt);
  padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 2px 10px; margin-right: 6px; border-radius: 12px; font-weight: 600;
  font-size: 12px; text-transform: uppercase; border: 1px solid currentColor; }
.good { color: var(--good); } .bad { color: var(--bad); } .warn { color: var(--warn); }
.muted { color: var(--muted); font-style: italic; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dt { font-weight: 600; color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; white-space: pre-line; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; white-space: pre-line;
  overflow-wrap: anywhere; }
th { background: var(--bg-alt); font-weight: 600; }
ol, ul { margin: 6px 0; padding-left: 24px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  body { font-size: 10.5pt; } main { max-width: none; padding: 0; }
  h2 { break-after: avoid; } tr, dl, li { break-inside: avoid; } thead { display: table-header-group; }
  .badge, .good, .bad, .warn { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}`;

function inline(piece: Inline): string {
  if (typeof piece === 'string') return escapeHtml(piece);
  let html = escapeHtml(piece.text);
  if (piece.code) html = `<code>${html}</code>`;
  if (piece.strong) html = `<strong>${html}</strong>`;
  return piece.tone ? `<span class="${piece.tone}">${html}</span>` : html;
}

const line = (text: Text) => text.map(inline).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${line(b.text)}</p>`;
    case 'facts':
      return `<dl>${b.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${line(value)}</dd>`).join('')}</dl>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${line(item)}</li>`).join('')}</${tag}>`;
    }
    case 'subheading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'table': {
      const head = b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
      const rows = b.rows.map((cells) => `<tr>${cells.map((c) => `<td>${line(c)}</td>`).join('')}</tr>`);
      return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
    }
  }
}

export function toHtml(doc: ReportDocument): string {
  const badges = doc.badges.map((b) => `<span class="badge ${b.tone}">${escapeHtml(b.text)}</span>`).join('');
  const sections = doc.sections.map(
    (s) =>
      `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}
</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(doc.title)}</h1>
<p>${badges}</p>
</header>
${sections.join('\n')}
<footer>${escapeHtml(doc.footer)}</footer>
</main>
</body>
</html>
`;
}

export const htmlRenderer = {
  format: 'html' as const,
  contentType: 'text/html; charset=utf-8',
  extension: 'html',
  render: (view, summary, now) => toHtml(buildDocument(view, summary, now)),
} satisfies ReportRenderer;
