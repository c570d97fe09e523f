/* Caller app (/caller/): what ticks in the page without a request per tick. */
(function () {
    "use strict";

    var SHARED = window.ioConnectShared; // ids and limits, from ids.py (assets/_shared.js)

    // The tick that first saw each pending invocation. It shows from the next tick on,
    // so an invocation answered within one tick (SHARED.SYNC_MS) never flashes.
    var firstSeen = {};
    var pendingShown = false;

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        ioconnectCaller: {
            /*
             * "Waiting for Sum (all): 1.2 s of 10 s" for each invocation without a result, on the
             * ticks while any is pending; an invocation answered before the first tick never shows.
             */
            pendingStatus: function (ticks, pending) {
                var noUpdate = window.dash_clientside.no_update;
                var now = Date.now();
                var ids = Object.keys(pending || {});
                Object.keys(firstSeen).forEach(function (id) {
                    if (ids.indexOf(id) < 0) {
                        delete firstSeen[id];
                    }
                });
                var shown = ids.filter(function (id) {
                    var o = pending[id].options || {};
                    // Past its timeouts glue has settled it: a result the app server never handled.
                    return firstSeen[id] && now - firstSeen[id] < o.methodResponseTimeoutMs + o.waitTimeoutMs + 5000;
                });
                ids.forEach(function (id) { firstSeen[id] = firstSeen[id] || now; });
                var show = shown.length > 0;
                if (!show && !pendingShown) {
                    return [noUpdate, noUpdate];
                }
                var text = shown.map(function (id) {
                    var p = pending[id];
                    var elapsed = ((now - firstSeen[id] + SHARED.SYNC_MS) / 1000).toFixed(1);
                    var limit = p.options.methodResponseTimeoutMs / 1000;
                    return "Waiting for " + p.method + " (" + p.target + "): " + elapsed + " s of " + limit + " s";
                }).join(" · ");
                var className = show === pendingShown ? noUpdate : show ? "small text-muted" : "small text-muted d-none";
                pendingShown = show;
                return [text, className];
            }
        }
    });
})();
