// The entry point of every app page. The server rendered the layout to HTML and embedded it, with the
// callbacks, as JSON in #jdash-config; this module hydrates that HTML with Preact, runs the initial
// callbacks and keeps the page live: user events and callback answers change props, the page re-renders.
import { h, hydrate, render, html } from './preact.js';
import { Layout } from './layout.js';
import { renderChildren } from './components.js';
import { Callbacks } from './callbacks.js';
import { Jobs } from './jobs.js';

const config = JSON.parse(document.getElementById('jdash-config').textContent);
const appRoot = document.getElementById('_dash-app-content');
const errorRoot = document.getElementById('jdash-errors');

const layout = new Layout(config.layout);
const errors = new Map(); // callback id -> message

const context = {
  setProps(id, props) {
    const changed = layout.update(id, props);
    renderPage();
    callbacks.propsChanged(id, changed);
  },
};

function Page() {
  return renderChildren(layout.root, context);
}

function Errors() {
  return html`${[...errors].map(([callback, message]) => html`
    <div class="jdash-error" role="alert" key=${callback}>
      <strong>Callback error</strong> <code>${callback}</code>: <span class="message">${message}</span>
    </div>`)}`;
}

function renderPage() {
  render(h(Page), appRoot);
  render(h(Errors), errorRoot);
}

function showError(callback, message) {
  if (message === null) errors.delete(callback); else errors.set(callback, message);
  render(h(Errors), errorRoot);
}

const jobs = new Jobs({
  appPath: config.appPath,
  specs: config.dependencies,
  applyProps: (propsById) => callbacks.apply(propsById),
  onError: showError,
});

const callbacks = new Callbacks({
  specs: config.dependencies,
  layout,
  appPath: config.appPath,
  onUpdate: renderPage,
  onError: showError,
  jobs,
});

hydrate(h(Page), appRoot);
document.documentElement.dataset.jdash = 'ready';
callbacks.initialCall();
