/*
 * A stream publisher for the browser tests, with the vendor's own client (@glue42/web).
 *
 * Query string: stream (its name), app (the interop application name), accepts (optional signature),
 *   hold (optional: "1" keeps each subscription request waiting until acceptHeld()).
 * Test API on window.publisher:
 *   ready         a promise, true once the stream is published (isReady says the same, synchronously)
 *   error         why it could not start, if it could not
 *   push(data)    push an item to every subscriber
 *   close()       close the stream (its subscribers are told the server closed it)
 *   requests      the arguments of every subscription request, in order (each is accepted)
 *   acceptHeld()  accept the requests that hold kept waiting; returns how many
 *   subscribers() how many subscriptions are open now
 */
(function () {
    "use strict";

    var params = new URLSearchParams(window.location.search);
    var stream = null;
    var api = {isReady: false, error: null, requests: []};
    var held = [];

    api.push = function (data) {
        stream.push(data);
    };
    api.close = function () {
        stream.close();
    };
    api.acceptHeld = function () {
        var waiting = held.splice(0);
        waiting.forEach(function (request) { request.accept(); });
        return waiting.length;
    };
    api.subscribers = function () {
        return stream ? stream.subscriptions().length : 0;
    };

    var definition = {name: params.get("stream")};
    if (params.get("accepts")) {
        definition.accepts = params.get("accepts");
    }
    api.ready = window.GlueWeb({application: params.get("app"), logger: "error"})
        .then(function (glue) {
            return glue.interop.createStream(definition, {
                subscriptionRequestHandler: function (request) {
                    api.requests.push(request.arguments);
                    if (params.get("hold") === "1") {
                        held.push(request);
                    } else {
                        request.accept();
                    }
                }
            });
        })
        .then(function (created) {
            stream = created;
            api.isReady = true;
            return true;
        }, function (error) {
            api.error = String((error && error.message) || error);
            return false;
        });

    window.publisher = api;

    // The client says goodbye to the platform on `beforeunload`, which never fires for an iframe taken out of
    // its page: forward `pagehide`, as the app's own clients do (assets/dash_glue42_compat.js, fix 6).
    window.addEventListener("pagehide", function () {
        window.dispatchEvent(new Event("beforeunload"));
    });
})();
