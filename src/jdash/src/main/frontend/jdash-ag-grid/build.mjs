// Builds JDash's AG Grid suite as Dash's renderer loads a suite: one classic script that sets
// window.dash_ag_grid.AgGrid, made from the ES module in src/ (which the component generator reads), with React and
// prop-types taken from the page as the other suites take them. The package goes to the folder given (target/...),
// with AG Grid Community's script beside it, which the component loads when it first mounts.
// Usage: node build.mjs <out dir> <ag-grid-community package dir>
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [out, agGrid] = process.argv.slice(2);
const source = fs.readFileSync(path.join(here, 'src/AgGrid.react.js'), 'utf8');
const body = source
    .replace("import React from 'react';", 'const React = window.React;')
    .replace("import PropTypes from 'prop-types';", 'const PropTypes = window.PropTypes;')
    .replace('export default class AgGrid', 'class AgGrid');
if (/^\s*(import|export)\s/m.test(body)) {
    throw new Error('src/AgGrid.react.js has an import or export the build does not know');
}
const script = `/* JDash's AG Grid suite (dash-ag-grid's AgGrid on AG Grid Community), built from src/AgGrid.react.js */\n`
    + `(function () {\n'use strict';\n${body}\nwindow.dash_ag_grid = Object.assign(window.dash_ag_grid || {}, {AgGrid: AgGrid});\n})();\n`;
fs.mkdirSync(path.join(out, 'dist'), {recursive: true});
fs.mkdirSync(path.join(out, 'src'), {recursive: true});
fs.writeFileSync(path.join(out, 'dist/dash_ag_grid.js'), script);
fs.copyFileSync(path.join(here, 'package.json'), path.join(out, 'package.json'));
fs.copyFileSync(path.join(here, 'src/AgGrid.react.js'), path.join(out, 'src/AgGrid.react.js'));
for (const file of ['dist/ag-grid-community.min.js', 'LICENSE.txt']) {
    const target = path.join(out, file === 'LICENSE.txt' ? 'dist/ag-grid-community.LICENSE.txt' : file);
    fs.copyFileSync(path.join(agGrid, file), target);
}
console.log(`built ${path.join(out, 'dist/dash_ag_grid.js')}`);
