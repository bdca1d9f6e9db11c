// Background jobs in the page. A background callback's POST answers 202 {job}; from then on the page hears
// the job on its WebSocket (/apps/<slug>/_jdash-push): progress, set_props, and one of done, error or
// cancelled. While a job runs, its callback's `running` props hold their "during" values; they get their
// "after" values (and progress outputs their progress_default) when it ends, however it ends. If the socket
// is down the page reconnects with backoff and polls its jobs meanwhile (GET _jdash-jobs/<job>?after=<seq>).
// When the socket opens, the server first names ("attach") the owner's jobs still going, so a page
// reloaded mid-job takes its job up again. A socket the server closed (1013: this page read too slowly)
// reconnects the same way and gets the histories replayed; the page also polls its jobs once then, since
// a job whose end another tab heard meanwhile is not replayed.

import { CSRF_HEADERS } from './csrf.js';

const POLL_MILLIS = 500;
const KEEP_ALIVE_MILLIS = 30000; // well under the HTTP listener's 90 s read-timeout
const MAX_BACKOFF_MILLIS = 5000;

export class Jobs {
  constructor({ appPath, specs, applyProps, onError }) {
    this.appPath = appPath;
    this.specs = new Map(specs.filter((s) => s.background).map((s) => [s.output, s]));
    this.applyProps = applyProps; // (propsById, {fire}) -> applies, re-renders, fires callbacks
    this.onError = onError;
    this.active = new Map(); // job id -> {spec, lastSeq}
    this.byCallback = new Map(); // callback id -> job id
    this.pending = new Map(); // callback id -> POSTs of its jobs not answered yet
    this.cancelOnAccept = new Set(); // callbacks cancelled while a POST of theirs was unanswered
    this.early = new Map(); // job id -> events heard before the POST answered
    this.backoff = 250;
    if (this.specs.size > 0) this.connect();
  }

  // ---- the socket ----

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}${this.appPath}_jdash-push`);
    socket.onopen = () => {
      this.socket = socket;
      // WildFly's HTTP listener closes a connection that has read nothing for its read-timeout (90 s by default,
      // and it applies to WebSockets): a small message now and then keeps a quiet page's socket open; the server
      // ignores it
      socket.keepAlive = setInterval(() => socket.send('{"type":"ping"}'), KEEP_ALIVE_MILLIS);
      this.backoff = 250;
      this.stopPolling();
      this.pollAll(); // catch up on jobs that ended while the socket was down (events already heard are dropped)
      document.documentElement.dataset.jdashSocket = 'open';
    };
    socket.onmessage = (message) => this.hear(JSON.parse(message.data));
    socket.onclose = () => {
      clearInterval(socket.keepAlive);
      if (this.socket === socket) this.socket = null;
      document.documentElement.dataset.jdashSocket = 'closed';
      this.startPolling();
      setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MILLIS);
    };
  }

  startPolling() {
    if (!this.pollTimer) this.pollTimer = setInterval(() => this.pollAll(), POLL_MILLIS);
  }

  stopPolling() {
    clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  async pollAll() {
    for (const [job, tracked] of [...this.active]) {
      try {
        const response = await fetch(`${this.appPath}_jdash-jobs/${encodeURIComponent(job)}?after=${tracked.lastSeq}`,
          { credentials: 'same-origin' });
        if (response.status === 404) {
          this.finish(job); // the server no longer knows it (restarted): do not leave the page stuck
        } else if (response.ok) {
          (await response.json()).events.forEach((event) => this.hear(event));
        }
      } catch {
        // still offline; the next poll tries again
      }
    }
  }

  // ---- jobs ----

  /** Sets a background callback's running values before its POST goes out. */
  starting(spec) {
    this.pending.set(spec.output, (this.pending.get(spec.output) ?? 0) + 1);
    this.applyRunning(spec, 'during');
  }

  /** No job of this callback runs, and none is being started: its running values may go back. */
  isIdle(callbackId) {
    if ((this.pending.get(callbackId) ?? 0) > 0) return false;
    return ![...this.active.values()].some((tracked) => tracked.spec.output === callbackId);
  }

  answered(spec) {
    this.pending.set(spec.output, Math.max(0, (this.pending.get(spec.output) ?? 0) - 1));
  }

  /** The page's job of this callback still running, if any. */
  activeJobOf(callbackId) {
    return this.byCallback.get(callbackId) ?? null;
  }

  /** The POST answered 202 {job}. */
  accepted(spec, job) {
    this.answered(spec);
    this.track(job, spec);
    if (this.cancelOnAccept.delete(spec.output)) this.cancelJob(job); // cancelled before its id was known
    const early = this.early.get(job) ?? [];
    this.early.delete(job);
    early.forEach((event) => this.hear(event));
  }

  /** The POST failed: nothing runs, so the running values go back. */
  refused(spec) {
    this.answered(spec);
    this.cancelOnAccept.delete(spec.output);
    if (this.isIdle(spec.output)) this.applyRunning(spec, 'after');
  }

  track(job, spec) {
    if (!this.active.has(job)) this.active.set(job, { spec, lastSeq: -1 });
    this.byCallback.set(spec.output, job);
  }

  /** A cancel input of this callback changed: cancel its jobs (more than one after a reload: see finish). */
  cancel(callbackId) {
    if ((this.pending.get(callbackId) ?? 0) > 0) this.cancelOnAccept.add(callbackId);
    for (const [job, tracked] of this.active) {
      if (tracked.spec.output === callbackId) this.cancelJob(job);
    }
  }

  cancelJob(job) {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify({ type: 'cancel', job }));
    } else {
      fetch(`${this.appPath}_jdash-jobs/${encodeURIComponent(job)}`, { method: 'DELETE', headers: CSRF_HEADERS, credentials: 'same-origin' })
        .catch(() => {});
    }
  }

  hear(event) {
    if (event.type === 'attach') {
      const spec = this.specs.get(event.callback);
      if (spec) {
        this.track(event.job, spec);
        this.applyRunning(spec, 'during');
      }
      return;
    }
    const tracked = this.active.get(event.job);
    if (!tracked) {
      if (this.early.size < 100) this.early.set(event.job, [...(this.early.get(event.job) ?? []), event]);
      return;
    }
    if (event.seq <= tracked.lastSeq) return; // heard already (a replay after reconnect)
    tracked.lastSeq = event.seq;
    const { spec } = tracked;
    switch (event.type) {
      case 'progress':
        this.applyProgress(spec, event.progress);
        break;
      case 'set_props':
        this.applyProps({ [event.id]: event.props });
        break;
      case 'done':
        this.onError(spec.output, null);
        this.finish(event.job, event.response ?? {});
        break;
      case 'error':
        this.onError(spec.output, event.message);
        this.finish(event.job);
        break;
      case 'cancelled':
        this.finish(event.job);
        break;
      default: // accepted, running
    }
  }

  /** The job ended: its result (if any), then the running values' "after" and the progress defaults. */
  finish(job, response = {}) {
    const tracked = this.active.get(job);
    if (!tracked) return;
    this.active.delete(job);
    const { spec } = tracked;
    if (this.byCallback.get(spec.output) === job) {
      this.byCallback.delete(spec.output);
      for (const [other, t] of this.active) if (t.spec.output === spec.output) this.byCallback.set(spec.output, other);
    }
    const ending = structuredClone(response);
    // A page reloaded mid-job runs its own initial job beside the one it took up: the running values go back
    // only when the last of them ends (and no POST of this callback is still unanswered).
    if (this.isIdle(spec.output)) {
      for (const { output, after } of spec.background.running) merge(ending, output, after);
      const defaults = spec.background.progress_default;
      if (defaults) spec.background.progress.forEach((output, i) => merge(ending, output, defaults[i]));
    }
    this.applyProps(ending);
  }

  applyRunning(spec, which) {
    const props = {};
    for (const running of spec.background.running) merge(props, running.output, running[which]);
    this.applyProps(props);
  }

  applyProgress(spec, values) {
    const props = {};
    spec.background.progress.forEach((output, i) => {
      if (values[i] !== null && values[i] !== undefined) merge(props, output, values[i]);
    });
    this.applyProps(props);
  }
}

function merge(propsById, { id, property }, value) {
  propsById[id] = { ...(propsById[id] ?? {}), [property]: value };
}
