import type { RecordedEvent } from './port.js';

/** What an upcaster makes of a stored event: its next shape (often a new type, `X.v2`), and that shape's schema version. */
export interface UpcastShape {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * Turns events stored in one frozen shape (`type` at `schemaVersion`) into the next. A breaking change to an event is
 * a new type (or schema version) plus an upcaster from the old one; the stored events are never rewritten.
 */
export interface Upcaster {
  readonly type: string;
  readonly schemaVersion: number;
  upcast(event: RecordedEvent): UpcastShape;
}

/** More steps than any chain of shapes needs: beyond, the upcasters go round in a circle. */
const MAX_STEPS = 32;

const keyOf = (type: string, schemaVersion: number): string => `${schemaVersion}\u0000${type}`;

/**
 * The upcasters of a log, by the (type, schema version) they read. The event store applies them where it decodes
 * stored events (reads and subscriptions alike), once per event read: whoever reads the store sees only current shapes.
 * An event with no upcaster for its type and version is current, and passes through as it is.
 */
export class UpcasterRegistry {
  private readonly byShape = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = keyOf(upcaster.type, upcaster.schemaVersion);
      if (this.byShape.has(key)) throw new Error(`Two upcasters read '${upcaster.type}' at schema version ${upcaster.schemaVersion}`);
      this.byShape.set(key, upcaster);
    }
  }

  /** How many upcasters are registered. */
  get size(): number {
    return this.byShape.size;
  }

  /** The event in its current shape: the same object when no upcaster applies, else a copy through every step of the chain. */
  upcast(event: RecordedEvent): RecordedEvent {
    if (this.byShape.size === 0) return event;
    let current = event;
    for (let step = 0; ; step++) {
      const upcaster = this.byShape.get(keyOf(current.type, current.metadata.schemaVersion));
      if (upcaster === undefined) return current;
      if (step === MAX_STEPS)
        throw new Error(`The upcasters of '${event.type}' at schema version ${event.metadata.schemaVersion} go round in a circle`);
      const next = upcaster.upcast(current);
      current = { ...current, type: next.type, data: next.data, metadata: { ...current.metadata, schemaVersion: next.schemaVersion } };
    }
  }
}

/** The registry with no upcaster: every stored event is in its current shape. */
export const NO_UPCASTERS = new UpcasterRegistry();
