/*
 * The platform shell (/): the apps' connection badges, from the platform's own glue instance, the guide's
 * copy buttons, each embedded app's card as tall as its content, and the focus after a Remove. Clientside
 * because they need the page's glue, its clipboard, its iframes or its focus.
 */
(function () {
    "use strict";

    var SHARED = window.ioConnectShared; // ids and limits, from ids.py (assets/_shared.js)
    var watchingConnections = false;

    function glue() {
        return window.glue42dash && window.glue42dash.glueInstance;
    }

    /*
     * Frames that load last (data-loads-last): the Inspector (registry.AppSpec.loads_last) and every instance
     * after an app's first, such as Sum Server 2 (pages.shell.loads_later). Same-origin iframes run their
     * scripts on the page's one main thread, so loading them beside the first Caller and Sum Server held back
     * their connecting and the first Sum. Such a frame gets its address LOADS_LAST_AFTER_MS after the page's
     * other apps are connected (a Sum clicked at once is answered in about 0.25 s here, bench/first_sum.py;
     * a person takes longer to click), or LOADS_LAST_AT_MOST_MS after it appeared if they never are, so the
     * Inspector can still show what is wrong. The Inspector misses
     * nothing: every app keeps its interop log in a shared context (assets/dash_glue42_activity.js).
     *
     * window.ioConnectShell records, by app name, when the platform first listed it (connectedAt, ms since the
     * epoch), for the tests.
     */
    var LOADS_LAST_AFTER_MS = 500;
    var LOADS_LAST_AT_MOST_MS = 5000;
    var record = window.ioConnectShell = {connectedAt: {}};
    var connectedNow = [];
    var othersConnectedTimer = null;

    function waitingFrames() {
        return Array.prototype.slice.call(document.querySelectorAll("iframe[data-loads-last]:not([src])"));
    }

    function load(frame) {
        if (frame.isConnected && !frame.getAttribute("src")) {
            window.dash_clientside.set_props(JSON.parse(frame.id), {src: frame.dataset.src});
        }
    }

    // Runs on every change to the shell's page (a MutationObserver): one query and nothing more when no frame
    // is waiting, which is nearly always.
    function loadLastFrames() {
        var waiting = waitingFrames();
        if (!waiting.length) {
            return;
        }
        waiting.forEach(function (frame) {
            if (!frame.dataset.deadline) { // first seen: however the others fare, it loads by then
                frame.dataset.deadline = "set";
                setTimeout(function () { load(frame); }, LOADS_LAST_AT_MOST_MS);
            }
        });
        var others = document.querySelectorAll("iframe[data-name]:not([data-loads-last])");
        var allUp = Array.prototype.every.call(others, function (frame) {
            return connectedNow.indexOf(frame.dataset.name) >= 0;
        });
        if (allUp && othersConnectedTimer === null) {
            othersConnectedTimer = setTimeout(function () {
                othersConnectedTimer = null;
                waitingFrames().forEach(load);
            }, LOADS_LAST_AFTER_MS);
        }
    }

    /*
     * Each embedded app posts its content height (assets/frame_height.js): size the iframe that posted it.
     * Only from this page's own origin.
     */
    window.addEventListener("message", function (event) {
        var height = event.data && event.data[SHARED.FRAME_HEIGHT_MESSAGE];
        if (event.origin !== window.location.origin || typeof height !== "number") {
            return;
        }
        var frames = document.getElementsByTagName("iframe");
        for (var i = 0; i < frames.length; i += 1) {
            if (frames[i].contentWindow === event.source) {
                frames[i].style.height = height + "px";
                frames[i].dataset.contentHeight = String(height);
            }
        }
    });

    /*
     * Remove takes its card out of the page, and the focus with it: once the card is gone, the focus goes to the
     * "Add" button of the same app (data-add-app), which is always there and puts the app back. Only if the focus
     * went with the card: a person who has clicked elsewhere meanwhile keeps their place.
     */
    var waitingForRemoval = null;

    document.addEventListener("click", function (event) {
        var button = event.target.closest && event.target.closest("button[data-removes-app]");
        if (!button) {
            return;
        }
        if (waitingForRemoval) {
            waitingForRemoval.disconnect(); // an earlier Remove the shell refused: its card stays
        }
        var app = button.dataset.removesApp;
        waitingForRemoval = new MutationObserver(function () {
            if (button.isConnected) {
                return;
            }
            waitingForRemoval.disconnect();
            waitingForRemoval = null;
            var focused = document.activeElement;
            var add = document.querySelector('button[data-add-app="' + CSS.escape(app) + '"]');
            if (add && (!focused || focused === document.body)) {
                add.focus();
            }
        });
        waitingForRemoval.observe(document.body, {childList: true, subtree: true});
    });

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        ioconnectShell: {
            /*
             * The guide: copy a code listing to the clipboard; its button says whether that worked.
             * The Clipboard API needs a secure context (localhost counts); elsewhere, select and copy.
             */
            copyListing: function (clicks, buttonId) {
                var block = document.getElementById(SHARED.CODE_BLOCK_PREFIX + buttonId.listing);
                var say = function (label) {
                    window.dash_clientside.set_props(buttonId, {children: label});
                    setTimeout(function () { window.dash_clientside.set_props(buttonId, {children: "Copy"}); }, 2000);
                };
                if (!block) {
                    return window.dash_clientside.no_update;
                }
                if (navigator.clipboard && window.isSecureContext) {
                    navigator.clipboard.writeText(block.innerText).then(
                        function () { say("Copied"); },
                        function () { say("Copy failed"); }
                    );
                    return window.dash_clientside.no_update;
                }
                window.getSelection().selectAllChildren(block);
                return document.execCommand("copy") ? "Copied" : "Press Ctrl+C";
            },

            /* Keep the connected-apps store in step with the platform's interop servers. */
            watchConnections: function (glueReady) {
                var g = glue();
                if (!glueReady || !g || watchingConnections) {
                    return;
                }
                watchingConnections = true;
                var publish = function () {
                    var names = g.interop.servers().map(function (s) { return s.application; });
                    var now = Date.now();
                    names.forEach(function (name) { record.connectedAt[name] = record.connectedAt[name] || now; });
                    connectedNow = names;
                    window.dash_clientside.set_props(SHARED.CONNECTED_STORE, {data: names});
                    loadLastFrames();
                };
                // A page that embeds a last-loading app (the Workspace again, a guide topic) may come after the
                // others are connected: look at each page as it is rendered.
                new MutationObserver(loadLastFrames).observe(document.body, {childList: true, subtree: true});
                g.interop.serverAdded(publish);
                g.interop.serverRemoved(function () { setTimeout(publish, 0); });
                publish();
            },

            /* The badge of one embedded app and its spinner, from the connected-apps store. */
            frameStatus: function (connected, badgeId, frameName) {
                if (!badgeId) { // a badge just removed: Dash 4 still runs its MATCH callback once, without it
                    throw window.dash_clientside.PreventUpdate;
                }
                var up = Boolean(frameName) && (connected || []).indexOf(frameName) >= 0;
                return up ? ["connected", "success", "d-none"] : ["connecting…", "secondary", SHARED.FRAME_SPINNER_CLASS];
            }
        }
    });
})();
