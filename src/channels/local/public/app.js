// The playground page: pick a person and a conversation, type commands, and use the bot's cards as
// rendered by Microsoft's adaptivecards library. It only talks to /playground/api/*.
'use strict';
(() => {
  const AC = window.AdaptiveCards;
  const $ = (id) => document.getElementById(id);
  const els = {
    persona: $('persona'), conversations: $('conversations'), title: $('conversation-title'),
    messages: $('messages'), status: $('status'), form: $('composer'), text: $('text'), digest: $('digest'),
  };

  // Close to Teams' light theme, so a card looks here as it will there.
  const hostConfig = new AC.HostConfig({
    fontFamily: '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#E0E0E0' },
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: {
        backgroundColor: '#FFFFFF',
        foregroundColors: {
          default: { default: '#242424', subtle: '#616161' },
          accent: { default: '#4F52B2', subtle: '#5B5FC7' },
          good: { default: '#0E7A0B', subtle: '#0E7A0B' },
          warning: { default: '#835C00', subtle: '#835C00' },
          attention: { default: '#C4314B', subtle: '#C4314B' },
          dark: { default: '#242424', subtle: '#616161' },
          light: { default: '#FFFFFF', subtle: '#F5F5F5' },
        },
      },
      emphasis: { backgroundColor: '#F5F5F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    },
    actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left', showCard: { actionMode: 'inline', inlineTopMargin: 8 } },
    inputs: { label: { requiredInputs: { weight: 'bolder' }, optionalInputs: { color: 'default' } } },
  });

  // Teams renders a subset of Markdown in cards: bold, italic, lists, links. markdown-it's "zero"
  // preset with only those rules does the same here; it escapes everything else, so what people type
  // (a note, a reason) is shown as text and never becomes HTML. Links are vetted and open a new tab.
  const md = window.markdownit('zero', { breaks: true }).enable(['emphasis', 'list', 'link', 'newline', 'escape', 'entity']);
  const defaultLinkOpen = md.renderer.rules.link_open || ((tokens, i, options, env, self) => self.renderToken(tokens, i, options));
  md.renderer.rules.link_open = (tokens, i, options, env, self) => {
    tokens[i].attrSet('target', '_blank');
    tokens[i].attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, i, options, env, self);
  };
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = md.render(text);
    result.didProcess = true;
  };

  // This run's token, written into the page by the server; every API call sends it back.
  const TOKEN = document.querySelector('meta[name="playground-token"]').content;
  const state = { as: localStorage.getItem('playground.as') || '', conversation: '', people: [], channels: [] };
  const rendered = new Map(); // message id → { seq, el }

  async function api(path, body) {
    const res = await fetch(`/playground/api/${path}`, body === undefined ? { headers: { 'x-playground-token': TOKEN } } : {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-playground-token': TOKEN }, body: JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(json.error || `The server answered ${res.status}.`);
    return json;
  }

  function say(text, isError = false) {
    els.status.textContent = text;
    els.status.classList.toggle('error', isError);
  }

  const me = () => state.people.find((p) => p.id === state.as);
  const conversationsOf = (p) => (p ? [{ key: p.conversation, name: 'Chat with Improvement Bot', unread: p.unread }, ...state.channels.map((c) => ({ ...c, name: `# ${c.name}` }))] : []);

  async function loadState() {
    const s = await api('state');
    state.people = s.people;
    state.channels = s.channels;
    if (!me()) state.as = s.people[0] ? s.people[0].id : '';
    const convs = conversationsOf(me());
    if (!convs.some((c) => c.key === state.conversation)) state.conversation = convs[0] ? convs[0].key : '';
    drawPeople();
    drawConversations(convs);
  }

  function drawPeople() {
    const options = state.people.map((p) => {
      const o = document.createElement('option');
      o.value = p.id;
      o.textContent = `${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ''}${p.unread ? ` (${p.unread} new)` : ''}`;
      return o;
    });
    els.persona.replaceChildren(...options);
    els.persona.value = state.as;
  }

  function drawConversations(convs) {
    const focused = document.activeElement && document.activeElement.dataset.key;
    els.conversations.replaceChildren(...convs.map((c) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.key = c.key;
      const name = document.createElement('span');
      name.textContent = c.name;
      b.append(name);
      if (c.unread && c.key !== state.conversation) {
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = `${c.unread} new`;
        b.append(badge);
      }
      if (c.key === state.conversation) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', () => openConversation(c.key));
      li.append(b);
      return li;
    }));
    const current = convs.find((c) => c.key === state.conversation);
    els.title.textContent = current ? current.name : 'No conversation';
    if (focused) { const again = els.conversations.querySelector(`[data-key="${CSS.escape(focused)}"]`); if (again) again.focus(); }
  }

  async function openConversation(key) {
    state.conversation = key;
    rendered.clear();
    els.messages.replaceChildren();
    say('');
    await refresh();
  }

  async function loadMessages() {
    if (!state.as || !state.conversation) return;
    const key = state.conversation;
    const { messages } = await api(`messages?as=${encodeURIComponent(state.as)}&conversation=${encodeURIComponent(key)}`);
    if (key !== state.conversation) return; // switched while loading
    drawMessages(messages);
  }

  function drawMessages(messages) {
    const atBottom = els.messages.scrollHeight - els.messages.scrollTop - els.messages.clientHeight < 40;
    const ids = new Set(messages.map((m) => m.id));
    for (const [id, r] of rendered) if (!ids.has(id)) { r.el.remove(); rendered.delete(id); }
    let added = false;
    for (const m of messages) {
      const had = rendered.get(m.id);
      if (had && had.seq === m.seq) continue;
      const el = drawMessage(m);
      if (had) had.el.replaceWith(el); else { els.messages.append(el); added = true; }
      rendered.set(m.id, { seq: m.seq, el });
    }
    const empty = els.messages.querySelector('.empty');
    if (!messages.length && !empty) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = 'No messages yet. Type help to see what you can do, or approvals, risk, isap, survey…';
      els.messages.append(p);
    } else if (messages.length && empty) empty.remove();
    if (added && (atBottom || messages.length <= 3)) els.messages.scrollTop = els.messages.scrollHeight;
  }

  function drawMessage(m) {
    const wrap = document.createElement('article');
    const mine = m.from.kind === 'person';
    wrap.className = `msg ${mine ? 'mine' : 'bot'}`;
    wrap.dataset.id = m.id;
    const meta = document.createElement('div');
    meta.className = 'meta';
    const when = new Date(m.at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
    meta.textContent = `${mine ? m.from.name : 'Improvement Bot'} · ${when}${m.updated ? ' · updated' : ''}`;
    wrap.append(meta);
    if (m.text) {
      const t = document.createElement('div');
      t.className = 'text';
      t.textContent = m.text;
      wrap.append(t);
    }
    if (m.card) wrap.append(drawCard(m, wrap));
    return wrap;
  }

  function drawCard(m, wrap) {
    const holder = document.createElement('div');
    holder.className = 'card';
    holder.tabIndex = -1;
    const card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => execute(m, action, wrap);
    try {
      card.parse(m.card);
      holder.append(card.render());
    } catch (e) {
      holder.textContent = 'This card could not be shown.';
    }
    return holder;
  }

  async function execute(m, action, wrap) {
    if (action instanceof AC.OpenUrlAction) { window.open(action.url, '_blank', 'noopener'); return; }
    let verb, data;
    if (action instanceof AC.ExecuteAction) { verb = action.verb; data = action.data || {}; }
    else if (action instanceof AC.SubmitAction) {
      // Action.Submit carries its verb in its data, as Teams' task modules do.
      const { verb: v, ...rest } = action.data || {};
      verb = v; data = rest;
    }
    if (!verb) { say('That button does nothing here.', true); return; }
    // Only the clicked button waits: the rest of the card stays usable, and this one comes back once
    // the answer is in (a list card's Open answers with a new card and leaves the list as it was).
    const button = action.renderedElement;
    if (button) {
      if (button.disabled) return;
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
    }
    say('Working…');
    try {
      await api('act', { as: state.as, conversation: state.conversation, messageId: m.id, verb, data, id: crypto.randomUUID() });
      say('');
      await refresh();
      const again = rendered.get(m.id);
      if (again && again.el !== wrap) again.el.querySelector('.card').focus();
    } catch (e) {
      say(e.message, true);
    } finally {
      if (button) {
        button.disabled = false;
        button.removeAttribute('aria-busy');
      }
    }
  }

  async function refresh() {
    await loadMessages();
    await loadState();
  }

  els.form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = els.text.value.trim();
    if (!text) { say('Type a command first, such as help.', true); return; }
    els.text.value = '';
    say('Sending…');
    try {
      await api('say', { as: state.as, conversation: state.conversation, text, id: crypto.randomUUID() });
      say('');
      await refresh();
      els.messages.scrollTop = els.messages.scrollHeight;
    } catch (e) {
      els.text.value = text;
      say(e.message, true);
    }
    els.text.focus();
  });

  els.persona.addEventListener('change', async () => {
    state.as = els.persona.value;
    localStorage.setItem('playground.as', state.as);
    const p = me();
    await openConversation(p ? p.conversation : '');
  });

  els.digest.addEventListener('click', async () => {
    els.digest.disabled = true;
    say('Running the weekly digest…');
    try {
      const r = await api('digest', {});
      say(r.delivered ? `Weekly digest sent: ${r.delivered} message${r.delivered === 1 ? '' : 's'} delivered. Channels with new messages are marked.` : 'The weekly digest had nothing to send. Subscribe a channel with: subscribe weekly-slt');
      await refresh();
    } catch (e) {
      say(e.message, true);
    }
    els.digest.disabled = false;
  });

  // New messages (notifications, updates made by someone else) arrive as server-sent events.
  let pending;
  const events = new EventSource(`/playground/api/events?token=${encodeURIComponent(TOKEN)}`);
  events.onmessage = () => {
    clearTimeout(pending);
    pending = setTimeout(() => refresh().catch((e) => say(e.message, true)), 50);
  };
  window.addEventListener('pagehide', () => events.close());

  loadState().then(loadMessages).catch((e) => say(e.message, true));
})();
