import type { BusMessage, MessageOf, MessageType } from './messages.ts';

export type Handler<T extends MessageType> = (message: MessageOf<T>) => void | Promise<void>;

/**
 * A tiny typed in-process bus. Handlers run after the publisher's turn, never inside it, so a
 * publisher is never slowed or broken by a subscriber; a handler's failure goes to `onError` and
 * touches no other handler. `drain()` waits until every handler started so far has finished —
 * shutdown calls it before closing the store.
 */
export class Bus {
  private readonly handlers = new Map<MessageType, Handler<MessageType>[]>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (err: Error, message: BusMessage) => void) {}

  subscribe<T extends MessageType>(type: T, handler: Handler<T>): () => void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as unknown as Handler<MessageType>);
    this.handlers.set(type, list);
    return () => {
      const i = list.indexOf(handler as unknown as Handler<MessageType>);
      if (i >= 0) list.splice(i, 1);
    };
  }

  publish(message: BusMessage): void {
    for (const handler of this.handlers.get(message.type) ?? []) {
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => handler(message as MessageOf<MessageType>))
        .catch((err: unknown) => this.onError(err instanceof Error ? err : new Error(String(err)), message))
        .finally(() => this.running.delete(run));
      this.running.add(run);
    }
  }

  /** Resolves once no handler is running, including ones started by handlers while waiting. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}
