"""Component ids, and the limits the page's JavaScript shares with Python: defined here once.

The ids the vendor documentation uses are kept verbatim so that its snippets
map one-to-one onto this project. What the assets need of this module is
written into ``assets/_shared.js`` (:func:`javascript_constants`; a test keeps
it current), so no asset has a copy of its own.
"""

import json

# --- every client app -------------------------------------------------------
GLUE = "io-connect"  # the root dash_glue42.Glue42 component
INSTANCE_NAME = "instance-name"
CONNECTING = "connecting"  # shown by Glue42 until glue is ready
NOT_CONNECTED = "not-connected"  # shown instead when it never will be
CONNECT_TIMER = "connect-timer"


# --- server app (/server/) --------------------------------------------------
REGISTER_SUM = "io-connect-register-sum"
REGISTER_SEND_MESSAGE = "io-connect-register-send-message"
MESSAGE = "message"  # where SendMessage puts the received text
REGISTER_ERRORS = "register-errors"
HANDLED_LIST = "handled-invocations"  # the handlers' one addition: a line per invocation they ran

# --- caller app (/caller/) --------------------------------------------------
INVOKE_SUM = "io-connect-invoke-sum"
INVOKE_SEND_MESSAGE = "io-connect-invoke-send-message"
NUMBER_A = "number-a"
NUMBER_B = "number-b"
SUM_BUTTON = "sum-numbers-btn"
SUM_RESULT = "sum-numbers-result"
MESSAGE_INPUT = "message"  # the docs use "message" for the caller's input too
SEND_MESSAGE_BUTTON = "send-message"
SEND_MESSAGE_RESULT = "send-message-result"
TARGET = "target"
TARGET_LABEL = "target-label"  # names the Target radio group
RESPONSE_TIMEOUT = "method-response-timeout-ms"
WAIT_TIMEOUT = "wait-timeout-ms"
SERVE_SUM = "serve-sum"
CALLER_SUM_SLOT = "caller-sum-registration"
SUM_HISTORY = "sum-history"
PENDING_STATUS = "pending-status"  # written by assets/caller.js from the activity seam, not by a callback
PENDING_BOX = "pending-box"  # spinner and status, shown while anything is pending
INVOKE_PROBLEM = "invoke-problem"  # why nothing was sent (bad options)

# --- inspector (/inspector/) ------------------------------------------------
INSPECTOR_SERVERS = "inspector-servers"  # servers and methods: the container
SERVERS_STORE = "inspector-servers-store"  # snapshot of glue.interop.servers(), from assets/inspector.js
SERVERS_FILTER = "inspector-servers-filter"  # the grid's quick filter, over every column
SHOW_SYSTEM = "inspector-show-system"  # show the platform's T42.* methods
SERVERS_GRID = "inspector-servers-grid"  # a dash-ag-grid: sorted, filtered, moved and resized by the grid
SERVERS_VIEW = "inspector-servers-view"  # methods, by server or by method
SERVERS_RESET = "inspector-servers-reset"  # columns and sort as they started
SERVERS_SUMMARY = "inspector-servers-summary"
INSPECTOR_LOG = "inspector-log"  # invocation log: the container
LOG_RECORDS = "inspector-log-records"  # records collected from every app's log context
LOG_GRID = "inspector-log-grid"  # a dash-ag-grid: a row per invocation, sorted and filtered by the grid
LOG_GRID_SHOWN = "inspector-log-grid-shown"  # {row id: digest} of the rows the log grid holds: what a flush changes
LOG_SEARCH = "inspector-log-search"  # the log grid's quick filter, over every column
LOG_SUMMARY = "inspector-log-summary"
LOG_CLEAR = "inspector-log-clear"
LATENCY_GRAPH = "inspector-latency"
LATENCY_BOX = "inspector-latency-box"  # holds the chart once it has been opened
LATENCY_TOGGLE = "inspector-latency-toggle"  # shows or hides the latency chart
LATENCY_COLLAPSE = "inspector-latency-collapse"  # the chart's collapse: drawn only while open
LATENCY_FIGURE = "inspector-latency-figure"
LOG_VISIBLE = "inspector-log-visible"  # whether the log card is on screen now (assets/inspector.js)
LAST_ARGS = "inspector-last-args"  # {method: args text} from the log, prefills the editor
LOG_FILTER_APP = "inspector-log-filter-app"  # the app preset: invocations it called or served (a dbc.Select)
LOG_EXPORT_JSON = "inspector-log-export-json"
LOG_EXPORT_CSV = "inspector-log-export-csv"
LOG_DOWNLOAD = "inspector-log-download"  # the dcc.Download both exports go through
LOG_UPLOAD = "inspector-log-upload"  # dcc.Upload: open an exported JSON log
LOG_FILE = "inspector-log-file"  # the opened file's rows and what it says of itself; None: the live bus
LOG_FILE_BANNER = "inspector-log-file-banner"  # shown while a file is open, with "Back to live"
LOG_FILE_NOTE = "inspector-log-file-note"  # "Showing <file> (exported …) — not the live bus"
LOG_FILE_PROBLEM = "inspector-log-file-problem"  # why a file was not opened (Python, or assets/inspector.js)
LOG_BACK_LIVE = "inspector-log-back-live"
INSPECTOR_INVOKE = "inspector-invoke"  # MethodInvoke with dynamic definitions
ADHOC_METHOD = "inspector-method"
ADHOC_ARGS = "inspector-args"
ADHOC_TARGET = "inspector-target"
ADHOC_INSTANCES = "inspector-target-instances"
ADHOC_RESPONSE_TIMEOUT = "inspector-method-response-timeout-ms"
ADHOC_WAIT_TIMEOUT = "inspector-wait-timeout-ms"
ADHOC_BUTTON = "inspector-invoke-button"
ADHOC_PROBLEM = "inspector-invoke-problem"
ADHOC_HISTORY_STORE = "inspector-history-store"  # the inspector's invocations with their results
ADHOC_HISTORY = "inspector-history"  # the results, latest first, each with its Returned and Called with views
ADHOC_OUTCOME = "inspector-invoke-outcome"  # aria-live: the latest invocation's outcome, for screen readers
ADHOC_COPY_STATUS = "inspector-copy-status"  # what a result view's Copy did (assets/inspector.js)
ADHOC_TARGET_LABEL = "inspector-target-label"  # names the target radio group
STREAMS_CARD = "inspector-streams"  # stream subscriptions: the card
STREAM_METHOD = "inspector-stream-method"  # the stream picker (a dbc.Select); other parts may set its value
STREAM_ARGS = "inspector-stream-args"
STREAM_TARGET = "inspector-stream-target"
STREAM_INSTANCES = "inspector-stream-target-instances"
STREAM_WAIT_TIMEOUT = "inspector-stream-wait-timeout-ms"
STREAM_BUTTON = "inspector-subscribe-button"
STREAM_PROBLEM = "inspector-stream-problem"
STREAM_TARGET_LABEL = "inspector-stream-target-label"  # names the stream target radio group
STREAM_COMMAND = "inspector-stream-command"  # Python -> assets/inspector_streams.js: subscribe, close, ...
STREAM_STATE = "inspector-stream-state"  # assets/inspector_streams.js -> Python: each subscription, no items
STREAM_DATA = "inspector-stream-data"  # assets/inspector_streams.js -> Python: the items, bounded
STREAM_LIST = "inspector-stream-list"  # a card per subscription
STREAM_REUSE = "inspector-stream-reuse"  # a card's "Use call arguments" for another stream: the form's next prefill
STREAM_COPY_STATUS = "inspector-stream-copy-status"  # what an item's Copy did (assets/inspector_streams.js)
STREAM_ITEM_PREFIX = "inspector-stream-item-"  # + subscription + "-" + the item's number: one received item

# --- platform shell (/) -----------------------------------------------------
FRAMES_STORE = "frames"
ADDABLE_STORE = "addable-apps"  # title and prefix of each app the shell can add
FRAMES_GRID = "frames-grid"
SHELL_NOTICE = "shell-notice"
CONNECTED_STORE = "connected-apps"
PLATFORM_STATUS = "platform-status"
NOT_FOUND_PATH = "not-found-path"  # the address the shell's 404 page names


SERVER_UNREACHABLE = "app-server-unreachable"  # the banner assets/callback_requests.js shows

# --- limits ---------------------------------------------------------------
LOG_CONTEXT_PREFIX = "io-connect-dash.interop-log."  # + an app's interop instance id: its log context
LOG_KEPT = 20  # records of each kind in an app's log window; also the lines of a server's handled list
LOG_TEXT_LIMIT = 200  # characters of args or outcome a log record carries
LOG_ROWS = 200  # rows the inspector's log shows
# An app publishes its log window once its changes have paused this long, and at the latest this long after
# the first change it has not published: at a person's pace, 250 ms after each invocation settles; in a stream
# of invocations, once a second, not after each one (every write goes through the shell's gateway).
LOG_PUBLISH_MS = 250
LOG_PUBLISH_MAX_MS = 1_000
# The Inspector's page sends the records to Python once they have paused LOG_SETTLE_MS, and at most once per
# LOG_FLUSH_MS while the log is on screen (LOG_QUIET_FLUSH_MS while it is not: the summary stays current, the
# grid waits).
LOG_SETTLE_MS = 150
LOG_FLUSH_MS = 1_000
LOG_QUIET_FLUSH_MS = 2_000
# A spreadsheet runs a CSV cell that starts with one of these as a formula (OWASP, "CSV Injection"): the log
# grid's CSV export puts an apostrophe before it (assets/inspector_log.js).
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A log file the Inspector opens: the largest a full window exports (interop/log_file.py; measured by lgfl015:
# 4.37 MB, every text at LOG_TEXT_LIMIT in characters JSON writes six bytes long). app.py's MAX_CONTENT_LENGTH
# and deploy/nginx.conf's client_max_body_size derive from it (the upload travels base64 in a JSON request).
LOG_FILE_MAX_BYTES = 4_500_000
PENDING_SHOWN_AFTER_MS = 150  # the Caller shows an invocation as pending once it has waited this long
CODE_BLOCK_PREFIX = "guide-code-"
STREAM_ITEMS_KEPT = 100  # items the inspector keeps of each stream subscription (older ones are dropped)
STREAM_ITEM_CHARS = 2000  # characters of one item's JSON kept; a longer item is cut, with a note
STREAM_DATA_CHARS = 150_000  # JSON the items store may hold in all (a callback request is limited: app.py)
STREAM_FLUSH_MS = 250  # the page sends the items to Python at most this often
STREAM_SUBSCRIPTIONS_KEPT = 8  # subscriptions listed at once; the oldest closed ones are forgotten first
STREAM_ARGS_SHOWN = 200  # characters of a subscription's arguments (as JSON) its card shows

# Limits of the Inspector and the interop package (Python only: no asset reads them)
MAX_TIMEOUT_MS = 300_000  # methodResponseTimeoutMs and waitTimeoutMs a person may choose, at most
MAX_NUMBER_TEXT = 400  # characters of a Sum argument given as text: longer "numbers" are refused before parsing
MAX_MESSAGE_CHARS = 10_000  # characters of a SendMessage text the server shows (the Caller sends no more)
MAX_ARGS_CHARS = 100_000  # characters of JSON arguments the Inspector's editors take (a request is limited: app.py)
INSPECTOR_HISTORY_KEPT = 20  # the Inspector's own invocations it remembers, and shows
HISTORY_OUTCOME_CHARS = 160  # characters of what an invocation returned, on its line of the Inspector's history
RESULT_VIEW_CHARS = 20_000  # characters of each JSON view of a result (the history keeps 20, three views each)
LATENCY_CHART_INVOCATIONS = 60  # the latency chart shows the latest answered invocations
LOG_MATCH_BEFORE_MS = 2_000  # a handled record joins an invocation stamped from this long before it was made
LOG_MATCH_AFTER_MS = 5_000  # … to this long after its result
LOG_FILE_NAME_CHARS = 80  # characters of an opened log file's name, or of its export time, the banner shows


def frame_slot(slot):
    """A place in the shell's grid that holds one embedded app instance, or nothing."""
    return {"type": "frame-slot", "slot": slot}


def frame_status(key):
    return {"type": "frame-status", "frame": key}


def frame_spinner(key):
    return {"type": "frame-spinner", "frame": key}


def app_frame(key):
    """The iframe of one embedded app instance; its title is the instance's interop name."""
    return {"type": "app-frame", "frame": key}


def add_app(app_name):
    """The shell's "Add …" button for one app of the registry."""
    return {"type": "add-app", "app": app_name}


def remove_frame(key):
    return {"type": "remove-frame", "frame": key}


def code_block(number):
    """The n-th code listing of a guide page (assets/shell.js ``copyListing`` finds it by this id)."""
    return f"{CODE_BLOCK_PREFIX}{number}"


def copy_code(number):
    """The "Copy" button of the n-th code listing."""
    return {"type": "copy-code", "listing": number}


def stream_part(kind, subscription):
    """One part of a stream subscription's card: ``card``, ``state``, ``filter``, ``summary``, ``items``, or its
    ``close``, ``reconnect``, ``clear`` and ``reuse`` (Use call arguments) buttons."""
    return {"type": f"inspector-stream-{kind}", "subscription": subscription}


def stream_item(subscription, number):
    """One received item of a subscription, by its number (from 1, in the order received): the page keeps which
    items are open by this id, as each redraw of the list makes its elements anew."""
    return f"{STREAM_ITEM_PREFIX}{subscription}-{number}"


def json_action(box, action):
    """The ``format``, ``compact`` or ``fix`` button of a JSON box (pages/json_box.py), by the box's id."""
    return {"type": "json-box-action", "box": box, "action": action}


def json_status(box):
    """What a JSON box's last Format, Compact or Fix did, or where its text is wrong."""
    return {"type": "json-box-status", "box": box}


def reuse_arguments(invocation_id):
    """The "use these arguments again" button of one entry of the inspector's history."""
    return {"type": "inspector-reuse", "invocation": invocation_id}


def result_tabs(invocation_id):
    """The Returned / Called with / InvocationResult tabs of one entry of the inspector's history."""
    return {"type": "inspector-result-tabs", "invocation": invocation_id}


# What the assets read from window.ioConnectShared.
# Beside a Workspace card's badge while its app connects; assets/shell.js hides it once the platform sees the app.
FRAME_SPINNER_CLASS = "spinner-border spinner-border-sm text-secondary ms-2"
# The key of the message an embedded app posts to its parent with its content height (assets/frame_height.js).
FRAME_HEIGHT_MESSAGE = "ioConnectFrameHeight"

SHARED_WITH_JAVASCRIPT = (
    "FRAME_SPINNER_CLASS",
    "FRAME_HEIGHT_MESSAGE",
    "CONNECTED_STORE",
    "SERVER_UNREACHABLE",
    "SERVERS_STORE",
    "LOG_RECORDS",
    "INSPECTOR_LOG",
    "LOG_VISIBLE",
    "CODE_BLOCK_PREFIX",
    "LOG_CONTEXT_PREFIX",
    "LOG_KEPT",
    "LOG_TEXT_LIMIT",
    "LOG_ROWS",
    "LOG_PUBLISH_MS",
    "LOG_PUBLISH_MAX_MS",
    "LOG_SETTLE_MS",
    "LOG_FLUSH_MS",
    "LOG_QUIET_FLUSH_MS",
    "CSV_FORMULA_STARTS",
    "LOG_UPLOAD",
    "LOG_FILE_PROBLEM",
    "LOG_FILE_MAX_BYTES",
    "PENDING_STATUS",
    "PENDING_BOX",
    "PENDING_SHOWN_AFTER_MS",
    "STREAM_STATE",
    "STREAM_DATA",
    "STREAM_ITEMS_KEPT",
    "STREAM_ITEM_CHARS",
    "STREAM_DATA_CHARS",
    "STREAM_FLUSH_MS",
    "STREAM_SUBSCRIPTIONS_KEPT",
    "STREAM_ARGS_SHOWN",
    "STREAM_COPY_STATUS",
    "ADHOC_COPY_STATUS",
    "STREAM_LIST",
)


def javascript_constants():
    """The text of ``assets/_shared.js`` (Dash loads assets by name, so it comes before the others)."""
    values = {name: globals()[name] for name in SHARED_WITH_JAVASCRIPT}
    return (
        "/* Written by `python -m scripts.shared_js` from ids.py: edit that, not this. */\n"
        f"window.ioConnectShared = Object.freeze({json.dumps(values, indent=4)});\n"
    )


# The Caller's and Sum Server's lists
SUM_HISTORY_KEPT = 50  # Sum results the Caller's history shows, newest first
HANDLED_KEPT = LOG_KEPT  # lines of a Sum Server's handled-invocations list: what its log window keeps
