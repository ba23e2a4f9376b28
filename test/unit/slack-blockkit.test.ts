import { describe, expect, it } from 'vitest';
import { renderCard, type AdaptiveCard } from '../../src/cards/render';
import { cardToBlocks, type Block } from '../../src/channels/slack/blockkit';
import { decodeButton, formModal, inputValues, suggestOptions, toggleOffValues, type CardInput } from '../../src/channels/slack/form';
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
      const el = b.element as { type: string; options?: { text: { text: string }; description?: { text: string }; value: string }[] };
      const most = { checkboxes: 10, radio_buttons: 10, static_select: 100, multi_static_select: 100 }[el.type] ?? 0;
      if (el.options && el.options.length > most) p.push(`${el.type} with ${el.options.length} options (max ${most})`);
      for (const o of el.options ?? []) {
        over('option text', o.text.text, 75);
        over('option description', o.description?.text, 75);
        over('option value', o.value, 150);
      }
      if (ids.has(b.block_id!)) p.push(`duplicate block_id ${b.block_id}`);
      ids.add(b.block_id!);
    }
  }
  return p;
}

const choiceKindOf = (modal: { blocks: Block[] }, id: string) => (modal.blocks.find((b) => b.block_id === id)?.element as { type?: string } | undefined)?.type;

const card = (body: unknown[], actions: unknown[] = []): AdaptiveCard => ({ type: 'AdaptiveCard', version: '1.5', body, actions });

describe('Adaptive Card to Block Kit', () => {
  it.each(CARD_SAMPLES.map((s) => [`${s.card}: ${s.label}`, s] as const))('%s fits a Slack message and the Home tab', (_n, sample) => {
    const rendered = renderCard(sample);
    for (const [surface, max] of [['message', 50], ['home', 100]] as const) {
      const { blocks, text, forms } = cardToBlocks(rendered, surface);
      expect(slackProblems(blocks, max)).toEqual([]);
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(4000);
      // Every button made it, its value a short reference: its form is among those to store.
      const executes = JSON.stringify(rendered).match(/"Action\.(Execute|Submit)"/g)?.length ?? 0;
      const buttons = blocks.filter((x) => x.type === 'actions').flatMap((b) => b.elements as { value?: string; url?: string }[]);
      expect(JSON.stringify(blocks)).not.toContain('not shown: Slack cannot show');
      if (executes) expect(buttons.some((e) => e.value)).toBe(true);
      for (const e of buttons) {
        if (e.url) continue;
        expect(e.value!.length).toBeLessThanOrEqual(2000);
        const p = decodeButton(e.value)!;
        expect(p.i).toBeUndefined();
        if (p.f) expect(forms.map((f) => f.ref)).toContain(p.f);
      }
      // Each form opens as a modal within Slack's limits, every input and every choice in it.
      for (const { form, ref } of forms) {
        const modal = formModal(form, { v: 'x', d: {}, f: ref }) as { blocks: Block[]; private_metadata: string };
        expect(slackProblems(modal.blocks, 100)).toEqual([]);
        const shown = JSON.stringify(modal.blocks);
        for (const i of form.inputs as CardInput[]) {
          expect(shown).toContain(`"block_id":"${i.id}"`);
          if (choiceKindOf(modal, i.id) !== 'external_select') for (const c of i.choices ?? []) expect(shown).toContain(`"value":${JSON.stringify(c.value)}`);
        }
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
    // The card has a comment box, so the button opens a form with it first: stored, not carried.
    const forms = cardToBlocks(renderCard(sample)).forms;
    expect(forms.find((f) => f.ref === approve.f)!.form.inputs.map((i) => i.id)).toEqual(['comment']);
    expect(buttons[0]!.value.length).toBeLessThan(200);
    expect(json).toContain('A button opens a form for: Comment (needed to reject)');
  });

  it("turns an ISAP action card's unfolding forms (Action.ShowCard) into buttons that open them", () => {
    const sample = CARD_SAMPLES.find((s) => s.card === 'isap-action' && s.label === 'open overdue action with every button')!;
    const rendered = renderCard(sample);
    const showCards = ((rendered.actions ?? []) as { type: string; title: string }[]).filter((a) => a.type === 'Action.ShowCard');
    expect(showCards.length).toBeGreaterThan(0);
    const msg = cardToBlocks(rendered);
    const buttons = msg.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as { text: { text: string }; value: string }[]);
    // Every unfolding form is reachable from Slack, under the title the person saw in Teams.
    for (const sc of showCards) expect(buttons.some((b) => b.text.text.startsWith(sc.title))).toBe(true);
    const complete = buttons.map((b) => decodeButton(b.value)!).find((p) => p.v === 'isap.complete');
    expect(msg.forms.find((f) => f.ref === complete?.f)!.form.inputs.map((i) => i.id)).toContain('evidence');
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

  it('translates columns, containers, images and open-URL buttons; a Markdown link in text stays text', () => {
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
    // Links reach people as buttons (Action.OpenUrl), never from text someone typed.
    expect((blocks[2]!.text as { text: string }).text).toBe('See [the plan](https://example.org/plan) &amp; &lt;notes&gt;');
    expect(blocks[3]).toMatchObject({ image_url: 'https://example.org/logo.png', alt_text: 'Trust logo' });
    expect(blocks[4]!.elements).toEqual([expect.objectContaining({ url: 'https://example.org/plan' })]);
  });

  it('turns every input kind into a modal and the submission back into card values', () => {
    const criteria = Array.from({ length: 19 }, (_, i) => ({ title: `AMBER: criterion number ${i} which is described at some length, as the trust wrote it`, value: `amber#${i}` }));
    const inputs = [
      { type: 'Input.Text', id: 'note', label: 'Note', isMultiline: true, maxLength: 5000 },
      { type: 'Input.ChoiceSet', id: 'school', label: 'School', choices: Array.from({ length: 150 }, (_, i) => ({ title: `School ${i}`, value: `s${i}` })) },
      { type: 'Input.ChoiceSet', id: 'rsvp', label: 'Coming?', style: 'expanded', choices: [{ title: 'Yes', value: 'accepted' }, { title: 'No', value: 'declined' }] },
      { type: 'Input.ChoiceSet', id: 'days', label: 'Days', isMultiSelect: true, choices: [{ title: 'Mon', value: 'mon' }, { title: 'Tue', value: 'tue' }] },
      { type: 'Input.Toggle', id: 'notify', title: 'Tell the headteacher', valueOn: 'yes', valueOff: 'no' },
      { type: 'Input.Date', id: 'due', label: 'New due date', isRequired: true },
      { type: 'Input.ChoiceSet', id: 'criteria', label: 'Which apply?', isMultiSelect: true, style: 'expanded', value: 'amber#1,amber#15', choices: criteria },
    ];
    const msg = cardToBlocks(card([{ type: 'TextBlock', text: 'Update an action', weight: 'Bolder' }, ...inputs], [{ type: 'Action.Execute', title: 'Save the update', verb: 'isap.update', data: { actionId: 'x1' } }, { type: 'Action.Execute', title: 'Skip', verb: 'isap.skip', associatedInputs: 'none' }]));
    const [save, skip] = (msg.blocks.find((b) => b.type === 'actions')!.elements as { value: string }[]).map((e) => decodeButton(e.value)!);
    expect(skip).toEqual({ v: 'isap.skip', d: {} }); // associatedInputs none: acts at once, no form
    expect(msg.forms).toHaveLength(1);
    const form = msg.forms[0]!.form;
    expect(save).toEqual({ v: 'isap.update', d: { actionId: 'x1' }, f: msg.forms[0]!.ref });
    const modal = formModal(form, { v: save!.v, d: save!.d, f: save!.f, channel: 'D1', ts: '1.2' }) as { blocks: Block[]; title: { text: string }; submit: { text: string }; private_metadata: string };
    expect(slackProblems(modal.blocks, 100)).toEqual([]);
    expect(modal.title.text).toBe('Save the update');
    expect(modal.blocks.map((b) => (b.element as { type?: string } | undefined)?.type)).toEqual([undefined, 'plain_text_input', 'external_select', 'radio_buttons', 'multi_static_select', 'checkboxes', 'datepicker', 'checkboxes', 'checkboxes']);
    // 150 schools: searched as typed, never cut to the first 100.
    expect(modal.blocks[2]!.element).toMatchObject({ type: 'external_select', action_id: 'school', min_query_length: 0 });
    expect(JSON.stringify(modal)).not.toContain('first 100');
    // 19 criteria: every one shown, in checkbox groups of 10, long titles going on in the description.
    const groups = modal.blocks.slice(7) as unknown as { block_id: string; element: { options: { text: { text: string }; description?: { text: string }; value: string }[]; initial_options?: { value: string }[] } }[];
    expect(groups.map((g) => g.block_id)).toEqual(['criteria', 'criteria::part2']);
    expect(groups.flatMap((g) => g.element.options.map((o) => o.value))).toEqual(criteria.map((c) => c.value));
    const o0 = groups[0]!.element.options[0]!;
    expect(`${o0.text.text} ${o0.description!.text}`).toBe(criteria[0]!.title);
    expect(groups.flatMap((g) => g.element.initial_options ?? []).map((o) => o.value)).toEqual(['amber#1', 'amber#15']);
    expect(modal.blocks[6]!.optional).toBe(false);
    expect(JSON.parse(modal.private_metadata)).toMatchObject({ v: 'isap.update', d: { actionId: 'x1' }, f: save!.f, channel: 'D1', ts: '1.2' });

    const values = inputValues(
      {
        note: { note: { type: 'plain_text_input', value: 'Done in assembly' } },
        school: { school: { type: 'external_select', selected_option: { value: 's107' } } },
        rsvp: { rsvp: { type: 'radio_buttons', selected_option: null } },
        days: { days: { type: 'multi_static_select', selected_options: [{ value: 'mon' }, { value: 'tue' }] } },
        notify: { notify: { type: 'checkboxes', selected_options: [] } },
        due: { due: { type: 'datepicker', selected_date: '2026-12-01' } },
        criteria: { criteria: { type: 'checkboxes', selected_options: [{ value: 'amber#1' }] } },
        'criteria::part2': { 'criteria::part2': { type: 'checkboxes', selected_options: [{ value: 'amber#15' }, { value: 'amber#18' }] } },
      },
      toggleOffValues(form.inputs),
    );
    expect(values).toEqual({ note: 'Done in assembly', school: 's107', days: 'mon,tue', notify: 'no', due: '2026-12-01', criteria: 'amber#1,amber#15,amber#18' });
  });

  it('keeps every button a short reference, however large its form or its data', () => {
    const choices = Array.from({ length: 1000 }, (_, i) => ({ title: `Beacon Primary class ${i}`, value: `beacon-class-${i}` }));
    const big = cardToBlocks(card([{ type: 'Input.ChoiceSet', id: 'c', choices }], [{ type: 'Action.Execute', title: 'Go', verb: 'x.y' }]));
    const value = (big.blocks.find((b) => b.type === 'actions')!.elements as { value: string }[])[0]!.value;
    expect(value.length).toBeLessThan(100);
    expect(big.forms[0]!.form.inputs[0]!.id).toBe('c');

    const blob = Array.from({ length: 2000 }, (_, i) => i * 7919).join('');
    const huge = cardToBlocks(card([], [{ type: 'Action.Execute', title: 'Go', verb: 'x.y', data: { blob } }]));
    const p = decodeButton((huge.blocks.find((b) => b.type === 'actions')!.elements as { value: string }[])[0]!.value)!;
    expect(p).toEqual({ v: 'x.y', d: {}, f: huge.forms[0]!.ref });
    expect(huge.forms[0]!.form).toMatchObject({ inputs: [], data: { blob } });
    // The same form is the same reference: stored once however many cards carry it.
    expect(cardToBlocks(card([{ type: 'Input.ChoiceSet', id: 'c', choices }], [{ type: 'Action.Execute', title: 'Go', verb: 'x.y' }])).forms[0]!.ref).toBe(big.forms[0]!.ref);
  });

  it('suggests at most 100 options for what was typed, best matches first', () => {
    const names = ['Northgate Junior', 'Beacon Primary', 'Old Beacon Lane Academy', 'St Mary\'s', 'Beaconsfield High', 'Lighthouse (Beacon Trust)'];
    const input: CardInput = { type: 'Input.ChoiceSet', id: 'school', choices: [...Array.from({ length: 994 }, (_, i) => ({ title: `School ${i}`, value: `s${i}` })), ...names.map((n, i) => ({ title: n, value: `n${i}` }))] };
    expect(suggestOptions(input, 'beacon').map((o) => o.text.text)).toEqual(['Beacon Primary', 'Beaconsfield High', 'Old Beacon Lane Academy', 'Lighthouse (Beacon Trust)']);
    expect(suggestOptions(input, 'Beacon Primary').map((o) => o.value)[0]).toBe('n1');
    expect(suggestOptions(input, '')).toHaveLength(100);
    expect(suggestOptions(input, 'school 9')).toHaveLength(100);
    expect(suggestOptions(input, 'zzz')).toEqual([]);
  });

  it('sends many cards as few messages, each within 50 blocks and with unique button ids', () => {
    const approval = CARD_SAMPLES.find((s) => s.card === 'approval' && s.data.pending)!;
    const list = CARD_SAMPLES.find((s) => s.label.includes('150'))!;
    const messages = combine([list, ...Array.from({ length: 10 }, () => approval)].map((s) => cardToBlocks(renderCard(s))));
    expect(messages.length).toBeLessThanOrEqual(5); // a response_url takes five posts
    for (const m of messages) expect(slackProblems(m.blocks, 50)).toEqual([]);
    const buttons = messages.flatMap((m) => m.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as { value: string }[]));
    expect(buttons.filter((b) => decodeButton(b.value)?.v === 'approval.decide')).toHaveLength(20);
    // The forms behind the buttons travel with the message that carries them.
    for (const m of messages) for (const b of m.blocks.filter((x) => x.type === 'actions').flatMap((x) => x.elements as { value: string }[])) {
      const f = decodeButton(b.value)?.f;
      if (f) expect(m.forms.map((x) => x.ref)).toContain(f);
    }
  });
});
