// Draws the Teams app icons with pngjs: a white rising bar chart on the trust blue (color, 192×192)
// and the same bars as a white outline on transparency (outline, 32×32), as Teams requires.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

const BLUE = [0x1f, 0x5f, 0x8b, 255] as const;
const WHITE = [255, 255, 255, 255] as const;

/** Three rising bars, as [x, y, width, height] in a 32-unit square. */
const BARS: [number, number, number, number][] = [
  [5, 18, 6, 9],
  [13, 12, 6, 15],
  [21, 5, 6, 22],
];

function png(size: number, fill: (x: number, y: number) => readonly number[] | undefined): Buffer {
  const img = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = fill(x, y) ?? [0, 0, 0, 0];
      img.data.set(c, (y * size + x) * 4);
    }
  }
  return PNG.sync.write(img);
}

const inBar = (u: number, v: number, inset = 0) => BARS.some(([x, y, w, h]) => u >= x + inset && u < x + w - inset && v >= y + inset && v < y + h - inset);

export function drawIcons(dir: string): void {
  const scale = 192 / 32;
  writeFileSync(path.join(dir, 'color.png'), png(192, (x, y) => (inBar(x / scale, y / scale) ? WHITE : BLUE)));
  // Outline: the bars' 2-pixel border only.
  writeFileSync(path.join(dir, 'outline.png'), png(32, (x, y) => (inBar(x, y) && !inBar(x, y, 2) ? WHITE : undefined)));
}
