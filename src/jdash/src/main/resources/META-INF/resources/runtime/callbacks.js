// Fires callbacks as dash-renderer does. A prop change requests every callback that has it as an Input;
// a requested callback is sent once nothing upstream of it (a callback whose outputs feed its inputs,
// listed by the server in `upstream`) is still requested or in flight, so chained callbacks run in
// dependency order and once. A response's new props are applied and fire the next callbacks in turn.

import { CSRF_HEADERS } from './csrf.js';

export class Callbacks {
  constructor({ specs, layout, appPath, onUpdate, onError, jobs }) {
    this.specs = specs;
    this.jobs = jobs;
    this.byCancelInput = new Map();
    for (const spec of specs) {
      for (const input of spec.background?.cancel ?? []) {
        const key = `${input.id}.${input.property}`;
        if (!this.byCancelInput.has(key)) this.byCancelInput.set(key, []);
        this.byCancelInput.get(key).push(spec);
      }
    }
    this.layout = layout;
    this.appPath = appPath;
    this.onUpdate = onUpdate;
    this.onError = onError;
    this.byInput = new Map();
    for (const spec of specs) {
      for (const input of spec.inputs) {
        const key = `${input.id}.${input.property}`;
        if (!this.byInput.has(key)) this.byInput.set(key, []);
        this.byInput.get(key).push(spec);
      }
    }
    this.requested = new Map(); // callback id -> Set of changed prop ids
    this.inFlight = new Map(); // callback id -> number of requests under way
    this.latest = new Map(); // callback id -> sequence number of its newest request
    this.sequence = 0;
  }

  /** Requests every callback that runs when the page loads, then sends what can go. */
  initialCall() {
    for (const spec of this.specs) {
      if (!spec.prevent_initial_call) this.request(spec, null);
    }
    this.pump();
  }

  /** Called after props of component `id` changed: fires the callbacks listening to them. */
  propsChanged(id, propNames) {
    for (const name of propNames) {
      const propId = `${id}.${name}`;
      for (const spec of this.byCancelInput.get(propId) ?? []) this.jobs.cancel(spec.output);
      for (const spec of this.byInput.get(propId) ?? []) this.request(spec, propId);
    }
    this.pump();
  }

  request(spec, propId) {
    if (!this.requested.has(spec.output)) this.requested.set(spec.output, new Set());
    if (propId) this.requested.get(spec.output).add(propId);
  }

  isPending(callbackId) {
    return this.requested.has(callbackId) || (this.inFlight.get(callbackId) ?? 0) > 0;
  }

  pump() {
    for (const [callbackId, changed] of [...this.requested]) {
      const spec = this.specs.find((s) => s.output === callbackId);
      if (spec.upstream.some((up) => this.isPending(up))) continue;
      this.requested.delete(callbackId);
      this.send(spec, [...changed]);
    }
  }

  valuesOf(dependencies) {
    return dependencies.map(({ id, property }) => ({ id, property, value: this.layout.props(id)?.[property] ?? null }));
  }

  async send(spec, changedPropIds) {
    const seq = ++this.sequence;
    this.latest.set(spec.output, seq);
    this.inFlight.set(spec.output, (this.inFlight.get(spec.output) ?? 0) + 1);
    try {
      const body = {
        output: spec.output,
        outputs: spec.outputs,
        inputs: this.valuesOf(spec.inputs),
        state: this.valuesOf(spec.state),
        changedPropIds,
      };
      if (spec.background) {
        if (spec.background.cancel_previous) body.previousJob = this.jobs.activeJobOf(spec.output);
        this.jobs.starting(spec);
      }
      const response = await fetch(`${this.appPath}_dash-update-component`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...CSRF_HEADERS },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
      const answer = response.status === 204 ? null : await readJson(response);
      if (spec.background) {
        if (response.status === 202) {
          this.jobs.accepted(spec, answer.job);
        } else {
          this.jobs.refused(spec);
          this.onError(spec.output, answer?.error ?? `HTTP ${response.status}`);
        }
        return;
      }
      if (seq !== this.latest.get(spec.output)) return; // a newer request of this callback supersedes it
      if (response.status === 204) return;
      if (!response.ok) {
        this.onError(spec.output, answer?.error ?? `HTTP ${response.status}`);
        return;
      }
      this.onError(spec.output, null);
      this.apply(answer.response ?? {});
    } catch (failure) {
      if (spec.background) this.jobs.refused(spec);
      this.onError(spec.output, `the server could not be reached (${failure.message})`);
    } finally {
      this.inFlight.set(spec.output, this.inFlight.get(spec.output) - 1);
      this.pump();
    }
  }

  /** Applies {id: {prop: value}} to the layout, re-renders, and fires what listens to the changed props. */
  apply(propsById) {
    const changes = Object.entries(propsById).map(([id, props]) => [id, this.layout.update(id, props)]);
    this.onUpdate();
    for (const [id, changed] of changes) this.propsChanged(id, changed);
  }
}

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}
