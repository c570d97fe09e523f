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
 * with glue.contexts.set, LOG_PUBLISH_MS after a change at the most often, and never on an invocation's
 * path. The inspector subscribes to every app's context (assets/inspector.js) and merges the records
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
 * It loads before dash_glue42_compat.js (assets load by file name), so the compat layer wraps these
 * wrappers: the seam sees glue's result the moment it settles, before the compat layer hands results to
 * Dash one at a time.
 *
 * window.ioConnectActivity: records(), pending(), subscribe(listener), contextName(instance); the Caller's
 * pending status (assets/caller.js) and the browser tests read it.
 */
(function () {
    "use strict";
    var original = window.dash_glue42;
    var React = window.React;
    if (!original || !React || original.__ioConnectActivity) {
        return;
    }
    var h = React.createElement;
    var SHARED = window.ioConnectShared; // ids and limits, from ids.py (assets/_shared.js)
    var KEPT = SHARED.LOG_KEPT;
    var TEXT_LIMIT = SHARED.LOG_TEXT_LIMIT;
    var DEFAULT_RESPONSE_MS = 30000; // MethodRegister's methodResponseTimeoutMs when none is given

    var invoked = []; // this app's invocations, newest first
    var handled = []; // the invocations this app's handlers ran, newest first
    var listeners = [];
    var published = 0; // windows written to the log context, for the tests
    var publishTimer = null;
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

    function appName(instance) {
        if (!instance || typeof instance !== "object") {
            return "unknown app";
        }
        return instance.application || instance.applicationName || instance.instance || "unknown app";
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
        if (!publishTimer) {
            publishTimer = setTimeout(publish, SHARED.LOG_PUBLISH_MS);
        }
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

    function ObservedMethodInvoke(props) {
        var invoke = React.useMemo(function () { return withInvocationId(props.invoke); }, [props.invoke]);
        var out = React.useRef({}); // invocationId -> {record, sent}
        React.useEffect(function () {
            if (invoke && typeof invoke === "object" && invoke.definition) {
                out.current[invoke.invocationId] = {
                    record: invocationOut(invoke),
                    sent: {args: invoke.argumentObj, target: invoke.target, options: invoke.options}
                };
            }
        }, [invoke]);
        var setPropsRef = React.useRef(props.setProps);
        setPropsRef.current = props.setProps;
        var setProps = React.useCallback(function (changes) {
            var result = changes && changes.result;
            var invocation = result && out.current[result.invocationId];
            if (!invocation) {
                return setPropsRef.current(changes);
            }
            delete out.current[result.invocationId];
            invocationSettled(invocation.record, result);
            var timing = {invokedAt: invocation.record.t, settledAt: invocation.record.t + invocation.record.latency_ms};
            return setPropsRef.current(Object.assign({}, changes, {
                result: Object.assign({}, result, {sent: invocation.sent, timing: timing})
            }));
        }, []);
        return h(original.MethodInvoke, Object.assign({}, props, {invoke: invoke, setProps: setProps}));
    }

    /* ---- MethodRegister: the server's side -------------------------------- */

    function invocationArrived(method, invoke) {
        var record = {
            kind: "handled",
            id: String(invoke.invocationId),
            t: Date.now(),
            method: method,
            caller: appName(invoke.caller),
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

    function ObservedMethodRegister(props) {
        var latest = React.useRef(props);
        latest.current = props;
        var waiting = React.useRef({}); // invocationId -> record, for a returning method
        var setProps = React.useCallback(function (changes) {
            var p = latest.current;
            if (!changes || !changes.invoke) {
                return p.setProps(changes);
            }
            var invoke = changes.invoke;
            if (!invoke.invocationId) {
                invoke = Object.assign({}, invoke, {invocationId: newId()});
            }
            var record = invocationArrived(methodName(p.definition), invoke);
            if (p.returns) {
                waiting.current[invoke.invocationId] = record;
                // dash_glue42 drops an invocation its handler did not answer in time, and says nothing.
                var limit = Number(p.methodResponseTimeoutMs) > 0 ? Number(p.methodResponseTimeoutMs) : DEFAULT_RESPONSE_MS;
                setTimeout(function () {
                    if (waiting.current[invoke.invocationId] === record) {
                        delete waiting.current[invoke.invocationId];
                        invocationAnswered(record, false, "no answer from the handler within " + limit + " ms");
                    }
                }, limit);
            } else {
                var requests = window.ioConnectCallbackRequests;
                var answered = requests ? requests.expect(p.id, "invoke", invoke.invocationId)
                    : Promise.resolve({reason: "no-handler", responses: []});
                answered.then(function (answer) {
                    invocationAnswered.apply(null, [record].concat(voidOutcome(answer)));
                });
            }
            return p.setProps(Object.assign({}, changes, {invoke: invoke}));
        }, []);
        var result = props.result;
        React.useEffect(function () {
            var record = result && waiting.current[result.invocationId];
            if (record) {
                delete waiting.current[result.invocationId];
                var error = result.error;
                invocationAnswered(record, !error, error ? error.message || json(error) : json(result.invocationResult));
            }
        }, [result]);
        return h(original.MethodRegister, Object.assign({}, props, {setProps: setProps}));
    }

    /* ---- in place of dash_glue42's components ----------------------------- */

    function copyStatics(from, to) {
        ["propTypes", "defaultProps", "displayName"].forEach(function (key) {
            if (from[key] !== undefined) {
                to[key] = from[key];
            }
        });
        return to;
    }

    /* `result` also carries `sent` and `timing`, which the exact propTypes would refuse in debug mode. */
    function withAnnotatedResult(component) {
        if (component.propTypes && window.PropTypes) {
            component.propTypes = Object.assign({}, component.propTypes, {result: window.PropTypes.object});
        }
        return component;
    }

    window.ioConnectActivity = {
        records: records,
        pending: function () {
            return invoked.filter(function (r) { return r.pending; }).map(function (r) { return Object.assign({}, r); });
        },
        published: function () { return published; },
        /* listener() after every change; returns the unsubscribe function. */
        subscribe: function (listener) {
            listeners.push(listener);
            return function () {
                listeners.splice(listeners.indexOf(listener), 1);
            };
        },
        contextName: contextName
    };

    // The exports of window.dash_glue42 are getter-only: the object is replaced with a copy.
    window.dash_glue42 = Object.assign({}, original, {
        MethodInvoke: withAnnotatedResult(copyStatics(original.MethodInvoke, ObservedMethodInvoke)),
        MethodRegister: copyStatics(original.MethodRegister, ObservedMethodRegister),
        __ioConnectActivity: true
    });
})();
