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
 *    server handled each call twice. We pass a stable setProps. It also
 *    announces every result as a "dash_glue42:result" window event
 *    ({id, result}): results arriving close together are merged by Dash
 *    before a callback on `result` runs, so a callback alone can miss some.
 * 4. Glue42 naming: a client opened with `?name=...` joins the interop bus
 *    under that application name, so several instances of one app have
 *    readable, distinct names ("Sum Server 2", not "Sum Server (x1y2)").
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
 *    (failures are reported by callback_failures.js).
 * 8. Connecting: an embedded client looks for its platform by posting
 *    "platformPing" to its parent from a 1 s setInterval, so the first ping
 *    leaves one second after start-up and every app in the shell sat idle
 *    for up to a second before connecting. We send the same ping every
 *    50 ms from start-up until the client has connected; the platform
 *    answers "platformReady", which the client is already listening for.
 */
(function () {
    "use strict";
    var original = window.dash_glue42;
    var React = window.React;
    if (!original || !React || original.__ioConnectCompat) {
        return;
    }
    var h = React.createElement;
    var RESULT_EVENT = "dash_glue42:result";

    function copyStatics(from, to) {
        ["propTypes", "defaultProps", "displayName"].forEach(function (key) {
            if (from[key] !== undefined) {
                to[key] = from[key];
            }
        });
        return to;
    }

    /* A setProps whose identity never changes, calling Dash's latest one (and `observe`, if given). */
    function useStableSetProps(setProps, observe) {
        var ref = React.useRef(setProps);
        ref.current = setProps;
        var observeRef = React.useRef(observe);
        observeRef.current = observe;
        return React.useCallback(function (changes) {
            if (observeRef.current) {
                observeRef.current(changes);
            }
            return ref.current(changes);
        }, []);
    }

    function StableMethodInvoke(props) {
        var setProps = useStableSetProps(props.setProps, function (changes) {
            if (changes && changes.result) {
                window.dispatchEvent(new CustomEvent(RESULT_EVENT, {detail: {id: props.id, result: changes.result}}));
            }
        });
        return h(original.MethodInvoke, Object.assign({}, props, {setProps: setProps}));
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
        var setProps = useStableSetProps(props.setProps);
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

    function nameFromUrl() {
        var name = new URLSearchParams(window.location.search).get("name");
        name = name && name.trim().slice(0, MAX_NAME_LENGTH);
        return name || null;
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
        var name = nameFromUrl();
        if (name) {
            copy.web = copy.web || {};
            copy.web.config = Object.assign({}, copy.web.config, {application: name});
        }
        return copy;
    }

    function ReferenceGlue42(props) {
        var settingsKey = JSON.stringify(props.settings);
        // eslint-disable-next-line react-hooks/exhaustive-deps
        var settings = React.useMemo(function () { return withReferenceSettings(props.settings); }, [settingsKey]);
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
})();
