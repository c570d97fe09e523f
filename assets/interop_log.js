/*
 * The interop log, writing side: every client app publishes its recent
 * invocation records through io.Connect, in a shared context of its own,
 *
 *     LOG_CONTEXT_PREFIX + <its interop instance id>   (ids.py)
 *         = {application, instance, records: [...]}
 *
 * with dash_glue42's Contexts component (`set`). Servers publish a "handled"
 * record for every invocation their handler callback ran (the entries of
 * their handled-invocations store, made in Python); callers publish an
 * "invoked" record for every invocation they made (target, arguments,
 * latency as they saw it, each server's answer). The inspector subscribes to
 * the context of every interop instance it sees (assets/inspector.js) and
 * merges the records (interop/log.py).
 *
 * Why one context per app, always replaced with the app's whole recent
 * window (measured, see README "Inspector"):
 *   - one writer per context: no app can overwrite another's records. Three
 *     apps creating one shared context at the same moment kept only one
 *     app's data; contexts.update() calls racing each other were applied out
 *     of order;
 *   - the whole window each time: every write is idempotent, so a write Dash
 *     merges into the next (or React batches) loses nothing; the next one
 *     carries those records again. That also lets an app write at most once
 *     a tick (ids.SYNC_MS): a burst of 40 invocations costs a few writes, not 120.
 */
(function () {
    "use strict";

    var SHARED = window.ioConnectShared; // ids and limits, from ids.py (assets/_shared.js)
    var KEPT = SHARED.LOG_KEPT; // records of each kind in an app's window
    var TEXT_LIMIT = SHARED.LOG_TEXT_LIMIT; // characters of args or outcome in a record
    var STAMPS_KEPT = 200;

    // When this page first saw each handled record (ms since the epoch): the
    // records come from Python, and all times in the log are browser times.
    var stamps = {};

    function glue() {
        return window.glue42dash && window.glue42dash.glueInstance;
    }

    function clip(text) {
        text = text === undefined || text === null ? "" : String(text);
        return text.length <= TEXT_LIMIT ? text : text.slice(0, TEXT_LIMIT - 1) + "…";
    }

    function stamp(id) {
        if (!stamps[id]) {
            stamps[id] = Date.now();
            var keys = Object.keys(stamps);
            keys.slice(0, Math.max(0, keys.length - STAMPS_KEPT)).forEach(function (k) { delete stamps[k]; });
        }
        return stamps[id];
    }

    /* Context names cannot be chosen freely in every io.Connect: keep the id to safe characters. */
    function contextName(instance) {
        return SHARED.LOG_CONTEXT_PREFIX + String(instance).replace(/[^A-Za-z0-9_-]/g, "_");
    }

    /* Handled records from a server's handled-invocations store (entries made by callbacks/server.py). */
    function handledRecords(entries) {
        return (entries || []).filter(function (e) { return e && e.id; }).slice(0, KEPT).map(function (e) {
            return {
                kind: "handled",
                id: e.id,
                t: stamp(e.id),
                method: e.method,
                caller: e.caller,
                caller_instance: e.caller_instance || "",
                args: clip(e.args_text),
                outcome: clip(e.outcome),
                ok: e.ok !== false
            };
        });
    }

    /*
     * An invoked record, made in Python (interop.log.invoked_record) by the
     * app's invoke and result callbacks. A settled one carries the time its
     * invocation went out, stamped in the page by the compat script; a
     * pending one gets the time this page first saw it.
     */
    function timed(record) {
        return record.t ? record : Object.assign({}, record, {t: stamp(record.id)});
    }

    function newest(records) {
        return records.sort(function (a, b) { return (b.t || 0) - (a.t || 0); }).slice(0, KEPT);
    }

    /*
     * [the Contexts component's `set`, whether the tick stops]: this app's
     * log context replaced with `records`. The page publishes on the ticks
     * of ids.SYNC_TICK, which a Python callback starts when it changed a
     * store: at most every 150 ms, each time the whole window.
     */
    function publish(records, keepTicking) {
        var g = glue();
        if (!g) {
            return [window.dash_clientside.no_update, false]; // not connected yet: try on the next tick
        }
        var me = g.interop.instance;
        var set = {name: contextName(me.instance), data: {application: me.application, instance: me.instance,
            records: records}};
        return [set, !keepTicking];
    }

    window.ioConnectLog = {contextName: contextName};

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        ioconnectLog: {
            /* Server: publish the handled records. */
            publishServer: function (ticks, handled) {
                return publish(handledRecords(handled), false);
            },

            /*
             * Caller: its invocations (settled, then pending) and what it handled itself. It ticks while
             * any is pending, but not past the invocation's own timeouts: glue settles every invocation by
             * then, so one still pending lost its result callback (the app server was down).
             */
            publishCaller: function (ticks, handled, settled, pending) {
                var waiting = Object.keys(pending || {}).map(function (id) { return pending[id]; });
                var invoked = (settled || []).concat(waiting.map(function (p) { return p.record; }));
                var records = newest(invoked.filter(Boolean).map(timed)).concat(handledRecords(handled));
                var now = Date.now();
                var live = waiting.some(function (p) {
                    var o = p.options || {};
                    return p.record && now - stamp(p.record.id) < o.methodResponseTimeoutMs + o.waitTimeoutMs + 5000;
                });
                return publish(records, live);
            },

            /* Inspector: publish its ad-hoc invocations (each history entry carries its record). */
            publishInspector: function (ticks, history) {
                var invoked = Object.keys(history || {}).map(function (id) { return history[id].record; });
                return publish(newest(invoked.filter(Boolean).map(timed)), false);
            }
        }
    });
})();
