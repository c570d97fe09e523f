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

    // Elapsed time of each pending invocation, measured from when this page saw it.
    var firstSeen = {};
    var sequence = 0;
    var watchingConnections = false;
    var MAX_KEPT = 200; // invocations the caller remembers (results: RESULTS_KEPT)
    var MAX_TIMEOUT_MS = 300000;
    var TARGETS = ["best", "all", "skipMine"];
    var BAD_TIMEOUT = "Timeouts must be whole numbers of milliseconds, from 0 to 300,000 " +
        "(methodResponseTimeoutMs at least 1).";

    function keepNewest(byId, limit) {
        var keys = Object.keys(byId); // insertion order: oldest first
        keys.slice(0, Math.max(0, keys.length - limit)).forEach(function (k) { delete byId[k]; });
        return byId;
    }

    function isTimeout(value, min) {
        return typeof value === "number" && Number.isInteger(value) && value >= min && value <= MAX_TIMEOUT_MS;
    }

    function newInvocationId() {
        return (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID()
            : Date.now().toString(36) + Math.random().toString(36).slice(2);
    }

    var INVOKERS = {Sum: "io-connect-invoke-sum", SendMessage: "io-connect-invoke-send-message"};
    var RESULTS = "invocation-results";

    /*
     * Caller: keep every MethodInvoke result, by invocationId, and write them
     * all to the results store. The compat script announces each result as an
     * event; a callback on `result` would miss results Dash merged.
     */
    var results = {}; // invocationId -> {method, args, target, options, seq, result}
    var issuedById = {}; // what this page sent, by invocationId (bounded like the issued store)
    var settled = {}; // invocationId -> true once its result arrived (bounded like the issued store)
    var pendingShown = false;
    var ticking = false;
    var PENDING_SHOWN_AFTER_MS = 200;
    var RESULTS_KEPT = 50; // the caller shows the latest 50 (callbacks/caller.py HISTORY_LENGTH)

    /*
     * The parts of a result interop/results.py and the interop log (instance
     * ids, arrival time) read, in the same shape. A full
     * InvocationResult repeats both peers' identities several times (~2 kB);
     * sending 100 of those with every render callback slowed the whole app.
     */
    function lean(result) {
        var app = function (instance) {
            return {application: instance && instance.application, instance: instance && instance.instance};
        };
        var perServer = function (entry) {
            return {executed_by: app(entry.executed_by), returned: entry.returned, message: entry.message};
        };
        var error = result.error && {
            message: result.error.message,
            all_errors: (result.error.all_errors || []).map(perServer)
        };
        var ir = result.invocationResult;
        return {
            invocationId: result.invocationId,
            at: Date.now(), // when it came: the interop log's latency (assets/interop_log.js)
            error: error || null,
            invocationResult: ir ? {
                returned: ir.returned,
                executed_by: app(ir.executed_by),
                all_return_values: (ir.all_return_values || []).map(perServer),
                all_errors: (ir.all_errors || []).map(perServer)
            } : null
        };
    }

    window.addEventListener("dash_glue42:result", function (event) {
        var result = event.detail.result;
        var known = Object.keys(INVOKERS).some(function (m) { return INVOKERS[m] === event.detail.id; });
        var invocation = result && issuedById[result.invocationId];
        if (!known || !invocation) {
            return;
        }
        results[result.invocationId] = Object.assign({}, invocation, {result: lean(result)});
        keepNewest(results, RESULTS_KEPT);
        settled[result.invocationId] = true;
        keepNewest(settled, MAX_KEPT);
        window.dash_clientside.set_props(RESULTS, {data: Object.values(results)});
    });

    var handledClicks = {Sum: 0, SendMessage: 0};
    var problemShown = false;

    /* The problem text, or no_update when it would not change (each update re-renders). */
    function problemText(text) {
        if (!text && !problemShown) {
            return window.dash_clientside.no_update;
        }
        problemShown = Boolean(text);
        return text;
    }
    var queue = [];

    /*
     * Dash merges triggers of a callback that arrive before it runs, so a
     * burst of clicks can reach us as one call with n_clicks up by several.
     * Each click owed becomes one invocation, and the queue hands them to
     * MethodInvoke one per task, so React renders (and invokes) each one.
     */
    function drain() {
        var next = queue.shift();
        if (!next) {
            return;
        }
        window.dash_clientside.set_props(INVOKERS[next.definition.name], {invoke: next});
        if (queue.length) {
            setTimeout(drain, 0);
        }
    }

    /* [MethodInvoke.invoke, issued store, problem text] for the clicks not yet handled. */
    function invoke(method, clicks, argumentObj, target, responseTimeout, waitTimeout, issued) {
        var noUpdate = window.dash_clientside.no_update;
        var owed = Math.max(1, (clicks || 0) - handledClicks[method]);
        handledClicks[method] = Math.max(clicks || 0, handledClicks[method]);
        if (!isTimeout(responseTimeout, 1) || !isTimeout(waitTimeout, 0)) {
            return [noUpdate, noUpdate, problemText(BAD_TIMEOUT)];
        }
        var options = {methodResponseTimeoutMs: responseTimeout, waitTimeoutMs: waitTimeout};
        var next = Object.assign({}, issued);
        var requests = [];
        for (var i = 0; i < owed; i++) {
            var request = {
                invocationId: newInvocationId(),
                definition: {name: method},
                argumentObj: argumentObj,
                target: TARGETS.indexOf(target) >= 0 ? target : "best",
                options: options
            };
            sequence += 1;
            next[request.invocationId] = issuedById[request.invocationId] = {method: method, args: argumentObj,
                target: request.target, options: options, seq: sequence, at: Date.now()};
            requests.push(request);
        }
        var wasIdle = queue.length === 0;
        keepNewest(issuedById, MAX_KEPT);
        queue.push.apply(queue, requests.slice(1));
        if (wasIdle && queue.length) {
            setTimeout(drain, 0);
        }
        return [requests[0], keepNewest(next, MAX_KEPT), problemText("")];
    }

    /*
     * Server: the handled list, written at once when it has been quiet for
     * HANDLED_LIST_MS, else at most that often. Under a burst, re-rendering
     * the list for every invocation held up the answers (about a sixth fewer
     * invocations per second, bench/README "Performance").
     */
    var HANDLED_LIST = "handled-invocations";
    var HANDLED_LIST_MS = 100;
    var handledText = "";
    var handledTimer = null;
    var handledWrittenAt = 0;

    function writeHandledList() {
        handledTimer = null;
        handledWrittenAt = Date.now();
        window.dash_clientside.set_props(HANDLED_LIST, {children: handledText});
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        ioconnect: {
            /* Server: the handled-invocations list, newest first; each entry's line is made in Python. */
            showHandled: function (entries) {
                handledText = (entries || []).map(function (entry) { return entry.line; }).join("\n");
                var quietFor = Date.now() - handledWrittenAt;
                if (!handledTimer && quietFor >= HANDLED_LIST_MS) {
                    handledWrittenAt = Date.now();
                    return handledText;
                }
                if (!handledTimer) {
                    handledTimer = setTimeout(writeHandledList, HANDLED_LIST_MS - quietFor);
                }
                return window.dash_clientside.no_update;
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

            /* Caller: make a Sum invocation (see callbacks/caller.py for why this is clientside). */
            invokeSum: function (clicks, a, b, target, responseTimeout, waitTimeout, issued) {
                return invoke("Sum", clicks, {a: a, b: b}, target, responseTimeout, waitTimeout, issued);
            },

            /* Caller: make a SendMessage invocation. */
            invokeSendMessage: function (clicks, message, maxLength, target, responseTimeout, waitTimeout, issued) {
                var noUpdate = window.dash_clientside.no_update;
                if ((message || "").length > maxLength) {
                    handledClicks.SendMessage = clicks || 0;
                    return [noUpdate, noUpdate, problemText("Messages are limited to " +
                        maxLength.toLocaleString("en") + " characters; this one has " +
                        message.length.toLocaleString("en") + ". Nothing was sent.")];
                }
                var args = {message: message || ""};
                return invoke("SendMessage", clicks, args, target, responseTimeout, waitTimeout, issued);
            },

            /*
             * Caller: "Waiting for Sum (all): 1.2 s of 10 s" for each invocation without a result.
             * Shown from the first tick (250 ms) on, so a fast answer changes nothing on the
             * page but the ticker: this runs on every invocation and every result.
             */
            pendingStatus: function (issued) {
                var noUpdate = window.dash_clientside.no_update;
                var now = Date.now();
                var pending = Object.keys(issued || {}).filter(function (id) { return !settled[id]; });
                Object.keys(firstSeen).forEach(function (id) {
                    if (pending.indexOf(id) < 0) {
                        delete firstSeen[id];
                    }
                });
                pending.forEach(function (id) { firstSeen[id] = firstSeen[id] || now; });
                var show = pending.some(function (id) { return now - firstSeen[id] >= PENDING_SHOWN_AFTER_MS; });
                var outputs = [noUpdate, noUpdate, noUpdate];
                if (show) {
                    outputs[0] = pending.map(function (id) {
                        var p = issued[id];
                        var elapsed = ((now - firstSeen[id]) / 1000).toFixed(1);
                        var limit = p.options.methodResponseTimeoutMs / 1000;
                        return "Waiting for " + p.method + " (" + p.target + "): " + elapsed + " s of " + limit + " s";
                    }).join(" · ");
                }
                if (show !== pendingShown) {
                    outputs[1] = show ? "small text-muted" : "small text-muted d-none";
                    outputs[0] = show ? outputs[0] : "";
                }
                if ((pending.length > 0) !== ticking) {
                    outputs[2] = !pending.length;
                }
                pendingShown = show;
                ticking = pending.length > 0;
                return outputs;
            },

            /*
             * Guide: copy a code listing to the clipboard; its button says whether that worked.
             * The Clipboard API needs a secure context (localhost counts); elsewhere, select and copy.
             */
            copyListing: function (clicks, buttonId) {
                var block = document.getElementById("guide-code-" + buttonId.listing); // ids.code_block
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
                    window.dash_clientside.set_props("connected-apps", {data: names});
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
