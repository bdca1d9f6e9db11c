// Starts Dash's renderer on the page: Dash's index page does this in an inline script, which JDash's
// Content-Security-Policy (script-src 'self') does not run, so it is this file instead.
//
// An app with background (or websocket) callbacks talks to the server over its WebSocket, held by Dash's
// SharedWorker. Where that cannot work (no SharedWorker, or a socket that does not open, e.g. behind a proxy that
// refuses upgrades) the page uses Dash's HTTP protocol instead: it moves its requests under `_jdash-http/`, where
// the server declares the background callbacks for polling. The choice is made once, before the renderer starts.
(function () {
  var element = document.getElementById('_dash-config');
  var config = JSON.parse(element.textContent);
  var started = false;

  function start(transport) {
    if (started) return;
    started = true;
    document.documentElement.dataset.jdashTransport = transport;
    window.renderer = new DashRenderer();
  }

  function startOverHttp() {
    if (started) return;
    delete config.websocket;
    config.requests_pathname_prefix += '_jdash-http/';
    element.textContent = JSON.stringify(config);
    start('http');
  }

  if (!config.websocket) {
    start('none');
    return;
  }
  if (typeof SharedWorker === 'undefined') {
    startOverHttp();
    return;
  }
  var url = new URL(config.websocket.url, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  var probe;
  var giveUp = setTimeout(startOverHttp, 3000);
  function settle(open) {
    clearTimeout(giveUp);
    if (probe) {
      probe.onopen = probe.onerror = probe.onclose = null;
      try { probe.close(1000); } catch (closed) { /* already closed */ }
    }
    if (open) start('socket'); else startOverHttp();
  }
  try {
    probe = new WebSocket(url.href);
    probe.onopen = function () { settle(true); };
    probe.onerror = function () { settle(false); };
    probe.onclose = function () { settle(false); };
  } catch (refused) {
    settle(false);
  }
})();
