// Runs `npm ci` in the current folder (target/frontend) unless node_modules was installed from this very
// package-lock.json: a changed lock (a package added, a version moved) reinstalls without `mvn clean`. No package's
// install scripts run (--ignore-scripts): the build only copies files out of the packages.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';

const stamp = 'node_modules/.jdash-installed-lock.json';
const lock = fs.readFileSync('package-lock.json', 'utf8');
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lock) {
    console.log('node_modules is installed from this package-lock.json');
    process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const ci = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {stdio: 'inherit', shell: process.platform === 'win32'});
if (ci.status !== 0) {
    process.exit(ci.status ?? 1);
}
fs.writeFileSync(stamp, lock);
