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
SERVERS_FILTER = "inspector-servers-filter"
SHOW_SYSTEM = "inspector-show-system"  # show the platform's T42.* methods
SERVERS_TABLE = "inspector-servers-table"  # a DataTable: sorted and filtered natively
SERVERS_SUMMARY = "inspector-servers-summary"
INSPECTOR_LOG = "inspector-log"  # invocation log: the container
LOG_RECORDS = "inspector-log-records"  # records collected from every app's log context
LOG_LINES = "inspector-log-lines"
LOG_SUMMARY = "inspector-log-summary"
LOG_CLEAR = "inspector-log-clear"
LATENCY_GRAPH = "inspector-latency"
LATENCY_BOX = "inspector-latency-box"  # holds the chart once the log has been on screen
LATENCY_FIGURE = "inspector-latency-figure"
LOG_VISIBLE = "inspector-log-visible"  # set once the log card first comes into view
LAST_ARGS = "inspector-last-args"  # {method: args text} from the log, prefills the editor
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
ADHOC_RESULT = "inspector-result"  # the latest full InvocationResult
ADHOC_HISTORY = "inspector-history"

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
LOG_PUBLISH_MS = 100  # an app publishes its log window at most this often, this long after a change
PENDING_SHOWN_AFTER_MS = 150  # the Caller shows an invocation as pending once it has waited this long
CODE_BLOCK_PREFIX = "guide-code-"


def frame_slot(slot):
    """A place in the shell's grid that holds one embedded app instance, or nothing."""
    return {"type": "frame-slot", "slot": slot}


def frame_status(key):
    return {"type": "frame-status", "frame": key}


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


def reuse_arguments(invocation_id):
    """The "use these arguments again" button of one entry of the inspector's history."""
    return {"type": "inspector-reuse", "invocation": invocation_id}


# What the assets read from window.ioConnectShared.
SHARED_WITH_JAVASCRIPT = (
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
    "PENDING_STATUS",
    "PENDING_BOX",
    "PENDING_SHOWN_AFTER_MS",
)


def javascript_constants():
    """The text of ``assets/_shared.js`` (Dash loads assets by name, so it comes before the others)."""
    values = {name: globals()[name] for name in SHARED_WITH_JAVASCRIPT}
    return (
        "/* Written by `python -m scripts.shared_js` from ids.py: edit that, not this. */\n"
        f"window.ioConnectShared = Object.freeze({json.dumps(values, indent=4)});\n"
    )
