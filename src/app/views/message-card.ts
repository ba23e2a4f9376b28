// A short card with no list: what happened and what, if anything, comes next. Uses the shared list template.
import type { View } from '../command';

export function messageCard(title: string, intro: string, empty = ''): View {
  return { card: 'list', data: { title, intro, empty, items: [] } };
}
