import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authCheck } from './auth.ts';

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('gateway auth', () => {
  it('lets everything through when none is configured', () => {
    const check = authCheck(null);
    assert.equal(check(undefined), true);
    assert.equal(check.challenge, null);
  });

  it('names the basic-auth user for the audit trail, and nobody otherwise', () => {
    const check = authCheck({ type: 'basic', username: 'am', password: 'pa:ss' });
    assert.equal(check.user(basic('oncall', 'pa:ss')), 'oncall');
    assert.equal(check.user('Bearer tok'), undefined);
    assert.equal(check.user(basic('', 'x')), undefined);
    assert.equal(authCheck(null).user(basic('ana', 'x')), 'ana');
    assert.match(check.refusal, /^missing or wrong credentials; send basic auth/);
  });

  it('accepts exactly the bearer token', () => {
    const check = authCheck({ type: 'bearer', token: 's3cret-token' });
    assert.equal(check('Bearer s3cret-token'), true);
    assert.equal(check('bearer s3cret-token'), true, 'the scheme is case-insensitive');
    for (const wrong of [
      undefined,
      '',
      'Bearer',
      'Bearer s3cret-toke',
      'Bearer s3cret-token2',
      'Basic s3cret-token',
      basic('x', 'y'),
    ])
      assert.equal(check(wrong), false, String(wrong));
    assert.equal(check.challenge, 'Bearer realm="sre-nanobot"');
  });

  it('accepts exactly the basic credentials, passwords with colons included', () => {
    const check = authCheck({ type: 'basic', username: 'am', password: 'pa:ss' });
    assert.equal(check(basic('am', 'pa:ss')), true);
    for (const wrong of [
      basic('am', 'pa:s'),
      basic('AM', 'pa:ss'),
      basic('am', ''),
      'Basic !!!',
      'Bearer pa:ss',
      undefined,
    ])
      assert.equal(check(wrong), false, String(wrong));
    assert.equal(check.challenge, 'Basic realm="sre-nanobot"');
  });
});
