/*
 * Inspector (/inspector/), the page side. Everything here needs the page's
 * glue instance, which only documented surfaces give us:
 * window.glue42dash.glueInstancePromise, the interop API and its events
 * (serverAdded, serverRemoved, serverMethodAdded, serverMethodRemoved) and
 * glue.contexts.subscribe. The Python callbacks (callbacks/inspector.py)
 * render what these functions put in the stores:
 *
 *   inspector-servers-store   snapshot of the interop servers and their methods
 *   inspector-log-records     records collected from every app's log context
 *
 * The records go to Python once they pause for 150 ms, and at most once a
 * second while the log card is on screen, every 2 s while it is not
 * (ids.LOG_SETTLE_MS, LOG_FLUSH_MS, LOG_QUIET_FLUSH_MS):
 * the summary counts them either way, and the grid receives the rows that
 * changed only while it is seen (inspector-log-visible says whether it is).
 * Redrawing it for nobody slowed every app in the page. Records are sent
 * at once when the card comes into view.
 */
(function () {
    "use strict";

    var SHARED = window.ioConnectShared; // ids and limits, from ids.py (assets/_shared.js)
    var SERVERS_STORE = SHARED.SERVERS_STORE;
    var LOG_RECORDS = SHARED.LOG_RECORDS;
    var LOG_CARD = SHARED.INSPECTOR_LOG;
    var LOG_VISIBLE = SHARED.LOG_VISIBLE;
    var SNAPSHOT_DELAY_MS = 30; // events come in bursts (a server and each of its methods)
    var SETTLE_MS = SHARED.LOG_SETTLE_MS; // the log goes to Python once its records pause this long...
    var FLUSH_MS = SHARED.LOG_FLUSH_MS; // ... and at most this often while it is seen
    var QUIET_FLUSH_MS = SHARED.LOG_QUIET_FLUSH_MS; // ... and this often while it is not
    var RECORDS_KEPT = 3 * SHARED.LOG_ROWS; // enough for the rows the log shows, with 2 servers each
    // ...and at most this much JSON: Python gets them all with each render, and
    // the size of a request stays well within what the app reads (app.MAX_REQUEST_BYTES).
    var RECORDS_MAX_CHARS = 160000;

    var watching = {servers: false, log: false};

    function noUpdate() {
        return window.dash_clientside.no_update;
    }

    function setProps(id, props) {
        window.dash_clientside.set_props(id, props);
    }

    /* ---- servers and methods -------------------------------------------- */

    function describeMethod(m) {
        return {
            name: m.name,
            accepts: m.accepts || null,
            returns: m.returns || null,
            description: m.description || null,
            displayName: m.displayName || null,
            objectTypes: m.objectTypes || [],
            supportsStreaming: Boolean(m.supportsStreaming),
            flags: m.flags || {}
        };
    }

    /* Plain data for Python: every server instance and its methods. */
    function serversSnapshot(glue) {
        return glue.interop.servers().map(function (s) {
            return {
                application: s.application || s.applicationName || null,
                instance: s.instance,
                windowId: s.windowId || null,
                methods: s.getMethods().map(describeMethod)
            };
        });
    }

    /* ---- the invocation log --------------------------------------------- */

    var records = {}; // "instance|kind|id" -> record, with the publishing app's name and instance
    var cleared = {}; // keys hidden by Clear (they stay in the apps' windows for a while)
    var windows = {}; // instance -> keys of its latest window
    var flushTimer = null;
    var logOnScreen = false;
    var logChanged = false; // records came in since the last flush
    var unsentSince = 0; // when the first of them came
    var lastFlushAt = 0;
    var showingFile = false; // a log file is shown instead: records are still collected, but not sent

    function recordKey(instance, record) {
        return instance + "|" + record.kind + "|" + record.id;
    }

    /* The newest records (RECORDS_KEPT and RECORDS_MAX_CHARS at most); the rest are forgotten. */
    function newestRecords() {
        var list = Object.keys(records).map(function (k) { return records[k]; });
        list.sort(function (a, b) { return (b.t || 0) - (a.t || 0); });
        var chars = 0;
        var kept = 0;
        while (kept < list.length && kept < RECORDS_KEPT) {
            chars += JSON.stringify(list[kept]).length + 1;
            if (chars > RECORDS_MAX_CHARS) {
                break;
            }
            kept += 1;
        }
        list.slice(kept).forEach(function (r) { delete records[recordKey(r.instance, r)]; });
        return list.slice(0, kept);
    }

    /* Send the newest records to Python. */
    function flushLog() {
        flushTimer = null;
        logChanged = false;
        lastFlushAt = Date.now();
        setProps(LOG_RECORDS, {data: newestRecords()});
    }

    /* One app's log context changed: keep every record it holds (a record can change, e.g. once answered). */
    function collect(data) {
        if (!data || !data.instance || !Array.isArray(data.records)) {
            return;
        }
        var keys = [];
        data.records.forEach(function (record) {
            if (!record || !record.id || !record.kind) {
                return;
            }
            var key = recordKey(data.instance, record);
            keys.push(key);
            if (!cleared[key]) {
                records[key] = Object.assign({}, record, {app: data.application, instance: data.instance});
            }
        });
        // Cleared records that left the app's window can never come back: forget them.
        (windows[data.instance] || []).forEach(function (key) {
            if (keys.indexOf(key) < 0) {
                delete cleared[key];
            }
        });
        windows[data.instance] = keys;
        scheduleFlush();
    }

    /*
     * Send once the records pause (LOG_SETTLE_MS: an invocation's records come from each app in turn), and no
     * sooner than FLUSH_MS after the last send (QUIET_FLUSH_MS off screen); records that never pause go at
     * that pace.
     */
    function scheduleFlush() {
        var now = Date.now();
        unsentSince = logChanged ? unsentSince : now;
        logChanged = true;
        if (showingFile) {
            return;
        }
        var interval = logOnScreen ? FLUSH_MS : QUIET_FLUSH_MS;
        var due = Math.max(lastFlushAt + interval, Math.min(now + SETTLE_MS, unsentSince + interval));
        clearTimeout(flushTimer);
        flushTimer = setTimeout(flushLog, Math.max(0, due - now));
    }

    /* Follow whether the log card is on screen (in the top page's viewport, through the shell's iframe). */
    function watchLogOnScreen() {
        var card = document.getElementById(LOG_CARD);
        if (!card || !window.IntersectionObserver) {
            logOnScreen = true; // cannot tell: always render
            setProps(LOG_VISIBLE, {data: true});
            return;
        }
        new window.IntersectionObserver(function (entries) {
            var onScreen = entries[entries.length - 1].isIntersecting;
            if (onScreen === logOnScreen) {
                return;
            }
            logOnScreen = onScreen;
            setProps(LOG_VISIBLE, {data: onScreen});
            if (onScreen && logChanged && !showingFile) {
                if (flushTimer) {
                    clearTimeout(flushTimer); // a quiet flush was due: now is sooner
                }
                flushLog();
            }
        }).observe(card);
    }

    /* Keep the servers store in step with the interop servers and their methods. */
    function watchServers(glueReady) {
        if (!glueReady || watching.servers) {
            return;
        }
        watching.servers = true;
        window.glue42dash.glueInstancePromise.then(function (glue) {
            var timer = null;
            var publish = function () {
                timer = null;
                setProps(SERVERS_STORE, {data: serversSnapshot(glue)});
            };
            // A removed server is still listed while its event runs: snapshot a moment later.
            var soon = function () {
                if (!timer) {
                    timer = setTimeout(publish, SNAPSHOT_DELAY_MS);
                }
            };
            glue.interop.serverAdded(soon);
            glue.interop.serverRemoved(soon);
            glue.interop.serverMethodAdded(soon);
            glue.interop.serverMethodRemoved(soon);
            publish();
        });
    }

    /*
     * Subscribe to the log context of every interop instance, present and
     * future (assets/dash_glue42_activity.js says what the apps write there). A
     * context an app has not created yet is delivered once it does.
     * Subscriptions of apps that left stay: their last records still count.
     */
    function watchLog(glueReady) {
        if (!glueReady || watching.log) {
            return;
        }
        watching.log = true;
        watchLogOnScreen();
        var followed = {};
        window.glue42dash.glueInstancePromise.then(function (glue) {
            var follow = function (server) {
                if (server && server.instance && !followed[server.instance]) {
                    followed[server.instance] = true;
                    glue.contexts.subscribe(window.ioConnectActivity.contextName(server.instance), collect);
                }
            };
            glue.interop.serverAdded(follow);
            glue.interop.servers().forEach(follow);
        });
    }

    /*
     * dcc.Upload drops a file over its max_size without a word, and the callback never runs: say why
     * nothing opened. (A file within the limit is read and checked in Python.)
     */
    function refuseLargeFile(event) {
        var upload = document.getElementById(SHARED.LOG_UPLOAD);
        var files = event.type === "drop" ? event.dataTransfer && event.dataTransfer.files : event.target.files;
        if (!upload || !upload.contains(event.target) || !files || !files.length) {
            return;
        }
        var file = files[0];
        if (file.size > SHARED.LOG_FILE_MAX_BYTES) {
            setProps(SHARED.LOG_FILE_PROBLEM, {children: file.name + " was not opened: it is " +
                file.size.toLocaleString("en-US") + " bytes; the Inspector opens log files of up to " +
                SHARED.LOG_FILE_MAX_BYTES.toLocaleString("en-US") + "."});
        }
    }
    document.addEventListener("change", refuseLargeFile, true);
    document.addEventListener("drop", refuseLargeFile, true);

    /*
     * Copy on a result's view (callbacks/inspector.py): its JSON, from the view beside the button, on the
     * clipboard. The buttons have no Dash id, so the history, drawn again as results come in, costs no callback
     * per button; what Copy did is said in a status line.
     */
    function copyView(event) {
        var button = event.target && event.target.closest ? event.target.closest("button[data-copy-view]") : null;
        var view = button && button.parentElement.querySelector("pre[data-view]");
        if (!view) {
            return;
        }
        var say = function (text) { setProps(SHARED.ADHOC_COPY_STATUS, {children: text}); };
        var what = button.getAttribute("title").replace(/^Copy /, "");
        if (!(navigator.clipboard && window.isSecureContext)) {
            say("Not copied: this page may not use the clipboard (it needs https or localhost).");
            return;
        }
        navigator.clipboard.writeText(view.textContent).then(
            function () { say("Copied \u201c" + what + "\u201d (" + view.textContent.length + " characters)."); },
            function () { say("Not copied: the browser refused the clipboard."); }
        );
    }
    document.addEventListener("click", copyView);

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        inspector: {
            /*
             * Once glue is ready: follow the servers and the log. One callback for both, as
             * Dash names a callback without outputs after its inputs.
             */
            watch: function (glueReady) {
                watchServers(glueReady);
                watchLog(glueReady);
            },

            /* The latency chart's figure, rendered by Python into a store (the chart may not exist yet). */
            showFigure: function (figure) {
                return figure || noUpdate();
            },

            /*
             * A log file is shown (or, with none, the live bus again). While it is, the store holds no live
             * records: Python renders the file, and the two never travel in one request (one request each).
             * Back to live, everything collected meanwhile is sent at once.
             */
            showFile: function (file) {
                showingFile = Boolean(file);
                if (flushTimer) {
                    clearTimeout(flushTimer);
                    flushTimer = null;
                }
                if (showingFile) {
                    return [];
                }
                logChanged = false;
                return newestRecords();
            },

            /* Clear: hide every record collected so far; new ones still come in. */
            clearLog: function () {
                Object.keys(records).forEach(function (key) { cleared[key] = true; });
                records = {};
                logChanged = false;
                if (flushTimer) {
                    clearTimeout(flushTimer);
                    flushTimer = null;
                }
                return [];
            }
        }
    });
})();
