/*
 * Dash's callback requests, watched: which fail, and when one is answered.
 *
 * Dash says nothing in production when a callback request fails (HTTP 5xx,
 * or the server is down or restarting), and it offers no event for "the
 * callbacks this change triggered have answered". dash_glue42_compat.js
 * needs both:
 *   - it answers an interop invocation with an error when the callback
 *     handling it fails, instead of leaving the caller (and every invocation
 *     queued behind it) waiting for methodResponseTimeoutMs (fix 7);
 *   - it hands MethodInvoke results to Dash one at a time, each once the
 *     server callbacks on `result` have answered the one before (fix 9).
 * dash_glue42_activity.js reads the answers too: what a void method's
 * handler callback updated is the outcome its log records.
 * A banner also tells the user the app server is not answering, until a
 * callback succeeds again.
 *
 * How it sees the requests: Dash's renderer hooks, given to the app's
 * renderer by hosting/page_scripts.py (Dash(hooks=...)):
 *   - request_pre(payload), as each server callback's request goes out: the
 *     payload names its Inputs and their values;
 *   - callback_resolved(callback, result) once Dash has its answer, about to
 *     apply it: result.payload is that same payload and result.data what the
 *     answer updated, for a 200 and for a 204 (PreventUpdate, nothing updated).
 * Which Inputs feed a server callback, and each one's first Output, come from
 * Python with this script's own tag (data-server-inputs, from the app's
 * callback map): no second look at /_dash-dependencies.
 * What the hooks never see is a request that failed, so a fetch patch remains
 * for that alone (below, with why).
 * Load it before dash_glue42_compat.js (registry.py lists each app's scripts).
 */
(function () {
    "use strict";
    if (window.ioConnectCallbackRequests) {
        return;
    }
    var listeners = [];
    var BANNER_ID = window.ioConnectShared.SERVER_UNREACHABLE; // assets/_shared.js

    var GIVE_UP_MS = 5000; // an expected request that was never sent stops holding anything up after this
    var expectations = []; // {id, property, invocationId, requests, responses, sent, finish}: see `expect`
    var requests = new WeakMap(); // each server callback's payload (request_pre) -> the expectations it answers

    /* "id.property" of each server callback's Input -> the first Output of each callback it feeds; null: unknown. */
    var firstOutputs = (function (script) {
        try {
            return JSON.parse(script && script.dataset.serverInputs);
        } catch (error) {
            return null;
        }
    })(document.currentScript);

    /* The expectations a callback request answers: it carries their component's value as an Input. */
    function expectationsOf(request) {
        return expectations.filter(function (e) {
            return (request.inputs || []).some(function (input) {
                return input && input.id === e.id && input.property === e.property &&
                    input.value && input.value.invocationId === e.invocationId;
            });
        });
    }

    /* What one answer tells an expectation: whether it failed, and whether it updated its callback's first Output. */
    function answerOf(expectation, status, updated, failure) {
        var firsts = (firstOutputs && firstOutputs[expectation.id + "." + expectation.property]) || [];
        return {
            status: status,
            failure: failure || null,
            firstOutputUpdated: firsts.some(function (output) {
                var dot = output.lastIndexOf(".");
                var props = updated[output.slice(0, dot)];
                return Boolean(props) && props[output.slice(dot + 1)] !== undefined;
            })
        };
    }

    /* Record one answer for each of `answering`, once Dash's own handling of it has run (the next task). */
    function answered(answering, status, updated, failure) {
        if (!answering.length) {
            return;
        }
        setTimeout(function () {
            answering.forEach(function (e) {
                e.responses.push(answerOf(e, status, updated || {}, failure));
                e.requests -= 1;
                if (!e.requests) {
                    e.finish("answered");
                }
            });
        }, 0);
    }

    function showBanner(visible) {
        var banner = document.getElementById(BANNER_ID);
        if (!visible) {
            if (banner) {
                banner.remove();
            }
            return;
        }
        if (banner || !document.body) {
            return;
        }
        banner = document.createElement("div");
        banner.id = BANNER_ID;
        banner.setAttribute("role", "alert");
        banner.className = "alert alert-warning m-2 py-1 small";
        banner.textContent = "The app server is not answering. Results will show when it is back.";
        document.body.prepend(banner);
    }

    function notify(request, reason) {
        listeners.forEach(function (listener) {
            try {
                listener(request, reason);
            } catch (error) {
                console.error(error);
            }
        });
    }

    /* Dash's request_pre hook: a server callback's request goes out. */
    function requestPre(payload) {
        var answering = expectationsOf(payload);
        answering.forEach(function (e) {
            e.requests += 1;
            e.sent();
        });
        requests.set(payload, answering);
    }

    /*
     * Dash's callback_resolved hook, for every callback. A server callback's request that was answered has its
     * payload in `result` (a failed one has none: the fetch patch below reports it); a clientside callback's
     * payload was never a request.
     */
    function callbackResolved(callback, result) {
        var answering = result && result.payload && requests.get(result.payload);
        if (!answering) {
            return;
        }
        requests.delete(result.payload);
        showBanner(false);
        answered(answering, null, result.data, null); // a 200 or a 204 (PreventUpdate): the hook is not told which
    }

    /*
     * Why a fetch patch remains: Dash's renderer tells its hooks nothing usable about a callback request that
     * failed. On an HTTP error or no answer at all, request_post is not called, and callback_resolved gets
     * {error, payload: null}: no Inputs, so no telling which invocation the request carried. Dash logs nothing
     * in production either. Fix 7, the banner and a failed void handler in the activity log need exactly that.
     * So the patch acts on failed callback requests alone (HTTP 400 and up, or no answer), and reads a request's
     * body only then; a request that succeeded is the hooks' (above).
     */
    function failed(body, status, reason, failure) {
        var request;
        try {
            request = JSON.parse(body);
        } catch (error) {
            return;
        }
        notify(request, reason);
        answered(expectationsOf(request), status, null, failure);
    }

    var originalFetch = window.fetch;
    window.fetch = function (input, init) {
        var pending = originalFetch.apply(this, arguments);
        var url = typeof input === "string" ? input : (input && input.url) || "";
        if (url.indexOf("_dash-update-component") < 0 || !init || typeof init.body !== "string") {
            return pending;
        }
        return pending.then(function (response) {
            if (response.status >= 400) {
                showBanner(response.status >= 502 && response.status <= 504);
                failed(init.body, response.status, "HTTP " + response.status, "HTTP " + response.status);
            }
            return response;
        }, function (error) {
            showBanner(true);
            failed(init.body, 0, "unreachable", "app server unreachable");
            throw error;
        });
    };

    window.ioConnectCallbackRequests = {
        /*
         * A promise that settles once the server callbacks that a new value of
         * `id`.`property` (an object with this `invocationId`) triggers have
         * answered and Dash has applied their outputs. Call it before setting
         * the value. At once when no server callback has that Input.
         * It resolves with {reason, responses}: reason "answered", "no-handler"
         * or "never-sent" (Dash merged the value into a later one); each
         * response {status, failure, firstOutputUpdated}: status null when the
         * server answered (Dash's hooks do not say whether with 200 or 204),
         * else the HTTP error, or 0 (no answer).
         */
        expect: function (id, property, invocationId) {
            return new Promise(function (resolve) {
                if (firstOutputs && !firstOutputs[id + "." + property]) {
                    setTimeout(function () { resolve({reason: "no-handler", responses: []}); }, 0);
                    return;
                }
                var expectation = {id: id, property: property, invocationId: invocationId, requests: 0, responses: []};
                var timer = setTimeout(function () { expectation.finish("never-sent"); }, GIVE_UP_MS);
                expectation.sent = function () { clearTimeout(timer); };
                expectation.finish = function (reason) {
                    clearTimeout(timer);
                    var index = expectations.indexOf(expectation);
                    if (index >= 0) {
                        expectations.splice(index, 1);
                        resolve({reason: reason, responses: expectation.responses});
                    }
                };
                expectations.push(expectation);
            });
        },
        // Dash's renderer hooks (hosting/page_scripts.RENDERER_HOOKS).
        requestPre: requestPre,
        callbackResolved: callbackResolved
    };

    window.ioConnectCallbackFailures = {
        /* listener(request, reason): request is the callback's JSON body; reason "HTTP 500" or "unreachable". */
        subscribe: function (listener) {
            listeners.push(listener);
            return function () {
                listeners.splice(listeners.indexOf(listener), 1);
            };
        }
    };
})();
