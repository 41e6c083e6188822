import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml } from './html.ts';
import { renderReport } from './index.ts';
import { hostileIncident, openIncident, resolvedIncident } from './test-fixtures.ts';

const now = new Date('2024-05-01T11:12:30Z');

/** The inner HTML of `<section id="ID">`. */
function section(html: string, id: string): string {
  const match = html.match(new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`));
  assert.ok(match, `no section ${id}`);
  return match[1];
}

test('a standalone page: inline CSS, no scripts, no external assets, the same sections as Markdown', () => {
  const html = renderReport(resolvedIncident(), 'html', { now });
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/,
  );
  assert.match(html, /<style>[\s\S]*@media print[\s\S]*<\/style>/);
  assert.ok(!/<script|<link|<img|src=|href=|url\(|@import/i.test(html), 'nothing loads from anywhere');
  const ids = [...html.matchAll(/<section id="([a-z-]+)">\n<h2>([^<]+)<\/h2>/g)].map(
    (m) => `${m[1]}:${m[2]}`,
  );
  assert.deepEqual(ids, [
    'summary:Summary',
    'impact:Impact',
    'root-cause:Root cause',
    'timeline:Timeline',
    'alerts:Alerts',
    'actions:Actions',
    'verification:Verification',
    'approvals:Approvals',
    'metrics:Metrics',
  ]);
  assert.match(
    html,
    /<h1>inc-20240501-0001: cart pods OOMKilled in shop<\/h1>\n<p><span class="badge good">resolved<\/span><span class="badge bad">P1<\/span><\/p>/,
  );
  const cause = section(html, 'root-cause');
  assert.match(cause, /<p><strong>Root cause: <\/strong>Container cart exceeds its 256Mi memory limit/);
  const whys = cause.match(/<h3>5 Whys<\/h3>\n<ol>(.*)<\/ol>/)?.[1] ?? '';
  assert.equal(whys.match(/<li>/g)?.length, 5);
  assert.match(section(html, 'verification'), /<td>4\.1%<\/td><td><span class="bad">FAIL<\/span><\/td>/);
  assert.match(section(html, 'verification'), /<td>0\.2%<\/td><td><span class="good">PASS<\/span><\/td>/);
  assert.match(section(html, 'metrics'), /<tr><td>Time to acknowledge \(MTTA\)<\/td><td>1m 5s<\/td><\/tr>/);
  assert.match(section(html, 'metrics'), /<tr><td>Time to resolve \(MTTR\)<\/td><td>14m 12s<\/td><\/tr>/);
  assert.match(
    section(html, 'alerts'),
    /<tr><td><code>KubePodOOMKilled<\/code><\/td><td>critical<\/td><td>pod shop\/cart-5d8c9-x2x<\/td>/,
  );
});

test('an open incident: plain sentences where there is nothing yet', () => {
  const html = renderReport(openIncident(), 'html', { now });
  assert.equal(
    section(html, 'root-cause').trim(),
    '<h2>Root cause</h2>\n<p><span class="muted">No diagnosis yet.</span></p>',
  );
  assert.match(section(html, 'actions'), /No actions taken\./);
  assert.match(section(html, 'verification'), /No verification run yet\./);
  assert.match(section(html, 'approvals'), /No approvals requested\./);
  assert.match(section(html, 'timeline'), /No timeline entries\./);
  assert.match(section(html, 'metrics'), /<td><span class="muted">not acknowledged yet<\/span><\/td>/);
});

test('every interpolated string is escaped: a <script> in an annotation stays text', () => {
  const html = renderReport(hostileIncident(), 'html', { now });
  assert.ok(!html.includes('<script'), 'no script element');
  assert.ok(!html.includes('<img'), 'no img element');
  assert.ok(!html.includes('<b>'), 'no markup from a why');
  assert.equal(html.match(/<\/table>/g)?.length, html.match(/<table>/g)?.length, 'tables close as they open');
  assert.ok(
    html.includes(
      '<title>inc-20240501-0001: Checkout &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; down</title>',
    ),
  );
  assert.ok(html.includes('<td><code>Oops&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</code></td>'));
  assert.ok(
    html.includes(
      '<td>&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>',
    ),
  );
  assert.ok(html.includes('&#39;single&#39; &quot;double&quot;'));
  assert.ok(
    html.includes('terminal \ufffd[31mred\ufffd[0m and a bell \ufffd'),
    'control characters replaced',
  );
  assert.ok(html.includes('&lt;b&gt;tag&lt;/b&gt; &amp; &amp;amp; entity'));
  const alertsBody = section(html, 'alerts');
  assert.equal(alertsBody.match(/<tr>/g)?.length, 3, 'header and two alerts: no injected rows');
});

test('escapeHtml covers the five characters that matter in text and attributes', () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  );
});
