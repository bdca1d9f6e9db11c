// Starts Dash's renderer on the page: Dash's index page does this in an inline script, which JDash's
// Content-Security-Policy (script-src 'self') does not run, so it is this file instead.
//
// An app with background (or websocket) callbacks talks to the server over its WebSocket, held by Dash's
// SharedWorker. Where that cannot work (no SharedWorker, or a socket that does not open, e.g. behind a proxy that
// refuses upgrades) the page uses Dash's HTTP protocol instead: it moves its requests under `_jdash-http/`, where
// the server declares the background callbacks for polling. The choice is made once, before the renderer starts.
//
// It also shows the server's refusals of a new background job (too many jobs: HTTP 429, or the same message as the
// error answer on the socket) in a notice at the top of the page: Dash's renderer shows failed callbacks only in
// debug mode.
(function () {
  var REFUSED = 'too many jobs: ';

  function showRefusal(text) {
    var notice = document.getElementById('_jdash-notice');
    if (!notice) {
      notice = document.createElement('div');
      notice.id = '_jdash-notice';
      notice.setAttribute('role', 'alert');
      var style = notice.style;
      style.position = 'fixed';
      style.top = '8px';
      style.left = '50%';
      style.transform = 'translateX(-50%)';
      style.zIndex = '10000';
      style.maxWidth = '90%';
      style.padding = '8px 16px';
      style.borderRadius = '4px';
      style.background = '#7a1f1f';
      style.color = '#fff';
      style.font = '14px/1.4 system-ui, sans-serif';
      style.boxShadow = '0 2px 8px rgba(0,0,0,.3)';
      document.body.appendChild(notice);
    }
    notice.textContent = 'The server refused to start this job: ' + text.substring(REFUSED.length);
    notice.hidden = false;
    clearTimeout(notice.jdashHide);
    notice.jdashHide = setTimeout(function () { notice.hidden = true; }, 10000);
  }

  function isRefusal(text) {
    return typeof text === 'string' && text.indexOf(REFUSED) === 0;
  }

  var fetchOriginal = window.fetch;
  if (fetchOriginal) {
    window.fetch = function () {
      return fetchOriginal.apply(this, arguments).then(function (response) {
        if (response.status === 429) {
          response.clone().json().then(function (body) {
            if (!body || !isRefusal(body.error)) return;
            showRefusal(body.error);
            // the running values the renderer set with the request: no job will reset them
            var reset = body.reset || {};
            var setProps = window.dash_clientside && window.dash_clientside.set_props;
            Object.keys(reset).forEach(function (id) {
              if (setProps) setProps(id.charAt(0) === '{' ? JSON.parse(id) : id, reset[id]);
            });
          }, function () { /* not JSON: not ours */ });
        }
        return response;
      });
    };
  }

  var SharedWorkerOriginal = window.SharedWorker;
  if (SharedWorkerOriginal) {
    window.SharedWorker = function (url, options) {
      var worker = new SharedWorkerOriginal(url, options);
      worker.port.addEventListener('message', function (event) {
        var message = event.data;
        var payload = message && message.payload;
        if (message && message.type === 'callback_response' && payload && payload.status === 'error'
            && isRefusal(payload.message)) {
          showRefusal(payload.message);
        }
      });
      return worker;
    };
    window.SharedWorker.prototype = SharedWorkerOriginal.prototype;
  }

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
