/*
 * Inspector (/inspector/): stream subscriptions, the page side.
 *
 * dash_glue42 has no stream component, so this is the one place where the
 * inspector subscribes through the page's glue instance
 * (window.glue42dash.glueInstancePromise, then glue.interop.subscribe).
 * Python decides what to do (callbacks/inspector_streams.py checks the form)
 * and writes a command into a store; `command` below carries it out. What
 * happens then is reported back through two stores that Python renders:
 *
 *   inspector-stream-state   each subscription and its state, sent only when it changes (its
 *                            arguments shortened to STREAM_ARGS_SHOWN characters)
 *   inspector-stream-data    the items, newest first, sent at most every STREAM_FLUSH_MS
 *
 * Memory stays flat: each subscription keeps its latest STREAM_ITEMS_KEPT
 * items, each at most STREAM_ITEM_CHARS characters of JSON, and the items
 * store holds at most STREAM_DATA_CHARS of JSON in all (a callback request is
 * bounded). Items are data, never markup: they are JSON text; Python words
 * each item's line, and the page draws it as text (`drawItem`).
 *
 * An item is one Dash component; what is inside it, its buttons included, is the page's (a card may list 100
 * items, and Dash 4 checks every component of a page at each change of its store): one click listener serves
 * each item's Copy and each card's Expand all and Collapse all, and an item opened shows its JSON indented,
 * written then (`openEntry`).
 * "Use call arguments" hands Python the whole request (`useArguments`): the state carries it shortened.
 */
(function () {
    "use strict";

    var SHARED = window.ioConnectShared; // ids and limits, from ids.py (assets/_shared.js)
    var REFRESH_MS = 1000; // how often open subscriptions are looked at again (servers join and leave them)
    // A publisher that goes away closes its subscriptions a moment before the interop reports it gone.
    var GONE_WITHIN_MS = 3000;

    var subscriptions = {}; // request id -> the subscription's record (see `track`)
    var order = []; // request ids, oldest first
    var colours = {}; // server instance -> its number, in the order first seen (its colour)
    var nextColour = 0;
    var removed = {}; // server instance -> when the interop saw it leave
    var lastSeq = null;
    var flushTimer = null;
    var lastFlush = 0;
    var lastStateText = "";
    var dataChanged = false;
    var watching = false;

    function setProps(id, props) {
        window.dash_clientside.set_props(id, props);
    }

    function withGlue() {
        return window.glue42dash.glueInstancePromise;
    }

    /* An item as JSON text, whatever it holds: what cannot be JSON is named instead of throwing. */
    function itemJson(value) {
        var ancestors = [];
        try {
            var text = JSON.stringify(value, function (key, v) {
                if (typeof v === "bigint") {
                    return v.toString();
                }
                if (v !== null && typeof v === "object") {
                    // `this` is the object holding `v`: drop what is below it from the path, then check for a cycle.
                    while (ancestors.length && ancestors[ancestors.length - 1] !== this) {
                        ancestors.pop();
                    }
                    if (ancestors.indexOf(v) >= 0) {
                        return "[cycle]";
                    }
                    ancestors.push(v);
                }
                return v;
            });
            return text === undefined ? "undefined" : text;
        } catch (error) {
            return "[not JSON: " + String(error && error.message) + "]";
        }
    }

    function errorText(error) {
        if (!error) {
            return "no reason given";
        }
        if (typeof error === "string") {
            return error;
        }
        return String(error.message || itemJson(error));
    }

    function colourOf(instance) {
        if (instance && colours[instance] === undefined) {
            colours[instance] = nextColour;
            nextColour += 1;
        }
    }

    function serverOf(instance) {
        instance = instance || {};
        return {application: instance.application || instance.applicationName || null, instance: instance.instance || null};
    }

    /* ---- the subscriptions ---------------------------------------------- */

    /*
     * A record: {id, request, at, state, reason, sub, attempt, servers, items, received, closedAt}.
     * state: subscribing, open, failed, closed-by-server, publisher-gone, closed-by-you.
     */
    function track(request) {
        var record = {
            id: request.id,
            request: request,
            at: Date.now(),
            state: "subscribing",
            reason: null,
            sub: null,
            attempt: 0,
            servers: [],
            items: [],
            received: 0,
            closedAt: null
        };
        subscriptions[record.id] = record;
        order.push(record.id);
        forgetOld();
        return record;
    }

    /* Forget the oldest subscriptions that are no longer open, beyond what the card lists. */
    function forgetOld() {
        var extra = order.length - SHARED.STREAM_SUBSCRIPTIONS_KEPT;
        order.slice().forEach(function (id) {
            var record = subscriptions[id];
            if (extra > 0 && record.state !== "open" && record.state !== "subscribing") {
                delete subscriptions[id];
                order.splice(order.indexOf(id), 1);
                extra -= 1;
                dataChanged = true;
            }
        });
    }

    function receive(record, streamData) {
        var server = serverOf(streamData.server);
        var text = itemJson(streamData.data);
        colourOf(server.instance);
        record.items.push({
            n: record.received + 1, // its number, from 1: the item's id in the card (ids.stream_item)
            t: Date.now(),
            application: server.application,
            instance: server.instance,
            text: text.length > SHARED.STREAM_ITEM_CHARS ? text.slice(0, SHARED.STREAM_ITEM_CHARS) : text,
            chars: text.length
        });
        if (record.items.length > SHARED.STREAM_ITEMS_KEPT) {
            record.items.splice(0, record.items.length - SHARED.STREAM_ITEMS_KEPT);
        }
        record.received += 1;
        dataChanged = true;
        soon();
    }

    /* Subscribe with the record's request; a reconnect is the same again. */
    function subscribe(record) {
        record.attempt += 1;
        var attempt = record.attempt;
        record.state = "subscribing";
        record.reason = null;
        record.servers = [];
        soon();
        var request = record.request;
        var options = {arguments: request.args || {}, target: request.target || "best"};
        if (typeof request.waitTimeoutMs === "number") {
            options.waitTimeoutMs = request.waitTimeoutMs;
        }
        withGlue().then(function (glue) {
            return glue.interop.subscribe(request.stream, options);
        }).then(function (sub) {
            if (record.attempt !== attempt || record.state !== "subscribing") {
                sub.close(); // closed, or subscribed again, while this one was on its way
                return;
            }
            record.sub = sub;
            record.state = "open";
            sub.onData(function (streamData) {
                if (record.sub === sub) {
                    receive(record, streamData);
                }
            });
            sub.onClosed(function () {
                if (record.sub === sub) {
                    record.sub = null;
                    record.closedAt = Date.now();
                    record.state = allRemoved(record.servers) ? "publisher-gone" : "closed-by-server";
                    soon();
                }
            });
            refresh(record);
            soon();
        }, function (error) {
            if (record.attempt === attempt && record.state === "subscribing") {
                record.state = "failed";
                record.reason = errorText(error);
                soon();
            }
        });
    }

    function allRemoved(servers) {
        return servers.length > 0 && servers.every(function (s) { return removed[s.instance]; });
    }

    /*
     * An open subscription's servers, from glue (with target all, servers accept one by one). When every
     * one of them has left the interop, the publisher is gone: say so, and let go of the subscription.
     */
    function refresh(record) {
        if (record.state === "closed-by-server" && allRemoved(record.servers)) {
            var last = Math.max.apply(null, record.servers.map(function (s) { return removed[s.instance]; }));
            if (last - record.closedAt < GONE_WITHIN_MS) {
                record.state = "publisher-gone";
            }
        }
        if (!record.sub) {
            return;
        }
        var live = [];
        try {
            live = (record.sub.servers || []).map(serverOf);
        } catch (error) {
            // glue looks each server up by id, and throws for one that has just left: use what we had.
        }
        if (live.length) {
            record.servers = live;
        }
        if (allRemoved(record.servers)) {
            var sub = record.sub;
            record.sub = null;
            record.state = "publisher-gone";
            sub.close();
            return;
        }
        record.servers = record.servers.filter(function (s) { return !removed[s.instance]; });
    }

    function close(record) {
        var sub = record.sub;
        record.sub = null;
        record.state = "closed-by-you";
        if (sub) {
            sub.close();
        }
    }

    /* ---- reporting to Python -------------------------------------------- */

    /* A request as the card shows it: its arguments as JSON text of STREAM_ARGS_SHOWN characters at most. */
    function shownRequest(request) {
        var args = itemJson(request.args || {});
        return {
            stream: request.stream,
            target: request.target,
            waitTimeoutMs: request.waitTimeoutMs,
            args: args.length > SHARED.STREAM_ARGS_SHOWN ? args.slice(0, SHARED.STREAM_ARGS_SHOWN) + "…" : args
        };
    }

    function stateSnapshot() {
        var used = {};
        var list = order.slice().reverse().map(function (id) {
            var r = subscriptions[id];
            r.items.forEach(function (item) { used[item.instance] = colours[item.instance]; });
            return {
                id: r.id,
                request: shownRequest(r.request),
                at: r.at,
                state: r.state,
                reason: r.reason,
                servers: r.servers,
                received: r.received,
                kept: r.items.length
            };
        });
        return {subscriptions: list, colours: used};
    }

    /* The newest items of each subscription, newest first, within its share of STREAM_DATA_CHARS. */
    function dataSnapshot() {
        var data = {};
        var share = Math.floor(SHARED.STREAM_DATA_CHARS / Math.max(1, order.length));
        order.forEach(function (id) {
            var items = subscriptions[id].items;
            var picked = [];
            var chars = 0;
            for (var i = items.length - 1; i >= 0; i -= 1) {
                chars += JSON.stringify(items[i]).length + 1;
                if (chars > share) {
                    break;
                }
                picked.push(items[i]);
            }
            data[id] = picked;
        });
        return data;
    }

    function flush() {
        flushTimer = null;
        lastFlush = Date.now();
        order.forEach(function (id) { refresh(subscriptions[id]); });
        var state = stateSnapshot();
        var stateText = JSON.stringify(state);
        if (stateText !== lastStateText) {
            lastStateText = stateText;
            setProps(SHARED.STREAM_STATE, {data: state});
        }
        if (dataChanged) {
            dataChanged = false;
            setProps(SHARED.STREAM_DATA, {data: dataSnapshot()});
        }
    }

    /* Report soon, but at most every STREAM_FLUSH_MS: a busy stream is drawn a few times a second. */
    function soon() {
        if (!flushTimer) {
            flushTimer = setTimeout(flush, Math.max(0, SHARED.STREAM_FLUSH_MS - (Date.now() - lastFlush)));
        }
    }

    /* Servers leave and join the open subscriptions: look again on each such event, and now and then. */
    function watch() {
        if (watching) {
            return;
        }
        watching = true;
        OPEN_KEPT = SHARED.STREAM_ITEMS_KEPT * SHARED.STREAM_SUBSCRIPTIONS_KEPT;
        var list = document.getElementById(SHARED.STREAM_LIST);
        if (list) {
            drawn.observe(list, {
                childList: true,
                subtree: true,
                attributes: true,
                attributeFilter: ["data-time", "data-server", "data-text", "data-note", "data-number"]
            });
        }
        withGlue().then(function (glue) {
            glue.interop.serverRemoved(function (server) {
                if (server && server.instance) {
                    removed[server.instance] = Date.now();
                    soon();
                }
            });
        });
        setInterval(function () {
            if (order.some(function (id) { return subscriptions[id].sub; })) {
                soon();
            }
        }, REFRESH_MS);
    }

    /* ---- the items' views: open, close, copy ----------------------------- */

    function indented(text) {
        try {
            return JSON.stringify(JSON.parse(text), null, 2);
        } catch (error) {
            return text; // cut, or not JSON: shown as it came
        }
    }

    /*
     * Which items are open, by item id (ids.stream_item), with their indented JSON once written. Dash makes the
     * list's elements anew each time it draws it (a new item, every STREAM_FLUSH_MS at most), so an element cannot
     * hold this: `reopen` opens them again as they are drawn. Insertion order: the oldest are forgotten first.
     */
    var openItems = new Map();
    var OPEN_KEPT = 0; // set from the shared limits once they are read (every item of every subscription)

    /* An item opened: its JSON indented, as text (Dash gives the <pre> no children, so it leaves this alone). */
    function openEntry(details) {
        var item = details.closest(".stream-item");
        var pre = details.querySelector(".stream-pretty");
        var line = details.querySelector(".stream-text");
        if (!pre || !line) {
            return;
        }
        var key = item && item.id;
        var text = (key && openItems.get(key)) || indented(line.textContent);
        if (key) {
            openItems.delete(key);
            openItems.set(key, text);
            while (openItems.size > OPEN_KEPT) {
                openItems.delete(openItems.keys().next().value);
            }
        }
        if (pre.textContent !== text) {
            pre.textContent = text;
        }
    }

    /* The items just drawn in `root` that were open: open again, before the browser paints them closed. */
    function reopen(root) {
        if (!openItems.size || !root.querySelectorAll) {
            return;
        }
        root.querySelectorAll(".stream-item[id] > details.stream-entry:not([open])").forEach(function (details) {
            if (openItems.has(details.parentElement.id)) {
                openEntry(details);
                details.open = true;
            }
        });
    }

    function element(tag, className, text) {
        var node = document.createElement(tag);
        node.className = className;
        if (text) {
            node.textContent = text;
        }
        return node;
    }

    /*
     * An item's line, its opened view and Copy, drawn from the words Python wrote on it (data attributes, see
     * item_view in pages/inspector_streams.py), as text. The item is one Dash component without children, so
     * React leaves what is drawn here alone; drawn again only when its words change.
     */
    function drawItem(item) {
        var words = ["time", "server", "text", "note", "number"].map(function (name) {
            return item.getAttribute("data-" + name) || "";
        });
        var drawnAs = words.join("\u0000");
        if (item.ioConnectDrawn === drawnAs) {
            return;
        }
        item.ioConnectDrawn = drawnAs;
        var number = words[4];
        var summary = element("summary", "small");
        summary.appendChild(element("span", "stream-time", words[0]));
        summary.appendChild(element("span", "stream-server", words[1]));
        summary.appendChild(element("span", "stream-text", words[2]));
        var details = element("details", "stream-entry");
        details.appendChild(summary);
        details.appendChild(element("pre", "stream-pretty mb-0")); // written when opened (openEntry)
        var copy = element("button", "btn btn-sm btn-link py-0 px-1 stream-copy", "Copy");
        copy.type = "button";
        copy.title = "Copy this item's data as JSON";
        copy.setAttribute("data-stream-copy", number);
        if (number) {
            copy.setAttribute("aria-label", "Copy item " + number);
        }
        item.replaceChildren(details, copy);
        if (words[3]) {
            item.appendChild(element("div", "stream-cut small text-muted w-100", words[3]));
        }
    }

    /* Draw the items Dash just put in `root` (or gave other words), then open again those that were open. */
    function drawItems(root) {
        if (!root.querySelectorAll) {
            return;
        }
        if (root.matches(".stream-item")) {
            drawItem(root);
        }
        root.querySelectorAll(".stream-item").forEach(drawItem);
    }

    var drawn = new MutationObserver(function (mutations) {
        mutations.forEach(function (mutation) {
            var target = mutation.target;
            if (mutation.type === "attributes") {
                drawItem(target);
                reopen(target.parentElement);
                return;
            }
            if (target.classList && target.classList.contains("stream-item")) {
                return; // drawItem's own nodes
            }
            mutation.addedNodes.forEach(function (node) {
                if (node.nodeType === 1) {
                    drawItems(node);
                    reopen(node.matches(".stream-item") ? node.parentElement : node);
                }
            });
        });
    });

    function say(text) {
        setProps(SHARED.STREAM_COPY_STATUS, {children: text});
    }

    function copyItem(item, number) {
        var line = item.querySelector(".stream-text");
        var text = indented(line ? line.textContent : "");
        var card = item.closest("[data-stream]");
        var what = "item " + number + " of " + (card ? card.getAttribute("data-stream") : "the stream");
        window.ioConnectStreams.lastCopied = text;
        if (!(navigator.clipboard && window.isSecureContext)) {
            say("Not copied: this page may not use the clipboard (it needs https or localhost).");
            return;
        }
        navigator.clipboard.writeText(text).then(
            function () { say("Copied " + what + " (" + text.length + " characters of JSON)."); },
            function () { say("Not copied: the browser refused the clipboard."); }
        );
    }

    document.addEventListener("toggle", function (event) {
        var details = event.target;
        if (!details || !details.classList || !details.classList.contains("stream-entry")) {
            return;
        }
        if (details.open) {
            openEntry(details);
        } else if (details.parentElement) {
            openItems.delete(details.parentElement.id); // closed (an element drawn anew starts closed: no event)
        }
    }, true); // toggle does not bubble: listen on the way down

    document.addEventListener("click", function (event) {
        var button = event.target && event.target.closest ? event.target.closest("button") : null;
        if (!button) {
            return;
        }
        var copy = button.getAttribute("data-stream-copy");
        var entries = button.getAttribute("data-stream-entries");
        if (copy !== null) {
            copyItem(button.closest(".stream-item"), copy);
        } else if (entries) {
            var card = button.closest("[data-subscription]");
            var open = entries === "expand";
            (card ? card.querySelectorAll("details.stream-entry") : []).forEach(function (details) {
                if (open) {
                    openEntry(details);
                } else {
                    openItems.delete(details.parentElement.id); // now: a redraw may come before the toggle event
                }
                details.open = open;
            });
        }
    });

    /* For tests and the console: each subscription's request, state, servers and how many items it holds. */
    window.ioConnectStreams = {
        subscriptions: function () {
            return stateSnapshot().subscriptions.map(function (s) {
                return Object.assign({}, s, {request: subscriptions[s.id].request});
            });
        }
    };

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        inspectorStreams: {
            /* "Use call arguments" on a card: its whole request, for Python to put back in the form. */
            useArguments: function () {
                var noUpdate = window.dash_clientside.no_update;
                var context = window.dash_clientside.callback_context;
                var triggered = (context.triggered || [])[0];
                var id = context.triggered_id;
                if (!triggered || !triggered.value || !id || typeof id !== "object") {
                    return noUpdate; // a card re-created, not a click
                }
                var record = subscriptions[id.subscription];
                if (!record) {
                    return noUpdate;
                }
                var request = record.request;
                return {
                    seq: id.subscription + "-" + Date.now(),
                    stream: request.stream,
                    args: JSON.stringify(request.args || {}, null, 2),
                    target: request.target,
                    waitTimeoutMs: request.waitTimeoutMs
                };
            },

            /* A command from Python: {seq, action: subscribe | close | reconnect | clear, id, request?}. */
            command: function (command) {
                if (!command || command.seq === lastSeq) {
                    return;
                }
                lastSeq = command.seq;
                watch();
                var record = subscriptions[command.id];
                if (command.action === "subscribe" && command.request && !record) {
                    subscribe(track(command.request));
                } else if (record && command.action === "close") {
                    close(record);
                    soon();
                } else if (record && command.action === "reconnect") {
                    close(record);
                    subscribe(record);
                } else if (record && command.action === "clear") {
                    record.items = [];
                    dataChanged = true;
                    soon();
                }
            }
        }
    });
})();
