/*
 * Caller app (/caller/): "Waiting for Sum (all): 1.2 s of 10 s" while an invocation is pending.
 *
 * Read from the activity seam (dash_glue42_activity.js), not from a store the invoke and result callbacks
 * would have to keep: those stay as the documentation writes them. It redraws every REDRAW_MS while
 * anything is pending and stops when nothing is; an invocation answered within PENDING_SHOWN_AFTER_MS
 * never shows, so a quick Sum does not flash the spinner. The status is written with
 * dash_clientside.set_props, so Dash keeps owning the element.
 */
(function () {
    "use strict";

    var SHARED = window.ioConnectShared; // ids and limits, from ids.py (assets/_shared.js)
    var REDRAW_MS = 100;
    var timer = null;
    var shown = false;

    function text(record, now) {
        var options = record.options || {};
        var elapsed = ((now - record.t) / 1000).toFixed(1);
        var limit = options.methodResponseTimeoutMs ? " of " + options.methodResponseTimeoutMs / 1000 + " s" : "";
        var target = typeof record.target === "string" ? record.target : "instances";
        return "Waiting for " + record.method + " (" + target + "): " + elapsed + " s" + limit;
    }

    function redraw() {
        timer = null;
        if (!document.getElementById(SHARED.PENDING_STATUS) || !window.dash_clientside.set_props) {
            return; // not the Caller, or not rendered yet
        }
        var now = Date.now();
        var pending = window.ioConnectActivity.pending();
        var waiting = pending.filter(function (r) { return now - r.t >= SHARED.PENDING_SHOWN_AFTER_MS; });
        var show = waiting.length > 0;
        if (show || shown) {
            window.dash_clientside.set_props(SHARED.PENDING_STATUS, {
                children: waiting.map(function (r) { return text(r, now); }).join(" · ")
            });
        }
        if (show !== shown) {
            window.dash_clientside.set_props(SHARED.PENDING_BOX, {className: "small text-muted" + (show ? "" : " d-none")});
            shown = show;
        }
        if (pending.length) {
            timer = setTimeout(redraw, REDRAW_MS);
        }
    }

    // The seam's script loads after this one (assets load by file name): subscribe once every script has run.
    document.addEventListener("DOMContentLoaded", function () {
        if (window.ioConnectActivity) {
            window.ioConnectActivity.subscribe(function () {
                if (!timer) {
                    timer = setTimeout(redraw, 0);
                }
            });
        }
    });
})();
