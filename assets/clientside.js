/*
 * Clientside callbacks. They run in the page because they need the page's
 * glue instance (window.glue42dash.glueInstance) or must tick without
 * calling the server.
 */
(function () {
    "use strict";

    function glue() {
        return window.glue42dash && window.glue42dash.glueInstance;
    }

    var watchingConnections = false;

    var SHARED = window.ioConnectShared; // ids and limits, from ids.py (assets/_shared.js)

    // Caller: the tick that first saw each pending invocation. It shows from the next tick on,
    // so an invocation answered within one tick (SHARED.SYNC_MS) never flashes.
    var firstSeen = {};
    var pendingShown = false;

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        ioconnect: {
            /* Server: the handled-invocations list, newest first; each entry's line is made in Python. */
            showHandled: function (ticks, entries) {
                return (entries || []).map(function (entry) { return entry.line; }).join("\n");
            },

            /* Client apps: the application name this instance has on the interop bus. */
            instanceName: function (glueReady) {
                var g = glue();
                if (!glueReady || !g) {
                    return "connecting…";
                }
                return g.interop.instance.application;
            },

            /*
             * Clients: hide "Connecting…" and show "Not connected" when glue cannot connect:
             * at once when this page is clearly standalone, else when the timer runs out.
             */
            connectState: function (ticks, lastTick) {
                var inDesktop = typeof window.glue42gd !== "undefined" || typeof window.iodesktop !== "undefined";
                var standalone = window.parent === window && !window.opener && !inDesktop;
                if (standalone || (ticks || 0) >= lastTick) {
                    return ["d-none", true];
                }
                return [window.dash_clientside.no_update, false];
            },

            /*
             * Caller: "Waiting for Sum (all): 1.2 s of 10 s" for each invocation without a result, on the
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
            },

            /*
             * Guide: copy a code listing to the clipboard; its button says whether that worked.
             * The Clipboard API needs a secure context (localhost counts); elsewhere, select and copy.
             */
            copyListing: function (clicks, buttonId) {
                var block = document.getElementById(SHARED.CODE_BLOCK_PREFIX + buttonId.listing);
                var say = function (label) {
                    window.dash_clientside.set_props(buttonId, {children: label});
                    setTimeout(function () { window.dash_clientside.set_props(buttonId, {children: "Copy"}); }, 2000);
                };
                if (!block) {
                    return window.dash_clientside.no_update;
                }
                if (navigator.clipboard && window.isSecureContext) {
                    navigator.clipboard.writeText(block.innerText).then(
                        function () { say("Copied"); },
                        function () { say("Copy failed"); }
                    );
                    return window.dash_clientside.no_update;
                }
                window.getSelection().selectAllChildren(block);
                return document.execCommand("copy") ? "Copied" : "Press Ctrl+C";
            },

            /* Shell: the document title of the page shown (tabs and history show it). */
            pageTitle: function (title) {
                if (title) {
                    document.title = title;
                }
                return window.dash_clientside.no_update;
            },

            /* Shell: keep the connected-apps store in step with the platform's interop servers. */
            watchConnections: function (glueReady) {
                var g = glue();
                if (!glueReady || !g || watchingConnections) {
                    return window.dash_clientside.no_update;
                }
                watchingConnections = true;
                var publish = function () {
                    var names = g.interop.servers().map(function (s) { return s.application; });
                    window.dash_clientside.set_props(SHARED.CONNECTED_STORE, {data: names});
                };
                g.interop.serverAdded(publish);
                g.interop.serverRemoved(function () { setTimeout(publish, 0); });
                publish();
                return "watching";
            },

            /* Shell: the badge of one embedded app, from the connected-apps store. */
            frameStatus: function (connected, badgeId, frames, pageFrames) {
                if (!badgeId) { // a badge just removed: Dash 4 still runs its MATCH callback once, without it
                    throw window.dash_clientside.PreventUpdate;
                }
                var all = (frames || []).concat(pageFrames || []); // the workspace's, and a guide page's
                var frame = all.find(function (f) { return f.key === badgeId.frame; });
                var up = Boolean(frame) && (connected || []).indexOf(frame.name) >= 0;
                return up ? ["connected", "success"] : ["connecting…", "secondary"];
            }
        }
    });
})();
