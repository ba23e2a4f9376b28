// The store of forms behind Slack buttons: content-addressed, written once, read back after a reopen.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeButton, legacyForm, storedForm } from '../../src/channels/slack/form';
import { formRef, openSlackFormStore, type StoredForm } from '../../src/store/slack-forms';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ibot-forms-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const form = (title: string): StoredForm => ({ inputs: [{ type: 'Input.Text', id: 'comment', label: 'Comment' }], title, heading: 'Move Oakfield Academy from AMBER to RED' });

describe('Slack form store', () => {
  it('names a form by its content: equal forms one reference, any change another', () => {
    const a = form('Approve');
    const reordered = { heading: a.heading, title: a.title, inputs: [{ label: 'Comment', id: 'comment', type: 'Input.Text' }] };
    expect(formRef(reordered)).toBe(formRef(a));
    expect(formRef(form('Reject'))).not.toBe(formRef(a));
    expect(formRef(a)).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('writes each form once, as its own small file, and reads it back after a reopen', async () => {
    const store = openSlackFormStore(dir);
    const approve = storedForm(form('Approve'));
    const reject = storedForm(form('Reject'));
    await Promise.all([store.save([approve, reject]), store.save([approve])]);
    await store.save([approve]);
    expect((await readdir(dir)).sort()).toEqual([`${approve.ref}.json`, `${reject.ref}.json`].sort());
    expect(JSON.parse(await readFile(path.join(dir, `${approve.ref}.json`), 'utf8'))).toEqual(approve.form);

    const reopened = openSlackFormStore(dir);
    expect(await reopened.get(approve.ref)).toEqual(approve.form);
    expect(await reopened.get('AAAAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
    expect(await reopened.get('../../etc/passwd')).toBeUndefined();
  });

  it('still opens a button posted before forms were stored, which carried its inputs compressed', async () => {
    const old = { v: 'approval.decide', d: { approvalId: 'a1', decision: 'approve' }, i: form('Approve').inputs, t: 'Approve', h: 'Move Oakfield' };
    const value = `z:${deflateRawSync(JSON.stringify(old)).toString('base64')}`;
    const p = decodeButton(value)!;
    expect(p.v).toBe('approval.decide');
    expect(legacyForm(p)!.form).toEqual({ inputs: old.i, title: 'Approve', heading: 'Move Oakfield' });
  });
});
