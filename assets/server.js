/* Server app (/server/): the page side of its handled-invocations list. */
(function () {
    "use strict";

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        ioconnectServer: {
            /* The handled-invocations list, newest first; each entry's line is made in Python. */
            showHandled: function (ticks, entries) {
                return (entries || []).map(function (entry) { return entry.line; }).join("\n");
            }
        }
    });
})();
