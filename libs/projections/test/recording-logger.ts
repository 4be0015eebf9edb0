import type { RunnerLogger } from '#projections';

export interface LogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly object: Record<string, unknown>;
  readonly message: string;
}

/** A logger that keeps what it was told, for assertions on what operators would see. */
export function recordingLogger(): RunnerLogger & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (object: object, message: string): void => {
      entries.push({ level, object: object as Record<string, unknown>, message });
    };
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}
