import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bounded, moreNote } from './bound.ts';
import { table } from './table.ts';

test('short text passes unchanged; long text is cut at a line and says how to narrow', () => {
  assert.equal(bounded('a\nb', 'hint'), 'a\nb');
  const long = Array.from({ length: 1000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
  const out = bounded(long, 'Use tailLines or grep.', 5000);
  assert.ok(out.length < 5200);
  assert.match(
    out,
    /\n… \[truncated: showing \d+ of 1000 lines \(\d+ of \d+ characters\)\. Use tailLines or grep\.\]$/,
  );
  assert.ok(
    out
      .split('\n')
      .slice(0, -1)
      .every((l) => /^line \d+ x+$/.test(l)),
    'no line is cut in half',
  );
});

test('a list cut by limit says so', () => {
  assert.equal(moreNote(10, false), '');
  assert.match(moreNote(10, true, 190), /10 shown, 190 more exist: raise limit/);
});

test('tables align like kubectl and show <none> for empty cells', () => {
  assert.equal(
    table(
      ['name', 'ready'],
      [
        ['api-1', '1/1'],
        ['web', undefined],
      ],
    ),
    'NAME    READY\napi-1   1/1\nweb     <none>',
  );
});
