// Finding the forum a command names: its id, or the next upcoming forum of that kind or title.
import type { Forum } from '../../../domain';
import { isUpcoming } from '../../../domain/forums-rules';
import type { Data } from '../../../store/schema';
import { AppError, notFound } from '../../errors';

export function findForum(data: Readonly<Data>, word: string | undefined, now: Date): Forum {
  if (!word) throw new AppError('BAD_INPUT', 'Say which forum.', 'Type forum to see the upcoming forums and their names.');
  const q = word.toLowerCase();
  const byId = data.forums.find((f) => f.id.toLowerCase() === q);
  if (byId) return byId;
  const upcoming = data.forums.filter((f) => isUpcoming(f, now)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const match = upcoming.find((f) => f.kind.toLowerCase() === q) ?? upcoming.find((f) => f.title.toLowerCase().includes(q));
  if (match) return match;
  throw notFound(`A forum called "${word}"`, 'Type forum to see the upcoming forums and their names.');
}
