/**
 * When each pod next needs the kubelet, in one min-heap driven by a single clock tick: per-pod
 * timers would mean thousands of timers for thousands of pods.
 */
export class WakeHeap {
  private readonly heap: { at: number; key: string }[] = [];
  private readonly earliest = new Map<string, number>();

  /** Keeps only the earliest pending wake per key. */
  schedule(key: string, at: number): void {
    if (!Number.isFinite(at)) return;
    const current = this.earliest.get(key);
    if (current !== undefined && current <= at) return;
    this.earliest.set(key, at);
    this.heap.push({ at, key });
    this.up(this.heap.length - 1);
  }

  /** Keys whose wake time has come. */
  popDue(now: number): string[] {
    const due: string[] = [];
    while (this.heap.length && this.heap[0].at <= now) {
      const top = this.pop();
      if (this.earliest.get(top.key) !== top.at) continue;
      this.earliest.delete(top.key);
      due.push(top.key);
    }
    return due;
  }

  forget(key: string): void {
    this.earliest.delete(key);
  }

  private pop(): { at: number; key: string } {
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent].at <= h[i].at) return;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < h.length && h[l].at < h[min].at) min = l;
      if (r < h.length && h[r].at < h[min].at) min = r;
      if (min === i) return;
      [h[min], h[i]] = [h[i], h[min]];
      i = min;
    }
  }
}
