/*
 * In-page probes for the benchmark (bench/__main__.py evaluates them with
 * Playwright). Every time is taken in the page with performance.now(), so
 * the driver's own latency is not in the figures.
 */
window.ioconnectBench = (function () {
    "use strict";

    function glue() {
        return window.glue42dash.glueInstancePromise;
    }

    /* Type into an input as a user would: React only sees a value set through the prototype's setter. */
    function type(id, value) {
        var input = document.getElementById(id);
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, String(value));
        input.dispatchEvent(new Event("input", {bubbles: true}));
    }

    function sumRoundTrip(expected, timeoutMs) {
        var result = document.getElementById("sum-numbers-result");
        var button = document.getElementById("sum-numbers-btn");
        return new Promise(function (resolve, reject) {
            var start = 0;
            var timer = 0;
            var observer = new MutationObserver(function () {
                if (result.textContent.indexOf(expected) >= 0) {
                    observer.disconnect();
                    clearTimeout(timer);  /* no timer left to fire in a later Sum's time */
                    resolve(performance.now() - start);
                }
            });
            observer.observe(result, {childList: true, subtree: true, characterData: true});
            timer = setTimeout(function () {
                observer.disconnect();
                reject(new Error("no '" + expected + "' within " + timeoutMs + " ms"));
            }, timeoutMs);
            start = performance.now();
            button.click();
        });
    }

    return {
        /* Caller frame: click "Sum" and time until the result element shows `expected`. */
        sumRoundTrip: sumRoundTrip,

        /* Caller frame: type `a` and `b`, let the page handle them for `gapMs`, then sumRoundTrip. The pair
           types in the page, so the driver's own work (locators, actionability checks) stays out of the
           page's main-thread time. */
        typedSumRoundTrip: function (a, b, expected, timeoutMs, gapMs) {
            type("number-a", a);
            type("number-b", b);
            return new Promise(function (resolve) { setTimeout(resolve, gapMs); }).then(function () {
                return sumRoundTrip(expected, timeoutMs);
            });
        },

        /* Any frame: register a method in plain JS (the floor's server side). */
        registerEcho: function (name) {
            return glue().then(function (g) {
                return g.interop.register(name, function (args) { return args; });
            });
        },

        /* Any frame: one raw invoke of `method` per entry of `argsList`, in turn; the times in ms. */
        rawInvokes: function (method, argsList, target) {
            return glue().then(function (g) {
                var times = [];
                var i = 0;
                function next() {
                    if (i >= argsList.length) {
                        return times;
                    }
                    var start = performance.now();
                    return g.interop.invoke(method, argsList[i], target || "best").then(function () {
                        times.push(performance.now() - start);
                        i += 1;
                        return next();
                    });
                }
                return next();
            });
        },

        /* Caller frame: `count` Sum invocations at once; elapsed ms and how many were right. */
        burst: function (count, timeoutMs) {
            return glue().then(function (g) {
                var start = performance.now();
                var calls = [];
                for (var i = 0; i < count; i++) {
                    calls.push(g.interop.invoke("Sum", {a: i, b: 1000}, "best",
                        {methodResponseTimeoutMs: timeoutMs}).then(
                        function (i) {
                            return function (r) { return r.returned && r.returned.sum === i + 1000; };
                        }(i),
                        function () { return false; }
                    ));
                }
                return Promise.all(calls).then(function (oks) {
                    return {elapsedMs: performance.now() - start, correct: oks.filter(Boolean).length};
                });
            });
        }
    };
})();
