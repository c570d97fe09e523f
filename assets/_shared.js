/* Written by `python -m scripts.shared_js` from ids.py: edit that, not this. */
window.ioConnectShared = Object.freeze({
    "CONNECTED_STORE": "connected-apps",
    "SERVER_UNREACHABLE": "app-server-unreachable",
    "SERVERS_STORE": "inspector-servers-store",
    "LOG_RECORDS": "inspector-log-records",
    "INSPECTOR_LOG": "inspector-log",
    "LOG_VISIBLE": "inspector-log-visible",
    "CODE_BLOCK_PREFIX": "guide-code-",
    "LOG_CONTEXT_PREFIX": "io-connect-dash.interop-log.",
    "LOG_KEPT": 20,
    "LOG_TEXT_LIMIT": 200,
    "LOG_ROWS": 200,
    "LOG_PUBLISH_MS": 100,
    "PENDING_STATUS": "pending-status",
    "PENDING_BOX": "pending-box",
    "PENDING_SHOWN_AFTER_MS": 150
});
