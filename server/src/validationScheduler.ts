/**
 * When each document is validated. Timers are injected so tests never sleep:
 *  - a document whose full validation takes a few ms is validated at once after every change;
 *    one a little slower at once when it has been quiet for `delay` ms, else once typing pauses
 *    for that long;
 *  - a document whose full validation is slow (a file of thousands of zones or hosts) gets a
 *    quick re-check of the edited statement at once (LanguageService.quickValidation) and the
 *    full pass once typing pauses for twice as long as a full pass takes.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CallOptions, LanguageService, ValidationBase } from './service/languageService';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds on a monotonic clock (default: performance.now). */
  now?(): number;
}

export const realTimers: Timers = {
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** A full pass faster than this runs after every change, without waiting for a pause. */
const CHEAP_MS = 10;
/** A full pass slower than this makes a document use quick re-checks after an edit. */
export const QUICK_AFTER_MS = 30;
/** The longest wait for a pause before a slow full pass runs anyway. */
const MAX_FULL_DELAY_MS = 2000;
/** A full pass slower than this frees the old tree's memory before parsing again. */
const COLLECT_AFTER_MS = 250;

interface DocState {
  /** The last full validation, for quick re-checks. */
  base?: ValidationBase;
  /** How long the last full validation took, and when it ended. */
  fullMs: number;
  lastRun: number;
  full?: unknown;
  /** The pending full validation runs as soon as possible (it will read the newest text). */
  fullSoon?: boolean;
  quick?: unknown;
}

export interface SchedulerDeps {
  readonly service: LanguageService;
  readonly timers: Timers;
  /** Debounce after a change, in ms. */
  readonly delay: number;
  /** The open document of a URI, if it is one we serve. */
  document(uri: string): TextDocument | undefined;
  options(): CallOptions;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** A full garbage collection (see ServerOptions.collectGarbage). */
  readonly collectGarbage?: () => void;
}

export class ValidationScheduler {
  private readonly states = new Map<string, DocState>();
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  private now(): number {
    return this.deps.timers.now ? this.deps.timers.now() : performance.now();
  }

  private stateOf(uri: string): DocState {
    let st = this.states.get(uri);
    if (!st) this.states.set(uri, (st = { fullMs: 0, lastRun: -Infinity }));
    return st;
  }

  private clearTimers(st: DocState): void {
    if (st.full !== undefined) this.deps.timers.clearTimeout(st.full);
    if (st.quick !== undefined) this.deps.timers.clearTimeout(st.quick);
    st.full = st.quick = undefined;
  }

  private validateNow(uri: string): void {
    const st = this.stateOf(uri);
    this.clearTimers(st);
    const doc = this.deps.document(uri);
    if (!doc || this.stopped) return;
    const { service, collectGarbage } = this.deps;
    const version = doc.version;
    st.base = undefined; // let the old tree go before the new one is built
    if (st.fullMs >= COLLECT_AFTER_MS && collectGarbage) {
      service.forget(doc);
      collectGarbage();
    }
    const t0 = this.now();
    const { diagnostics, base } = service.validateWithBase(doc, this.deps.options());
    st.lastRun = this.now();
    st.fullMs = st.lastRun - t0;
    st.base = base;
    // a newer version arrived meanwhile: its own validation will publish
    if (this.deps.document(uri)?.version !== version) return;
    // hover and navigation lookups; for a large document, the parse's garbage collected now
    // (a small part of a slow pass) rather than as marking work spread over the next requests
    service.prepare(doc);
    if (st.fullMs >= COLLECT_AFTER_MS) collectGarbage?.();
    this.deps.publish(uri, version, diagnostics);
  }

  private quickNow(uri: string): void {
    const st = this.stateOf(uri);
    st.quick = undefined;
    const doc = this.deps.document(uri);
    if (!doc || this.stopped || !st.base) return;
    const diagnostics = this.deps.service.quickValidation(doc, st.base, this.deps.options());
    // an edit that moves statement boundaries waits for the full pass (already scheduled for
    // the next pause: starting a pass of seconds after every short pause would stall typing)
    if (diagnostics) this.deps.publish(uri, doc.version, diagnostics);
  }

  private scheduleFull(uri: string, ms: number): void {
    const st = this.stateOf(uri);
    if (st.full !== undefined) this.deps.timers.clearTimeout(st.full);
    st.full = this.deps.timers.setTimeout(() => this.validateNow(uri), ms);
    st.fullSoon = ms === 0;
  }

  /** After a change; `ms` = 0 after an open or a settings change. */
  schedule(doc: TextDocument, ms?: number): void {
    const st = this.stateOf(doc.uri);
    if (ms !== undefined) return this.scheduleFull(doc.uri, ms);
    if (st.base && st.fullMs >= QUICK_AFTER_MS) {
      // several changes in one batch make one quick re-check
      if (st.quick === undefined) st.quick = this.deps.timers.setTimeout(() => this.quickNow(doc.uri), 0);
      return this.scheduleFull(doc.uri, Math.min(MAX_FULL_DELAY_MS, Math.max(this.deps.delay, 2 * st.fullMs)));
    }
    // a validation about to run will see this change too (didOpen is also a content change)
    if (st.full !== undefined && st.fullSoon) return;
    // a document that validates in a few ms: at once, every time; otherwise at once when it has
    // been quiet for a while, and once typing pauses while it is being typed in
    const cheap = st.lastRun > -Infinity && st.fullMs < CHEAP_MS;
    const idle = st.full === undefined && this.now() - st.lastRun >= this.deps.delay;
    this.scheduleFull(doc.uri, cheap || idle ? 0 : this.deps.delay);
  }

  /** The document was closed: nothing more runs for it, and its diagnostics are cleared. */
  close(uri: string): void {
    const st = this.states.get(uri);
    if (st) this.clearTimers(st);
    this.states.delete(uri);
    this.deps.publish(uri, undefined, []);
  }

  stop(): void {
    this.stopped = true;
    for (const st of this.states.values()) this.clearTimers(st);
    this.states.clear();
  }
}
