// A progress bar on stderr for long runs: redrawn in place on a terminal, a line per stage in logs.

export class Progress {
  private done = 0;

  constructor(
    private readonly out: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean },
    private readonly total: number,
  ) {}

  step(label: string): void {
    this.done = Math.min(this.total, this.done + 1);
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const pct = String(Math.round((this.done / this.total) * 100)).padStart(3);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct}% ${label}`;
    if (this.out.isTTY) this.out.write(`\r\x1b[2K${bar}${this.done === this.total ? '\n' : ''}`);
    else this.out.write(`${bar}\n`);
  }
}
