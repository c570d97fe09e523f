/*
 * A Workspace card fits its app: no dead space under it and no scrollbar inside it (up to the card's cap,
 * the iframe's max-height in app.css). An app in an iframe posts its content height to its parent whenever
 * it changes; the shell sizes the iframe that posted it. A message rather than reading the iframe's document,
 * so an app served from another origin can be sized too; the shell only takes it from its own origin.
 * JavaScript because no Dash callback sees an iframe's content height.
 */
(function () {
    "use strict";

    var KEY = window.ioConnectShared.FRAME_HEIGHT_MESSAGE; // from ids.py (assets/_shared.js)

    if (window.parent !== window) { // an embedded app: tell the parent how tall its content is
        var posted = -1;
        var post = function () {
            var height = Math.ceil(document.body.scrollHeight);
            if (height !== posted) {
                posted = height;
                var message = {};
                message[KEY] = height;
                window.parent.postMessage(message, window.location.origin);
            }
        };
        new ResizeObserver(post).observe(document.body);
    }

    window.addEventListener("message", function (event) { // the shell (or any page embedding the apps)
        var height = event.data && event.data[KEY];
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
})();
