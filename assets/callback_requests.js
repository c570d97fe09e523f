/*
 * Failed Dash callback requests, made visible.
 *
 * Dash says nothing in production when a callback request fails (HTTP 5xx,
 * or the server is down or restarting). Two things here need to know:
 *   - dash_glue42_compat.js answers an interop invocation with an error when
 *     the callback handling it fails, instead of leaving the caller (and every
 *     invocation queued behind it) waiting for methodResponseTimeoutMs;
 *   - a banner tells the user the app server is not answering, until a
 *     callback succeeds again.
 * Loaded before dash_glue42_compat.js (assets load in alphabetical order).
 */
(function () {
    "use strict";
    if (window.ioConnectCallbackFailures) {
        return;
    }
    var listeners = [];
    var BANNER_ID = "app-server-unreachable";

    function isCallbackRequest(input, init) {
        var url = typeof input === "string" ? input : (input && input.url) || "";
        return url.indexOf("_dash-update-component") >= 0 && init && typeof init.body === "string";
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
        if (!isCallbackRequest(input, init)) {
            return pending;
        }
        var request;
        try {
            request = JSON.parse(init.body);
        } catch (error) {
            return pending;
        }
        return pending.then(function (response) {
            // 204 is a callback that raised PreventUpdate: fine.
            showBanner(response.status >= 502 && response.status <= 504);
            if (!response.ok) {
                notify(request, "HTTP " + response.status);
            }
            return response;
        }, function (error) {
            showBanner(true);
            notify(request, "unreachable");
            throw error;
        });
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
