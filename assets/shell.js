/*
 * The platform shell (/): the apps' connection badges, from the platform's own glue instance, and the
 * guide's copy buttons. Clientside because they need the page's glue or its clipboard.
 */
(function () {
    "use strict";

    var SHARED = window.ioConnectShared; // ids and limits, from ids.py (assets/_shared.js)
    var watchingConnections = false;

    function glue() {
        return window.glue42dash && window.glue42dash.glueInstance;
    }

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
                    window.dash_clientside.set_props(SHARED.CONNECTED_STORE, {data: names});
                };
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
