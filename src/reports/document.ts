/**
 * A report as structure, before any syntax: every renderer writes the same sections, and every string
 * in here is data (alert labels and annotations come from outside) that a renderer escapes, never markup.
 */
export type Tone = 'good' | 'bad' | 'warn' | 'muted';
export type Inline = string | { text: string; code?: boolean; strong?: boolean; tone?: Tone };
/** A run of inline pieces: one paragraph, list item or table cell. */
export type Text = Inline[];

export type Block =
  | { kind: 'paragraph'; text: Text }
  | { kind: 'facts'; rows: [label: string, value: Text][] }
  | { kind: 'list'; ordered: boolean; items: Text[] }
  | { kind: 'table'; head: string[]; rows: Text[][] }
  | { kind: 'subheading'; text: string };

export interface Section {
  /** Stable anchor, e.g. `root-cause`. */
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  badges: { text: string; tone: Tone }[];
  sections: Section[];
  footer: string;
}

export const code = (text: string): Inline => ({ text, code: true });
export const strong = (text: string): Inline => ({ text, strong: true });
export const toned = (text: string, tone: Tone): Inline => ({ text, tone });
/** What a report says where there is nothing yet: a plain sentence, never an empty heading. */
export const absent = (sentence: string): Block => ({ kind: 'paragraph', text: [toned(sentence, 'muted')] });

/**
 * Control characters (ESC starts terminal escape sequences; most are invalid in HTML) have no place in
 * a report: each becomes U+FFFD. Newlines and tabs stay; each renderer decides what they mean.
 */
export const printable = (text: string) => text.replace(/[^\P{Cc}\n\r\t]/gu, '\ufffd');
