// The digest card's data: headline facts, up to two charts, and sections cut to their top few.
import { topN } from '../../../domain/digest';
import type { View } from '../../command';
import type { Chart } from './figures';

export interface Item {
  title: string;
  detail: string;
  /** Drawn in the attention colour: an overdue decision, a declining school. */
  flag?: boolean;
}

export interface Section {
  heading: string;
  items: Item[];
  more: string;
  empty: string;
}

/** A section with at most `top` items; the rest are counted, never dropped silently. */
export function section(heading: string, items: Item[], empty: string, top = 10, noun = 'more'): Section {
  const { shown, more } = topN(items, top, noun);
  return { heading, items: shown.map((i) => ({ flag: false, ...i })), more, empty };
}

export function digestView(d: { title: string; subtitle: string; facts: { title: string; value: string }[]; donut?: Chart; bars?: Chart; sections: Section[] }): View {
  // A chart of nothing is noise: an empty week shows the sections' own "nothing to report" lines.
  const useful = (c?: Chart) => (c && c.points.some((p) => p.value > 0) ? c : undefined);
  const donut = useful(d.donut), bars = useful(d.bars);
  return {
    card: 'digest',
    data: {
      title: d.title,
      subtitle: d.subtitle,
      facts: d.facts,
      donutTitle: donut?.title ?? '',
      donut: donut?.points ?? [],
      barsTitle: bars?.title ?? '',
      bars: bars?.points ?? [],
      sections: d.sections,
    },
  };
}
