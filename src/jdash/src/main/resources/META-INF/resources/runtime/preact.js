// The libraries the runtime is built on, fetched from the npm registry at build time (see
// src/main/frontend/package.json) and served from the WAR: Preact for rendering and DOM diffing, htm for
// templates. Every other module imports them from here.
import { h, hydrate, render, Component } from '../vendor/preact/dist/preact.module.js';
import htm from '../vendor/htm/dist/htm.module.js';

export const html = htm.bind(h);
export { h, hydrate, render, Component };
