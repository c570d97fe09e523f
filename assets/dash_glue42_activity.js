/*
 * The interop activity seam: what this page's dash_glue42 components do, recorded as it passes through them.
 *
 * Instrumentation, in the way OpenTelemetry instruments Flask: the app's callbacks stay as the vendor's
 * Interop page writes them, and this script watches the components around them.
 *   - MethodInvoke: when Dash sets `invoke` (the invocation goes out) and when glue settles it (`result`).
 *   - MethodRegister: when an invocation arrives (the component sets `invoke`) and how the handler callback
 *     answered it (`result`, for a returning method; for a void one, what the callback's response updated).
 * Every time is this browser's (ms since the epoch), so latencies are as the caller saw them.
 *
 * What it keeps is this app's interop log window: its latest LOG_KEPT invocations (pending and settled) and
 * the latest LOG_KEPT it handled. It publishes that window in a shared context of this app's own,
 *
 *     LOG_CONTEXT_PREFIX + <its interop instance id>  =  {application, instance, records: [...]}
 *
 * with glue.contexts.set, once its changes pause for LOG_PUBLISH_MS (or LOG_PUBLISH_MAX_MS after the first
 * unpublished one, in a stream of invocations), and never on an invocation's path. The inspector subscribes to every app's context (assets/inspector.js) and merges the records
 * (interop/log.py). Why one context per app, always the whole window: one writer per context, so no app
 * overwrites another's records (three apps creating one shared context at once kept only one app's data),
 * and every write is idempotent, so a write that is coalesced into the next loses nothing.
 *
 * What the seam adds to what the callbacks see, and why:
 *   - an invoke without an `invocationId` (the documentation's invoke callbacks set none) gets one, and
 *     so does a void method's invocation (dash_glue42 gives those `null`): that is how a result or a
 *     handler's answer is matched to its invocation;
 *   - each `MethodInvoke.result` carries `sent` {args, target, options}, what its invocation was sent with,
 *     and `timing` {invokedAt, settledAt}: a result callback needs no store to know what it answers.
 *
 * It wraps nothing: it observes the compat layer's wrappers (window.dashGlue42Compat.observe, in
 * dash_glue42_compat.js), so each component is wrapped once, and it loads after that script (registry.py
 * lists each app's scripts). It sees glue's result the moment it settles, before the compat layer hands
 * results to Dash one at a time. Without the compat layer (DASH_GLUE42_COMPAT off) it records nothing.
 *
 * window.ioConnectActivity: records(), pending(), subscribe(listener), contextName(instance); the Caller's
 * pending status (assets/caller.js) and the browser tests read it.
 */
(function () {
    "use strict";
    if (window.ioConnectActivity) {
        return;
    }
    var SHARED = window.ioConnectShared; // ids and limits, from ids.py (assets/_shared.js)
    var KEPT = SHARED.LOG_KEPT;
    var TEXT_LIMIT = SHARED.LOG_TEXT_LIMIT;
    var DEFAULT_RESPONSE_MS = 30000; // MethodRegister's methodResponseTimeoutMs when none is given

    var invoked = []; // this app's invocations, newest first
    var handled = []; // the invocations this app's handlers ran, newest first
    var listeners = [];
    var published = 0; // windows written to the log context, for the tests
    var publishTimer = null;
    var unpublishedSince = 0; // when the oldest change not yet published came (0: none)
    var sequence = 0;

    function newId() {
        sequence += 1;
        return "a" + Date.now().toString(36) + "-" + sequence + "-" + Math.random().toString(36).slice(2, 8);
    }

    function clip(text) {
        text = text === undefined || text === null ? "" : String(text);
        return text.length <= TEXT_LIMIT ? text : text.slice(0, TEXT_LIMIT - 1) + "…";
    }

    /* Compact JSON, clipped: how a record carries arguments and answers (interop.log.args_text reads the same). */
    function json(value) {
        try {
            return clip(JSON.stringify(value === undefined ? null : value));
        } catch (error) {
            return clip(String(value));
        }
    }

    function methodName(definition) {
        return definition && typeof definition === "object" ? definition.name : definition;
    }

    /* ---- the window and its publishing ---------------------------------- */

    function trim(list) {
        var settled = 0;
        for (var i = 0; i < list.length; i++) {
            if (!list[i].pending && ++settled > KEPT) {
                list.splice(i, 1);
                i -= 1;
            }
        }
    }

    function changed() {
        trim(invoked);
        trim(handled);
        listeners.slice().forEach(function (listener) {
            try {
                listener();
            } catch (error) {
                console.error(error);
            }
        });
        // Once the changes pause (ids.LOG_PUBLISH_MS), or at the latest LOG_PUBLISH_MAX_MS after the first one
        // not yet published: a stream of invocations is published about once a second, not after each one.
        var now = Date.now();
        unpublishedSince = unpublishedSince || now;
        clearTimeout(publishTimer);
        publishTimer = setTimeout(publish, Math.max(0, Math.min(
            now + SHARED.LOG_PUBLISH_MS, unpublishedSince + SHARED.LOG_PUBLISH_MAX_MS) - now));
    }

    /* Context names cannot be chosen freely in every io.Connect: keep the id to safe characters. */
    function contextName(instance) {
        return SHARED.LOG_CONTEXT_PREFIX + String(instance).replace(/[^A-Za-z0-9_-]/g, "_");
    }

    function records() {
        return invoked.concat(handled).map(function (record) { return Object.assign({}, record); });
    }

    function publish() {
        publishTimer = null;
        var glue = window.glue42dash && window.glue42dash.glueInstance;
        if (!glue) {
            publishTimer = setTimeout(publish, SHARED.LOG_PUBLISH_MS); // not connected yet
            return;
        }
        unpublishedSince = 0;
        var me = glue.interop.instance;
        var data = {application: me.application, instance: me.instance, records: records()};
        Promise.resolve(glue.contexts.set(contextName(me.instance), data)).then(function () {
            published += 1;
        }, function (error) {
            console.warn("The interop log could not be published:", error);
        });
    }

    /* ---- MethodInvoke: the caller's side ---------------------------------- */

    function serverOutcomes(invocationResult, error) {
        var answers = (invocationResult && invocationResult.all_return_values) || [];
        var failures = (invocationResult && invocationResult.all_errors) || (error && error.all_errors) || [];
        return answers.map(function (a) { return [a, true]; }).concat(failures.map(function (f) { return [f, false]; }))
            .filter(function (pair) { return pair[0] && typeof pair[0] === "object"; })
            .map(function (pair) {
                var server = pair[0].executed_by || {};
                return {application: server.application || null, instance: server.instance || null, ok: pair[1],
                    outcome: pair[1] ? json(pair[0].returned) : clip(pair[0].message)};
            });
    }

    function invocationOut(invoke) {
        var record = {
            kind: "invoked",
            id: String(invoke.invocationId),
            t: Date.now(),
            method: methodName(invoke.definition),
            target: invoke.target === undefined ? "best" : invoke.target,
            args: json(invoke.argumentObj),
            options: invoke.options || null,
            latency_ms: null,
            pending: true,
            error: null,
            servers: []
        };
        invoked.unshift(record);
        changed();
        return record;
    }

    function invocationSettled(record, result) {
        var error = result.error;
        record.pending = false;
        record.latency_ms = Date.now() - record.t;
        record.error = error ? clip(error.message || JSON.stringify(error)) : null;
        record.servers = serverOutcomes(result.invocationResult, error);
        changed();
    }

    /* An invoke object with an invocationId; the same object while `invoke` is (MethodInvoke's effect runs on it). */
    function withInvocationId(invoke) {
        if (!invoke || typeof invoke !== "object" || invoke.invocationId) {
            return invoke;
        }
        return Object.assign({}, invoke, {invocationId: newId()});
    }

    /* A component's own invocation: ids are only unique per component (a callback may choose its own). */
    function key(props, invocationId) {
        return JSON.stringify([props.id, invocationId]);
    }

    var out = {}; // key -> {record, sent}: invocations gone out and not settled

    var invokeObserver = {
        invoking: withInvocationId,
        invoked: function (invoke, props) {
            if (typeof invoke === "object" && invoke.definition) {
                out[key(props, invoke.invocationId)] = {
                    record: invocationOut(invoke),
                    sent: {args: invoke.argumentObj, target: invoke.target, options: invoke.options}
                };
            }
        },
        /* The result carries what its invocation was sent with, and when it went and settled. */
        settled: function (result, props) {
            var invocation = out[key(props, result.invocationId)];
            if (!invocation) {
                return undefined;
            }
            delete out[key(props, result.invocationId)];
            invocationSettled(invocation.record, result);
            var timing = {invokedAt: invocation.record.t, settledAt: invocation.record.t + invocation.record.latency_ms};
            return Object.assign({}, result, {sent: invocation.sent, timing: timing});
        }
    };

    /* ---- MethodRegister: the server's side -------------------------------- */

    function invocationArrived(method, invoke) {
        var record = {
            kind: "handled",
            id: String(invoke.invocationId),
            t: Date.now(),
            method: method,
            caller: window.ioConnectAppName(invoke.caller), // assets/app_names.js
            caller_instance: (invoke.caller && invoke.caller.instance) || "",
            args: json(invoke.args),
            outcome: "",
            ok: true,
            pending: true,
            handler_ms: null
        };
        handled.unshift(record);
        changed();
        return record;
    }

    function invocationAnswered(record, ok, outcome) {
        record.pending = false;
        record.ok = ok;
        record.outcome = clip(outcome);
        record.handler_ms = Date.now() - record.t;
        changed();
    }

    /*
     * A void method is answered at once; what its handler callback did shows only in the callback's
     * response, which callback_requests.js reads: "shown" when it updated the callback's first Output
     * (the documented one), "refused" when it did not, and why it never ran when it did not.
     */
    function voidOutcome(answer) {
        if (answer.reason === "no-handler") {
            return [false, "no handler callback"];
        }
        if (answer.reason === "never-sent") {
            return [false, "not handled: Dash merged it into a later invocation"];
        }
        var failed = answer.responses.filter(function (r) { return r.failure; })[0];
        if (failed) {
            return [false, "handler failed (" + failed.failure + ")"];
        }
        var shown = answer.responses.some(function (r) { return r.firstOutputUpdated; });
        return shown ? [true, "shown"] : [false, "refused"];
    }

    var waiting = {}; // key -> record: invocations of a returning method, until its handler answers

    var registerObserver = {
        arrived: function (invoke, props) {
            if (!invoke.invocationId) {
                invoke = Object.assign({}, invoke, {invocationId: newId()});
            }
            var record = invocationArrived(methodName(props.definition), invoke);
            if (props.returns) {
                var k = key(props, invoke.invocationId);
                waiting[k] = record;
                // dash_glue42 drops an invocation its handler did not answer in time, and says nothing.
                var limit = Number(props.methodResponseTimeoutMs) > 0 ? Number(props.methodResponseTimeoutMs) : DEFAULT_RESPONSE_MS;
                setTimeout(function () {
                    if (waiting[k] === record) {
                        delete waiting[k];
                        invocationAnswered(record, false, "no answer from the handler within " + limit + " ms");
                    }
                }, limit);
            } else {
                var requests = window.ioConnectCallbackRequests;
                var answered = requests ? requests.expect(props.id, "invoke", invoke.invocationId)
                    : Promise.resolve({reason: "no-handler", responses: []});
                answered.then(function (answer) {
                    invocationAnswered.apply(null, [record].concat(voidOutcome(answer)));
                });
            }
            return invoke;
        },
        answered: function (result, props) {
            var k = key(props, result.invocationId);
            var record = waiting[k];
            if (record) {
                delete waiting[k];
                var error = result.error;
                invocationAnswered(record, !error, error ? error.message || json(error) : json(result.invocationResult));
            }
        }
    };

    window.ioConnectActivity = {
        records: records,
        pending: function () {
            return invoked.filter(function (r) { return r.pending; }).map(function (r) { return Object.assign({}, r); });
        },
        published: function () { return published; },
        subscribers: function () { return listeners.length; }, // for the tests: who in this page watches the log
        /* listener() after every change; returns the unsubscribe function. */
        subscribe: function (listener) {
            listeners.push(listener);
            return function () {
                listeners.splice(listeners.indexOf(listener), 1);
            };
        },
        contextName: contextName
    };

    var compat = window.dashGlue42Compat; // assets/dash_glue42_compat.js
    if (compat && window.dash_glue42) {
        compat.observe(invokeObserver);
        compat.observe(registerObserver);
        // `result` also carries `sent` and `timing`, which the exact propTypes would refuse in debug mode.
        var MethodInvoke = window.dash_glue42.MethodInvoke;
        if (MethodInvoke.propTypes && window.PropTypes) {
            MethodInvoke.propTypes = Object.assign({}, MethodInvoke.propTypes, {result: window.PropTypes.object});
        }
    }
})();
