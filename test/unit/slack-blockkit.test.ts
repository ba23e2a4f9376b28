import { describe, expect, it } from 'vitest';
import { renderCard, type AdaptiveCard } from '../../src/cards/render';
import { cardToBlocks, type Block } from '../../src/channels/slack/blockkit';
import { decodeButton, formModal, inputValues } from '../../src/channels/slack/form';
import { combine } from '../../src/channels/slack/replies';
import { CARD_SAMPLES } from '../fixtures/cards';

/** Every Block Kit limit we know of, checked on a message, Home tab or modal. */
function slackProblems(blocks: Block[], max: number): string[] {
  const p: string[] = [];
  if (blocks.length > max) p.push(`${blocks.length} blocks (max ${max})`);
  const over = (what: string, s: unknown, n: number) => {
    if (typeof s === 'string' && s.length > n) p.push(`${what} is ${s.length} chars (max ${n})`);
  };
  const ids = new Set<string>();
  for (const b of blocks) {
    const text = b.text as { text?: string } | undefined;
    if (b.type === 'section') {
      if (!text?.text && !(b.fields as unknown[])?.length) p.push('empty section');
      over('section text', text?.text, 3000);
      const fields = (b.fields as { text: string }[]) ?? [];
      if (fields.length > 10) p.push(`${fields.length} fields`);
      fields.forEach((f) => over('field', f.text, 2000));
    }
    if (b.type === 'header') over('header', text?.text, 150);
    if (b.type === 'context') {
      const els = b.elements as { text?: string }[];
      if (els.length > 10) p.push('context elements');
      els.forEach((e) => over('context', e.text, 3000));
    }
    if (b.type === 'actions') {
      const els = b.elements as Record<string, unknown>[];
      if (els.length > 25) p.push('actions elements');
      for (const e of els) {
        over('button text', (e.text as { text: string }).text, 75);
        over('button value', e.value, 2000);
        over('action_id', e.action_id, 255);
        if (ids.has(e.action_id as string)) p.push(`duplicate action_id ${e.action_id}`);
        ids.add(e.action_id as string);
      }
    }
    if (b.type === 'input') {
      over('block_id', b.block_id, 255);
      over('label', (b.label as { text: string }).text, 2000);
    }
  }
  return p;
}

const card = (body: unknown[], actions: unknown[] = []): AdaptiveCard => ({ type: 'AdaptiveCard', version: '1.5', body, actions });

describe('Adaptive Card to Block Kit', () => {
  it.each(CARD_SAMPLES.map((s) => [`${s.card}: ${s.label}`, s] as const))('%s fits a Slack message and the Home tab', (_n, sample) => {
    const rendered = renderCard(sample);
    for (const [surface, max] of [['message', 50], ['home', 100]] as const) {
      const { blocks, text } = cardToBlocks(rendered, surface);
      expect(slackProblems(blocks, max)).toEqual([]);
      expect(text.length).toBeGreaterThan(0);
      // Every button of the card either made it or is accounted for in a note.
      for (const b of blocks.filter((x) => x.type === 'actions')) {
        for (const e of b.elements as { value?: string; url?: string }[]) expect(e.url ?? decodeButton(e.value)).toBeTruthy();
      }
    }
  });

  it('keeps what a person reads: titles, facts and the decision buttons of an approval', () => {
    const sample = CARD_SAMPLES.find((s) => s.card === 'approval' && s.data.pending)!;
    const { blocks } = cardToBlocks(renderCard(sample));
    const json = JSON.stringify(blocks);
    expect(json).toContain('Move Oakfield Academy from AMBER to RED');
    expect(json).toContain('*School*\\nOakfield Academy');
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as { text: { text: string }; value: string; style?: string }[]);
    expect(buttons.map((b) => [b.text.text, b.style])).toEqual([['Approve', 'primary'], ['Reject', 'danger']]);
    const approve = decodeButton(buttons[0]!.value)!;
    expect(approve.v).toBe('approval.decide');
    expect(approve.d).toEqual({ approvalId: 'a1', decision: 'approve' });
    // The card has a comment box, so the button opens a form with it first.
    expect(approve.i?.map((i) => i.id)).toEqual(['comment']);
    expect(json).toContain('A button opens a form for: Comment (needed to reject)');
  });

  it("turns an ISAP action card's unfolding forms (Action.ShowCard) into buttons that open them", () => {
    const sample = CARD_SAMPLES.find((s) => s.card === 'isap-action' && s.label === 'open overdue action with every button')!;
    const rendered = renderCard(sample);
    const showCards = ((rendered.actions ?? []) as { type: string; title: string }[]).filter((a) => a.type === 'Action.ShowCard');
    expect(showCards.length).toBeGreaterThan(0);
    const buttons = cardToBlocks(rendered).blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as { text: { text: string }; value: string }[]);
    // Every unfolding form is reachable from Slack, under the title the person saw in Teams.
    for (const sc of showCards) expect(buttons.some((b) => b.text.text.startsWith(sc.title))).toBe(true);
    const complete = buttons.map((b) => decodeButton(b.value)!).find((p) => p.v === 'isap.complete');
    expect(complete?.i?.map((i) => i.id)).toContain('evidence');
  });

  it('packs a 150-school list into few blocks and keeps every school', () => {
    const sample = CARD_SAMPLES.find((s) => s.label.includes('150'))!;
    const { blocks } = cardToBlocks(renderCard(sample));
    expect(blocks.length).toBeLessThanOrEqual(50);
    const json = JSON.stringify(blocks);
    for (const n of [2, 75, 150]) expect(json).toContain(`School ${n}*`);
  });

  it('cuts what cannot fit with a note, and splits long text and many facts', () => {
    const long = 'word '.repeat(1500);
    const facts = Array.from({ length: 23 }, (_, i) => ({ title: `F${i}`, value: 'v' }));
    const many = Array.from({ length: 70 }, (_, i) => ({ type: 'Image', url: `https://example.org/${i}.png` }));
    const split = cardToBlocks(card([{ type: 'TextBlock', text: long }, { type: 'FactSet', facts }])).blocks;
    expect(slackProblems(split, 50)).toEqual([]);
    expect(split.filter((b) => b.type === 'section' && b.text)).toHaveLength(3);
    expect(split.filter((b) => b.fields).map((b) => (b.fields as unknown[]).length)).toEqual([10, 10, 3]);
    const { blocks } = cardToBlocks(card([{ type: 'TextBlock', text: long }, { type: 'FactSet', facts }, ...many]));
    expect(slackProblems(blocks, 50)).toEqual([]);
    expect(JSON.stringify(blocks.at(-1))).toMatch(/…and \d+ more sections not shown: Slack shows 50 blocks at most/);
  });

  it('translates columns, containers, images, markdown links and open-URL buttons', () => {
    const { blocks } = cardToBlocks(
      card(
        [
          { type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'Left', weight: 'Bolder' }] }, { type: 'Column', items: [{ type: 'TextBlock', text: 'Right' }] }] },
          { type: 'Container', separator: true, items: [{ type: 'TextBlock', text: 'See [the plan](https://example.org/plan) & <notes>' }] },
          { type: 'Image', url: 'https://example.org/logo.png', altText: 'Trust logo' },
          { type: 'Image', url: 'data:image/png;base64,AAAA' },
        ],
        [{ type: 'Action.OpenUrl', title: 'Open the plan', url: 'https://example.org/plan' }, { type: 'Action.ShowCard', title: 'More' }],
      ),
    );
    expect(blocks.map((b) => b.type)).toEqual(['section', 'divider', 'section', 'image', 'actions']);
    expect(blocks[0]!.fields).toEqual([{ type: 'mrkdwn', text: '*Left*' }, { type: 'mrkdwn', text: 'Right' }]);
    expect((blocks[2]!.text as { text: string }).text).toBe('See <https://example.org/plan|the plan> &amp; &lt;notes&gt;');
    expect(blocks[3]).toMatchObject({ image_url: 'https://example.org/logo.png', alt_text: 'Trust logo' });
    expect(blocks[4]!.elements).toEqual([expect.objectContaining({ url: 'https://example.org/plan' })]);
  });

  it('turns every input kind into a modal and the submission back into card values', () => {
    const inputs = [
      { type: 'Input.Text', id: 'note', label: 'Note', isMultiline: true, maxLength: 5000 },
      { type: 'Input.ChoiceSet', id: 'school', label: 'School', choices: Array.from({ length: 150 }, (_, i) => ({ title: `School ${i}`, value: `s${i}` })) },
      { type: 'Input.ChoiceSet', id: 'rsvp', label: 'Coming?', style: 'expanded', choices: [{ title: 'Yes', value: 'accepted' }, { title: 'No', value: 'declined' }] },
      { type: 'Input.ChoiceSet', id: 'days', label: 'Days', isMultiSelect: true, choices: [{ title: 'Mon', value: 'mon' }, { title: 'Tue', value: 'tue' }] },
      { type: 'Input.Toggle', id: 'notify', title: 'Tell the headteacher', valueOn: 'yes', valueOff: 'no' },
      { type: 'Input.Date', id: 'due', label: 'New due date', isRequired: true },
    ];
    const { blocks } = cardToBlocks(card([{ type: 'TextBlock', text: 'Update an action', weight: 'Bolder' }, ...inputs], [{ type: 'Action.Execute', title: 'Save the update', verb: 'isap.update', data: { actionId: 'x1' } }, { type: 'Action.Execute', title: 'Skip', verb: 'isap.skip', associatedInputs: 'none' }]));
    const [save, skip] = (blocks.find((b) => b.type === 'actions')!.elements as { value: string }[]).map((e) => decodeButton(e.value)!);
    expect(skip).toEqual({ v: 'isap.skip', d: {} }); // associatedInputs none: acts at once, no form
    const payload = save!;
    const modal = formModal(payload, { v: payload.v, d: payload.d, channel: 'D1', ts: '1.2' }) as { blocks: Block[]; title: { text: string }; submit: { text: string }; private_metadata: string };
    expect(slackProblems(modal.blocks, 100)).toEqual([]);
    expect(modal.title.text).toBe('Save the update');
    expect(modal.blocks.map((b) => (b.element as { type?: string } | undefined)?.type)).toEqual([undefined, 'plain_text_input', 'static_select', 'radio_buttons', 'multi_static_select', 'checkboxes', 'datepicker']);
    const select = modal.blocks[2]!;
    expect((select.element as { options: unknown[] }).options).toHaveLength(100);
    expect(JSON.stringify(select.hint)).toContain('first 100 of 150');
    expect(modal.blocks[6]!.optional).toBe(false);
    const meta = JSON.parse(modal.private_metadata);
    expect(meta).toMatchObject({ v: 'isap.update', d: { actionId: 'x1' }, channel: 'D1', ts: '1.2', off: { notify: 'no' } });

    const values = inputValues(
      {
        note: { note: { type: 'plain_text_input', value: 'Done in assembly' } },
        school: { school: { type: 'static_select', selected_option: { value: 's7' } } },
        rsvp: { rsvp: { type: 'radio_buttons', selected_option: null } },
        days: { days: { type: 'multi_static_select', selected_options: [{ value: 'mon' }, { value: 'tue' }] } },
        notify: { notify: { type: 'checkboxes', selected_options: [] } },
        due: { due: { type: 'datepicker', selected_date: '2026-12-01' } },
      },
      meta.off,
    );
    expect(values).toEqual({ note: 'Done in assembly', school: 's7', days: 'mon,tue', notify: 'no', due: '2026-12-01' });
  });

  it('compresses a large button payload and leaves out one that still cannot fit, saying so', () => {
    const choices = Array.from({ length: 120 }, (_, i) => ({ title: `Beacon Primary class ${i}`, value: `beacon-class-${i}` }));
    const big = cardToBlocks(card([{ type: 'Input.ChoiceSet', id: 'c', choices }], [{ type: 'Action.Execute', title: 'Go', verb: 'x.y' }]));
    const value = (big.blocks.find((b) => b.type === 'actions')!.elements as { value: string }[])[0]!.value;
    expect(value.startsWith('z:')).toBe(true);
    expect(decodeButton(value)!.i![0]!.id).toBe('c');

    const huge = cardToBlocks(card([], [{ type: 'Action.Execute', title: 'Go', verb: 'x.y', data: { blob: Array.from({ length: 2000 }, (_, i) => i * 7919).join('') } }]));
    expect(huge.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(huge.blocks)).toContain('1 more button is too large for Slack');
  });

  it('sends many cards as few messages, each within 50 blocks and with unique button ids', () => {
    const approval = CARD_SAMPLES.find((s) => s.card === 'approval' && s.data.pending)!;
    const list = CARD_SAMPLES.find((s) => s.label.includes('150'))!;
    const messages = combine([list, ...Array.from({ length: 10 }, () => approval)].map((s) => cardToBlocks(renderCard(s))));
    expect(messages.length).toBeLessThanOrEqual(5); // a response_url takes five posts
    for (const m of messages) expect(slackProblems(m.blocks, 50)).toEqual([]);
    const buttons = messages.flatMap((m) => m.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as { value: string }[]));
    expect(buttons.filter((b) => decodeButton(b.value)?.v === 'approval.decide')).toHaveLength(20);
  });
});
