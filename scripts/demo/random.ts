/** A seeded pseudo-random source, so that the demo is the same on every machine for one seed. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A standard normal deviate (Box–Muller). */
  gauss(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A value spread evenly on a log scale between min and max: bills and consumption look so. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
  }

  /** A string of n decimal digits. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((n, [, w]) => n + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs.at(-1)![0];
  }

  /** A UUIDv7-shaped id whose bits come from this source and a fixed clock. */
  uuid(epochMs: number): string {
    const ms = hex(epochMs, 12);
    const a = this.int(0, 0xffff);
    const b = this.int(0, 0xffff);
    const c = this.int(0, 0xffff);
    const d = this.int(0, 0xffff);
    const e = this.int(0, 0xffff);
    return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex(a & 0xfff, 3)}-${hex((b & 0x3fff) | 0x8000, 4)}-${hex(c, 4)}${hex(d, 4)}${hex(e, 4)}`;
  }
}

function hex(n: number, len: number): string {
  return n.toString(16).padStart(len, '0');
}
