import { describe, expect, it } from 'vitest';
import { cardActionOf, commandWords, conversationKey, kindOf, tenantOf } from '../../src/channels/teams/activity';

describe('reading Teams activities', () => {
  it('takes the command words from a message with or without the @mention, slash or Teams HTML', () => {
    expect(commandWords('<at>Improvement Bot</at> risk open')).toEqual({ name: 'risk', args: ['open'] });
    expect(commandWords('<at>Improvement Bot</at>&nbsp;isap  overdue ')).toEqual({ name: 'isap', args: ['overdue'] });
    expect(commandWords('/approvals')).toEqual({ name: 'approvals', args: [] });
    expect(commandWords('<p>help talent</p>')).toEqual({ name: 'help', args: ['talent'] });
    expect(commandWords('<at>Improvement Bot</at>')).toEqual({ name: '', args: [] });
  });

  it('finds the tenant in channelData or on the conversation', () => {
    expect(tenantOf({ channelData: { tenant: { id: 't1' } }, conversation: { tenantId: 't2' } as never })).toBe('t1');
    expect(tenantOf({ conversation: { tenantId: 't2' } as never })).toBe('t2');
    expect(tenantOf({})).toBeUndefined();
  });

  it('keys a channel thread by its channel, and knows personal, channel and group chats', () => {
    expect(conversationKey('19:abc@thread.tacv2;messageid=123')).toBe('teams:19:abc@thread.tacv2');
    expect(kindOf({ conversation: { conversationType: 'channel' } as never })).toBe('channel');
    expect(kindOf({ conversation: { conversationType: 'groupChat', isGroup: true } as never })).toBe('group');
    expect(kindOf({ conversation: { conversationType: 'personal' } as never })).toBe('personal');
  });

  it('reads a Universal Action, and nothing else, as a card action', () => {
    const invoke = { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'approval.decide', data: { approvalId: 'a1', comment: 'ok' } }, trigger: 'manual' } };
    expect(cardActionOf(invoke)).toEqual({ verb: 'approval.decide', data: { approvalId: 'a1', comment: 'ok' }, trigger: 'manual' });
    expect(cardActionOf({ ...invoke, value: { ...invoke.value, trigger: 'automatic' } })?.trigger).toBe('automatic');
    expect(cardActionOf({ ...invoke, name: 'task/fetch' })).toBeUndefined();
    expect(cardActionOf({ ...invoke, value: { action: { data: [] } } })).toBeUndefined();
  });
});
