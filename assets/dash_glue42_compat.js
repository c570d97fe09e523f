/*
 * dash_glue42 1.5.0 compatibility layer (Dash 2.x, 3.x and 4.x).
 *
 * Dash loads asset scripts after the component bundles and before the
 * renderer, so replacing components on window.dash_glue42 here takes effect
 * for every render. The exports of that object are getter-only: assigning to
 * them silently does nothing, so the whole object is replaced with a copy.
 *
 * 1. MethodRegister reads `loading_state.prop_name`, which Dash 3+ no longer
 *    passes: it threw and unmounted the whole Glue42 subtree. We pass a
 *    synthetic loading_state that changes exactly when `result` changes,
 *    which is when the component must look for the handler's answer.
 * 2. MethodRegister re-registers its method whenever `definition` or
 *    `setProps` change identity, which Dash 4 does on every render: each
 *    invocation unregistered and re-registered the method, so target "all"
 *    lost servers mid-call. We pass a stable setProps and a definition
 *    memoised by value.
 * 3. MethodInvoke invokes in an effect that depends on `invoke` and
 *    `setProps`. Under Dash 4 setProps changes identity between renders, so
 *    setting `result` re-rendered it and ran the same invocation again: every
 *    server handled each call twice. We pass a stable setProps.
 * 4. Glue42 naming: a client opened with `?name=...` joins the interop bus
 *    under that application name, so several instances of one app have
 *    readable, distinct names ("Sum Server 2", not "Sum Server (x1y2)").
 *    Any other app (one the shell did not open, a user's own) joins under
 *    its served title, or its path: left alone, dash_glue42 names it after
 *    document.title when it connects, often "Updating... (x1y2)".
 * 5. Glue42 platform: the platform's own glue instance is published on
 *    window.glue42dash (glueInstance and glueInstancePromise), as clients
 *    already do, so clientside callbacks in the shell can use it.
 * 6. Leaving: a client tells the platform it is gone on `beforeunload`,
 *    which never fires for an iframe removed from its page. The platform
 *    then kept offering the removed app's methods, and invocations of them
 *    waited out their timeout. We forward `pagehide` as `beforeunload`.
 * 7. Failed handler callbacks: when the Dash callback handling an invocation
 *    fails (HTTP 5xx, server down or restarting), Dash never sets `result`,
 *    and the invocation, with every one queued behind it, waited out
 *    methodResponseTimeoutMs. We answer it at once with an error
 *    (failures are reported by callback_requests.js).
 * 8. Connecting: an embedded client looks for its platform by posting
 *    "platformPing" to its parent from a 1 s setInterval, so the first ping
 *    leaves one second after start-up and every app in the shell sat idle
 *    for up to a second before connecting. We send the same ping every
 *    50 ms from start-up until the client has connected; the platform
 *    answers "platformReady", which the client is already listening for.
 * 9. Results in turn: MethodInvoke sets `result` as each invocation settles.
 *    Dash drops the output of a callback that is triggered again while its
 *    request is out, and merges changes that come before it runs, so a
 *    Python callback on `result` missed results that settled close
 *    together. MethodRegister already hands invocations to its callback one
 *    at a time; we hand results to Dash the same way, each once the server
 *    callbacks on `result` have answered the one before
 *    (callback_requests.js knows when).
 * 10. Opened on its own: a client in a tab of its own (no platform parent or
 *    opener, not in io.Connect Desktop) can never connect. Glue42 still
 *    started glue, which gave up a few seconds later and logged "Cannot
 *    initiate glue, because this window was not opened or created by a glue
 *    client" as a console error. We show Glue42's fallback (with its "Not
 *    connected" notice, callbacks/common.py) and do not start glue there, and say why
 *    in window.ioConnectNotConnected.
 *
 * Observers: the wrappers of MethodInvoke and MethodRegister are the only
 * ones, and others may watch them rather than wrap them again:
 * window.dashGlue42Compat.observe(observer) returns a function that stops
 * it. An observer has any of these hooks; each gets the component's props
 * too. A hook that returns something replaces the value it was given.
 *   invoking(invoke)  MethodInvoke got a new `invoke`, before it passes it on
 *                     (once per value; keep it free of side effects);
 *   invoked(invoke)   MethodInvoke has sent it;
 *   settled(result)   glue settled an invocation: the `result` Dash will get;
 *   arrived(invoke)   MethodRegister got an invocation: the `invoke` Dash will get;
 *   answered(result)  MethodRegister got its handler's `result`.
 * With no observer, nothing changes. The activity seam
 * (dash_glue42_activity.js, loaded after this script) is one.
 */
(function () {
    "use strict";
    var original = window.dash_glue42;
    var React = window.React;
    if (!original || !React || original.__ioConnectCompat) {
        return;
    }
    var h = React.createElement;

    function copyStatics(from, to) {
        ["propTypes", "defaultProps", "displayName"].forEach(function (key) {
            if (from[key] !== undefined) {
                to[key] = from[key];
            }
        });
        return to;
    }

    /* A setProps whose identity never changes, calling the latest `setProps` it was given. */
    function useStableSetProps(setProps) {
        var ref = React.useRef(setProps);
        ref.current = setProps;
        return React.useCallback(function (changes) {
            return ref.current(changes);
        }, []);
    }

    /* Fix 9: a function that hands each result to Dash's setProps in turn. */
    function useResultsInTurn(id, setProps) {
        var queue = React.useRef([]);
        var busy = React.useRef(false);
        var setPropsRef = React.useRef(setProps);
        setPropsRef.current = setProps;
        var next = React.useCallback(function () {
            var requests = window.ioConnectCallbackRequests;
            if (busy.current || !queue.current.length) {
                return;
            }
            var result = queue.current.shift();
            busy.current = true;
            var answered = requests ? requests.expect(id, "result", result.invocationId) : Promise.resolve();
            setPropsRef.current({result: result});
            answered.then(function () {
                busy.current = false;
                next();
            });
        }, [id]);
        return React.useCallback(function (result) {
            queue.current.push(result);
            next();
        }, [next]);
    }

    /* ---- observers ---------------------------------------------------------- */

    var observers = [];

    /* `value` as every observer's `hook` leaves it (an observer that throws is skipped, and said so). */
    function observed(hook, value, props) {
        observers.slice().forEach(function (observer) {
            if (typeof observer[hook] !== "function") {
                return;
            }
            try {
                var replaced = observer[hook](value, props);
                if (replaced !== undefined) {
                    value = replaced;
                }
            } catch (error) {
                console.error(error);
            }
        });
        return value;
    }

    function useLatest(value) {
        var ref = React.useRef(value);
        ref.current = value;
        return ref;
    }

    function StableMethodInvoke(props) {
        var latest = useLatest(props);
        // eslint-disable-next-line react-hooks/exhaustive-deps
        var invoke = React.useMemo(function () { return observed("invoking", props.invoke, props); }, [props.invoke]);
        React.useEffect(function () {
            if (invoke) {
                observed("invoked", invoke, latest.current);
            }
        }, [invoke, latest]);
        var inTurn = useResultsInTurn(props.id, props.setProps);
        var setProps = useStableSetProps(function (changes) {
            if (changes && changes.result) {
                return inTurn(observed("settled", changes.result, latest.current));
            }
            return props.setProps(changes);
        });
        var passed = Object.assign({}, props, {invoke: invoke, setProps: setProps});
        delete passed.result; // MethodInvoke never reads it: a new result need not re-render it
        return h(original.MethodInvoke, passed);
    }

    function handlerFailureMessage(reason) {
        return reason === "unreachable"
            ? "The method's handler could not reach its app server (it may be restarting). Try again."
            : "The method's handler failed on its app server (" + reason + "). Try again.";
    }

    /* Answers this component's invocation with an error when its handler callback fails. */
    function useAnswerFailedHandlers(id, returns, setProps) {
        React.useEffect(function () {
            var failures = window.ioConnectCallbackFailures;
            if (!returns || !failures) {
                return undefined;
            }
            return failures.subscribe(function (request, reason) {
                (request.inputs || []).forEach(function (input) {
                    var invocationId = input && input.value && input.value.invocationId;
                    if (input.id === id && input.property === "invoke" && invocationId) {
                        setProps({result: {invocationId: invocationId, error: {message: handlerFailureMessage(reason)}}});
                    }
                });
            });
        }, [id, returns, setProps]);
    }

    function StableMethodRegister(props) {
        var latest = useLatest(props);
        var setProps = useStableSetProps(function (changes) {
            var invoke = changes && changes.invoke && observed("arrived", changes.invoke, latest.current);
            if (invoke && invoke !== changes.invoke) {
                changes = Object.assign({}, changes, {invoke: invoke});
            }
            return props.setProps(changes);
        });
        React.useEffect(function () {
            if (props.result) {
                observed("answered", props.result, latest.current);
            }
        }, [props.result, latest]);
        useAnswerFailedHandlers(props.id, props.returns, setProps);
        var definitionKey = JSON.stringify(props.definition);
        // eslint-disable-next-line react-hooks/exhaustive-deps
        var definition = React.useMemo(function () { return props.definition; }, [definitionKey]);
        var loadingState = React.useMemo(function () { return {is_loading: false}; }, [props.result]);
        return h(original.MethodRegister, Object.assign({}, props, {
            setProps: setProps,
            definition: definition,
            loading_state: loadingState
        }));
    }

    var MAX_NAME_LENGTH = 80;

    // The title the server sent: this script runs before Dash's renderer, which sets document.title to
    // update_title ("Updating..." by default) while callbacks run. dash_glue42 names an app without a name
    // after document.title at the moment it connects, so that is often what other apps would see.
    var SERVED_TITLE = document.title;

    function readable(name) {
        name = name && name.trim().slice(0, MAX_NAME_LENGTH);
        return name || null;
    }

    function nameGivenByTheShell() {
        return readable(new URLSearchParams(window.location.search).get("name"));
    }

    function titleOrPath() {
        return readable(SERVED_TITLE) || readable(window.location.pathname);
    }

    function publishGlue(glue) {
        var ns = window.glue42dash;
        if (ns && !ns.glueInstance) {
            ns.glueInstance = glue;
            if (typeof ns._resolveGlueInstance === "function") {
                ns._resolveGlueInstance(glue);
            }
        }
    }

    function withReferenceSettings(settings) {
        var copy = JSON.parse(JSON.stringify(settings || {}));
        if (copy.type === "platform") {
            copy.webPlatform = copy.webPlatform || {};
            copy.webPlatform.config = copy.webPlatform.config || {};
            var glueConfig = copy.webPlatform.config.glue = copy.webPlatform.config.glue || {};
            glueConfig.libraries = (glueConfig.libraries || []).concat([publishGlue]);
            return copy;
        }
        // The shell's ?name= first, then a name the app's own settings give, then its title or path.
        copy.web = copy.web || {};
        var config = copy.web.config || {};
        var name = nameGivenByTheShell() || readable(config.application) || titleOrPath();
        copy.web.config = Object.assign({}, config, {application: name});
        return copy;
    }

    var OPENED_ON_ITS_OWN = window.parent === window && !window.opener &&
        typeof window.glue42gd === "undefined" && typeof window.iodesktop === "undefined";

    function ReferenceGlue42(props) {
        var settingsKey = JSON.stringify(props.settings);
        // eslint-disable-next-line react-hooks/exhaustive-deps
        var settings = React.useMemo(function () { return withReferenceSettings(props.settings); }, [settingsKey]);
        if (OPENED_ON_ITS_OWN && settings.type !== "platform") {
            window.ioConnectNotConnected = "opened on its own: no platform to connect to";
            return props.fallback || null;
        }
        return h(original.Glue42, Object.assign({}, props, {settings: settings}));
    }

    function leaveOnPagehide() {
        var told = false;
        window.addEventListener("beforeunload", function () { told = true; });
        window.addEventListener("pagehide", function () {
            if (!told) {
                told = true;
                window.dispatchEvent(new Event("beforeunload"));
            }
        });
    }

    var PING_EVERY_MS = 50;
    var PING_FOR_MS = 10000;

    function pingPlatformUntilConnected() {
        var started = Date.now();
        var timer = setInterval(function () {
            var ns = window.glue42dash;
            if ((ns && ns.glueInstance) || Date.now() - started > PING_FOR_MS) {
                clearInterval(timer);
                return;
            }
            window.parent.postMessage({glue42core: {type: "platformPing"}}, "*");
        }, PING_EVERY_MS);
    }

    if (window.parent !== window) {
        leaveOnPagehide();
        pingPlatformUntilConnected();
    }

    var patched = Object.assign({}, original, {
        MethodRegister: copyStatics(original.MethodRegister, StableMethodRegister),
        MethodInvoke: copyStatics(original.MethodInvoke, StableMethodInvoke),
        Glue42: copyStatics(original.Glue42, ReferenceGlue42),
        __ioConnectCompat: true
    });
    window.dash_glue42 = patched;
    window.dashGlue42Compat = {
        /* Watch MethodInvoke and MethodRegister (the hooks are in this file's header); returns the unsubscribe. */
        observe: function (observer) {
            observers.push(observer);
            return function () {
                var index = observers.indexOf(observer);
                if (index >= 0) {
                    observers.splice(index, 1);
                }
            };
        }
    };
})();
