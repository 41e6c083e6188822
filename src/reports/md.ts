import { buildDocument } from './compose.ts';
import type { Block, Inline, ReportDocument, Text } from './document.ts';
import { printable } from './document.ts';
import type { ReportRenderer } from './renderer.ts';

/** Markdown-escapes untrusted text so that it reads as written: no emphasis, links, HTML or code it did not ask for. */
export function escapeMarkdown(text: string): string {
  return printable(text)
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_');
}

/** Text at the start of a paragraph or list item must not open a heading, list or quote of its own. */
const blockSafe = (markdown: string) =>
  markdown.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');

/** A code span that holds any text: a fence longer than any backtick run inside; pipes escaped in tables. */
function codeSpan(text: string, inTable: boolean): string {
  const flat = printable(text).replace(/\s*\r?\n\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

function inline(piece: Inline, inTable: boolean): string {
  if (typeof piece === 'string') return escapeMarkdown(piece);
  if (!piece.text) return '';
  if (piece.code) return codeSpan(piece.text, inTable);
  const text = escapeMarkdown(piece.text);
  if (piece.strong) return `**${text.trim()}**${text.endsWith(' ') ? ' ' : ''}`;
  return piece.tone === 'muted' ? `*${text}*` : text;
}

const line = (text: Text, inTable = false) => text.map((p) => inline(p, inTable)).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return blockSafe(line(b.text));
    case 'facts':
      return b.rows.map(([label, value]) => `- **${escapeMarkdown(label)}:** ${line(value)}`).join('\n');
    case 'list':
      return b.items.map((item, n) => `${b.ordered ? `${n + 1}.` : '-'} ${blockSafe(line(item))}`).join('\n');
    case 'subheading':
      return `### ${escapeMarkdown(b.text)}`;
    case 'table': {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      return [
        row(b.head.map(escapeMarkdown)),
        row(b.head.map(() => '---')),
        ...b.rows.map((cells) => row(cells.map((c) => line(c, true)))),
      ].join('\n');
    }
  }
}

export function toMarkdown(doc: ReportDocument): string {
  const out = [
    `# ${escapeMarkdown(doc.title)} — ${doc.badges.map((b) => escapeMarkdown(b.text)).join(' · ')}`,
  ];
  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.title)}`);
    for (const b of section.blocks) out.push(block(b));
  }
  out.push('---', `*${escapeMarkdown(doc.footer)}*`);
  return `${out.join('\n\n')}\n`;
}

export const markdownRenderer = {
  format: 'md' as const,
  contentType: 'text/markdown; charset=utf-8',
  extension: 'md',
  render: (view, summary, now) => toMarkdown(buildDocument(view, summary, now)),
} satisfies ReportRenderer;
