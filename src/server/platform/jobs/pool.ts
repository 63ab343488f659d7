import { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import type { Actor } from '../scope.js';
import { startWorker } from '../worker-boot.js';
import { rebuildError } from '../worker-errors.js';
import type { FromWorker, Job, ToWorker, WorkerBoot } from './job.js';

/**
 * At most `size` worker threads for heavy requests (issue 11 §4), each with its own database connection,
 * opened once and kept between jobs, so a small job pays a message, not a thread's start. A job waits in the
 * queue for a free worker. A job still unanswered after `timeoutMs` (queued or running), a file that sent
 * nothing for as long (a national export may stream for longer, but not stall), or a file the client stopped
 * reading, ends its worker: terminating the thread is the only way to stop a synchronous
 * SQLite statement or an ExcelJS loop midway. A worker that is ending still counts against `size` until it
 * has exited, so the limit holds even while a statement finishes on a terminated thread.
 */
export type PoolOptions = { size: number; timeoutMs: number; boot: WorkerBoot };
/** Workers alive (ending ones too), running a job, jobs waiting, the most workers ever alive, jobs handed out. */
export type PoolStats = { workers: number; busy: number; queued: number; peak: number; started: number };

type Task = {
  msg: Extract<ToWorker, { t: 'run' }>;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
  slot: Slot | null;
  body: Readable | null;
  finished: boolean;
};
type Slot = { worker: Worker; task: Task | null; ending: boolean };

export class JobPool {
  private readonly slots = new Set<Slot>();
  private idle: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private peak = 0;
  private started = 0;

  constructor(private readonly opts: PoolOptions) {}

  /** Starts every worker ahead of the first job: their start (tsx's compile, unbuilt) is not a request's wait. */
  warm(): void {
    while (!this.closed && this.slots.size < this.opts.size) this.idle.push(this.spawn());
  }

  stats(): PoolStats {
    const busy = [...this.slots].filter((s) => s.task !== null).length;
    return { workers: this.slots.size, busy, queued: this.queue.length, peak: this.peak, started: this.started };
  }

  run<I, O>(ctx: AppContext, job: Job<I, O>, actor: Actor, input: I): Promise<O> {
    if (this.closed) return Promise.reject(new Error('the heavy-request pool is closed'));
    const { scopeCache: _, ...plain } = actor;
    const id = this.nextId++;
    return new Promise<O>((resolve, reject) => {
      const task: Task = {
        msg: {
          t: 'run',
          id,
          module: job.module,
          name: job.name,
          config: ctx.config,
          actor: plain,
          input,
          clockOffsetMs: ctx.clock ? ctx.clock() - Date.now() : null,
        },
        resolve: resolve as (value: unknown) => void,
        reject,
        slot: null,
        body: null,
        finished: false,
      };
      this.arm(task);
      this.queue.push(task);
      this.schedule();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue) this.fail(t, new Error('the heavy-request pool is closed'));
    this.queue = [];
    await Promise.all([...this.slots].map((s) => this.end(s)));
  }

  private schedule(): void {
    while (!this.closed && this.queue.length > 0) {
      const slot = this.idle.pop() ?? (this.slots.size < this.opts.size ? this.spawn() : undefined);
      if (!slot) return;
      const task = this.queue.shift() as Task;
      slot.task = task;
      task.slot = slot;
      slot.worker.ref();
      this.started++;
      slot.worker.postMessage(task.msg);
    }
  }

  private spawn(): Slot {
    const worker = startWorker(import.meta.url, './worker', { boot: this.opts.boot });
    const slot: Slot = { worker, task: null, ending: false };
    this.slots.add(slot);
    this.peak = Math.max(this.peak, this.slots.size);
    // An idle worker does not keep the process alive; a busy one does (ref() in schedule).
    worker.unref();
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (err) => this.lost(slot, err));
    worker.on('exit', (code) => {
      this.lost(slot, new Error(`heavy-request worker exited with code ${code}`));
      this.slots.delete(slot);
      this.schedule();
    });
    return slot;
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const task = slot.task;
    if (!task || task.msg.id !== m.id) return;
    if (m.t === 'value') {
      this.release(slot);
      task.resolve(m.value);
    } else if (m.t === 'head') {
      task.body = this.bodyOf(task);
      task.resolve({ ...m.head, body: task.body });
    } else if (m.t === 'chunk') {
      this.arm(task);
      task.body?.push(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
    } else if (m.t === 'end') {
      this.release(slot);
      task.body?.push(null);
    } else {
      this.release(slot);
      const err = rebuildError(m.error);
      if (task.body) task.body.destroy(err);
      else task.reject(err);
    }
  }

  /** The file's body on the request thread: each read asks the worker for one chunk more (its backpressure). */
  private bodyOf(task: Task): Readable {
    return new Readable({
      read: () => task.slot?.worker.postMessage({ t: 'pull', id: task.msg.id } satisfies ToWorker),
      destroy: (err, cb) => {
        // The client went away (or a timeout) before the worker finished: it must not hold its worker.
        if (!task.finished) this.cancel(task);
        cb(err);
      },
    });
  }

  private arm(task: Task): void {
    clearTimeout(task.timer);
    task.timer = setTimeout(() => this.timedOut(task), this.opts.timeoutMs);
  }

  private release(slot: Slot): void {
    const task = slot.task;
    if (task) this.finish(task);
    slot.task = null;
    if (slot.ending) return;
    slot.worker.unref();
    this.idle.push(slot);
    this.schedule();
  }

  private finish(task: Task): void {
    task.finished = true;
    clearTimeout(task.timer);
    task.slot = null;
  }

  private cancel(task: Task): void {
    const slot = task.slot;
    this.finish(task);
    this.queue = this.queue.filter((t) => t !== task);
    if (slot) {
      slot.task = null;
      void this.end(slot);
    }
  }

  private timedOut(task: Task): void {
    if (task.finished) return;
    const err = new AppError('HEAVY_TIMEOUT', { seconds: Math.round(this.opts.timeoutMs / 1000) });
    this.cancel(task);
    if (task.body) task.body.destroy(err);
    else task.reject(err);
  }

  /** The worker died (an uncaught error, or it ended): its job fails, it is not used again. */
  private lost(slot: Slot, err: Error): void {
    slot.ending = true;
    this.idle = this.idle.filter((s) => s !== slot);
    const task = slot.task;
    slot.task = null;
    if (task) this.fail(task, err);
  }

  private fail(task: Task, err: Error): void {
    if (task.finished) return;
    this.finish(task);
    if (task.body) task.body.destroy(err);
    else task.reject(err);
  }

  private async end(slot: Slot): Promise<void> {
    slot.ending = true;
    this.idle = this.idle.filter((s) => s !== slot);
    await slot.worker.terminate();
  }
}
