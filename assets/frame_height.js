/*
 * A Workspace card fits its app: no dead space under it and no scrollbar inside it (up to the card's cap,
 * the iframe's max-height in app.css). An app in an iframe posts its content height to its parent whenever
 * it changes; the shell sizes the iframe that posted it (assets/shell.js). A message rather than the parent
 * reading the iframe's document, so an app served from another origin can be sized too.
 * JavaScript because no Dash callback sees an iframe's content height.
 */
(function () {
    "use strict";

    var KEY = window.ioConnectShared.FRAME_HEIGHT_MESSAGE; // from ids.py (assets/_shared.js)

    if (window.parent === window) {
        return; // not embedded: no card to fit
    }
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
})();
