/*
 * Dash's callback requests, watched: which fail, and when one is answered.
 *
 * Dash says nothing in production when a callback request fails (HTTP 5xx,
 * or the server is down or restarting), and it offers no event for "the
 * callbacks this change triggered have answered". dash_glue42_compat.js
 * needs both:
 *   - it answers an interop invocation with an error when the callback
 *     handling it fails, instead of leaving the caller (and every invocation
 *     queued behind it) waiting for methodResponseTimeoutMs;
 *   - it hands MethodInvoke results to Dash one at a time, each once the
 *     server callbacks on `result` have answered the one before.
 * dash_glue42_activity.js reads the answers too: what a void method's
 * handler callback updated is the outcome its log records.
 * A banner also tells the user the app server is not answering, until a
 * callback succeeds again.
 * Loaded before dash_glue42_compat.js (assets load in alphabetical order).
 */
(function () {
    "use strict";
    if (window.ioConnectCallbackFailures) {
        return;
    }
    var listeners = [];
    var BANNER_ID = window.ioConnectShared.SERVER_UNREACHABLE; // assets/_shared.js

    var GIVE_UP_MS = 5000; // an expected request that was never sent stops holding anything up after this
    var serversideInputs = null; // "id.property" of every server callback's Inputs, once the renderer has them
    var firstOutputs = {}; // "id.property" of an Input -> the first Output of each server callback it feeds
    var expectations = []; // {id, property, invocationId, requests, finish}: see `expect`

    function urlOf(input) {
        return typeof input === "string" ? input : (input && input.url) || "";
    }

    function isCallbackRequest(input, init) {
        return urlOf(input).indexOf("_dash-update-component") >= 0 && init && typeof init.body === "string";
    }

    /* "id.property" of a callback's first Output, from Dash's name for its outputs ("..a.x...b.y.." or "a.x"). */
    function firstOutput(output) {
        var first = String(output || "").replace(/^\.\./, "").split("...")[0];
        return first.replace(/@[0-9a-f]+$/, ""); // allow_duplicate's suffix
    }

    /* The renderer fetches the callback graph once; note which Inputs feed a server callback, and its first Output. */
    function noteDependencies(response) {
        response.clone().json().then(function (dependencies) {
            var inputs = {};
            (dependencies || []).forEach(function (callback) {
                if (!callback.clientside_function) {
                    (callback.inputs || []).forEach(function (i) {
                        var key = i.id + "." + i.property;
                        inputs[key] = true;
                        (firstOutputs[key] = firstOutputs[key] || []).push(firstOutput(callback.output));
                    });
                }
            });
            serversideInputs = inputs;
        }, function () {});
    }

    /* The expectations a callback request answers: it carries their component's value as an Input. */
    function expectationsOf(request) {
        return expectations.filter(function (e) {
            return (request.inputs || []).some(function (input) {
                return input && input.id === e.id && input.property === e.property &&
                    input.value && input.value.invocationId === e.invocationId;
            });
        });
    }

    /* After Dash has applied the response: its body is read, and Dash's own handling runs before the next task. */
    function whenApplied(response, then) {
        var done = function (text) { setTimeout(function () { then(text); }, 0); };
        if (response && typeof response.clone === "function") {
            response.clone().text().then(done, function () { done(""); });
        } else {
            done("");
        }
    }

    /* What one answer tells an expectation: whether it failed, and whether it updated its callback's first Output. */
    function answerOf(expectation, status, text, failure) {
        var updated = {};
        try {
            var body = text ? JSON.parse(text) : {};
            Object.keys(body.response || {}).forEach(function (id) {
                Object.keys(body.response[id] || {}).forEach(function (property) { updated[id + "." + property] = true; });
            });
        } catch (error) {
            // not JSON (an error page): nothing was updated
        }
        var firsts = firstOutputs[expectation.id + "." + expectation.property] || [];
        return {
            status: status,
            failure: failure || (status >= 400 ? "HTTP " + status : null),
            firstOutputUpdated: firsts.some(function (output) { return updated[output]; })
        };
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

    var originalFetch = window.fetch;
    window.fetch = function (input, init) {
        var pending = originalFetch.apply(this, arguments);
        if (urlOf(input).indexOf("_dash-dependencies") >= 0) {
            return pending.then(function (response) {
                noteDependencies(response);
                return response;
            });
        }
        if (!isCallbackRequest(input, init)) {
            return pending;
        }
        var request;
        try {
            request = JSON.parse(init.body);
        } catch (error) {
            return pending;
        }
        var answering = expectationsOf(request);
        answering.forEach(function (e) {
            e.requests += 1;
            e.sent();
        });
        var answered = function (status, failure) {
            return function (text) {
                answering.forEach(function (e) {
                    e.responses.push(answerOf(e, status, text, failure));
                    e.requests -= 1;
                    if (!e.requests) {
                        e.finish("answered");
                    }
                });
            };
        };
        return pending.then(function (response) {
            // 204 is a callback that raised PreventUpdate: fine.
            showBanner(response.status >= 502 && response.status <= 504);
            if (!response.ok) {
                notify(request, "HTTP " + response.status);
            }
            if (answering.length) {
                whenApplied(response, answered(response.status));
            }
            return response;
        }, function (error) {
            showBanner(true);
            notify(request, "unreachable");
            if (answering.length) {
                whenApplied(null, answered(0, "app server unreachable"));
            }
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
         * response {status, failure, firstOutputUpdated}.
         */
        expect: function (id, property, invocationId) {
            return new Promise(function (resolve) {
                if (serversideInputs && !serversideInputs[id + "." + property]) {
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
        }
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
