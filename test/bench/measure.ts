import { performance } from 'node:perf_hooks';

export interface Figure {
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/** Runs `work` once and reports operations per second; `work` may return how many operations it did. */
export async function measure(operations: number, work: () => Promise<number | void> | number | void): Promise<Figure> {
  const started = performance.now();
  const done = (await work()) ?? operations;
  const seconds = (performance.now() - started) / 1000;
  return { operations: done, seconds, perSecond: done / seconds };
}

/** `count` concurrent writers, each awaiting its own `perWriter` operations in turn. */
export async function concurrently(
  count: number,
  perWriter: number,
  write: (writer: number, n: number) => Promise<unknown>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async (_, writer) => {
      for (let n = 0; n < perWriter; n++) await write(writer, n);
    }),
  );
}

export const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

export const ratio = (a: Figure, b: Figure): number => a.perSecond / b.perSecond;

export function report(label: string, figure: Figure, note = ''): void {
  const rate = Math.round(figure.perSecond).toLocaleString('en-US').padStart(10);
  const ops = `(${figure.operations.toLocaleString('en-US')} in ${figure.seconds.toFixed(2)} s)`;
  console.log(`${label.padEnd(44)} ${rate} /s  ${ops.padEnd(22)}  ${note}`.trimEnd());
}
