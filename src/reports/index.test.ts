import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isReportFormat, REPORT_FORMATS, REPORT_RENDERERS, renderReport, reportRenderer } from './index.ts';
import { openIncident, resolvedIncident } from './test-fixtures.ts';

test('one renderer per format, each with a content type and file extension', () => {
  assert.deepEqual(REPORT_FORMATS, ['md', 'html', 'json']);
  assert.equal(new Set(REPORT_RENDERERS.map((r) => r.format)).size, REPORT_RENDERERS.length);
  assert.match(reportRenderer('html').contentType, /^text\/html/);
  assert.match(reportRenderer('md').contentType, /^text\/markdown/);
  assert.match(reportRenderer('json').contentType, /^application\/json/);
  assert.deepEqual(
    REPORT_FORMATS.map((f) => reportRenderer(f).extension),
    ['md', 'html', 'json'],
  );
  assert.ok(isReportFormat('html'));
  assert.ok(!isReportFormat('pdf'));
});

test('renderReport is pure given a clock, and every format ends with a newline', () => {
  const now = new Date('2024-05-01T11:12:30Z');
  for (const format of REPORT_FORMATS) {
    for (const view of [resolvedIncident(), openIncident()]) {
      const a = renderReport(view, format, { now });
      assert.equal(a, renderReport(view, format, { now }), `${format} is deterministic`);
      assert.ok(a.endsWith('\n'));
    }
  }
  const later = renderReport(openIncident(), 'md', { now: new Date('2024-05-01T12:00:00Z') });
  assert.match(later, /open for 1h so far/, 'open spans run to now');
});
