/*
 * Every client app (not the shell): its name on the interop bus, and what it shows while it connects.
 * Clientside because they need the page's glue instance or its window.
 */
(function () {
    "use strict";

    function glue() {
        return window.glue42dash && window.glue42dash.glueInstance;
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        ioconnectClient: {
            /* The application name this instance has on the interop bus. */
            instanceName: function (glueReady) {
                var g = glue();
                if (!glueReady || !g) {
                    return "connecting…";
                }
                return g.interop.instance.application;
            },

            /*
             * Hide "Connecting…" and show "Not connected" when glue cannot connect:
             * at once when this page is clearly standalone, else when the timer runs out.
             */
            connectState: function (ticks, lastTick) {
                var inDesktop = typeof window.glue42gd !== "undefined" || typeof window.iodesktop !== "undefined";
                var standalone = window.parent === window && !window.opener && !inDesktop;
                if (standalone || (ticks || 0) >= lastTick) {
                    return ["d-none", true];
                }
                return [window.dash_clientside.no_update, false];
            }
        }
    });
})();
