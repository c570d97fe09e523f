"""The guide's topics: what each explains, which live apps it embeds, which code it shows.

The code is named, not copied: ``pages.guide`` reads it from the running
modules and asset files (``guide.source``), so a changed handler changes the
guide. Text in backticks is shown as code.
"""

import importlib
from dataclasses import dataclass

GUIDE_PATH = "/guide"  # the shell's path of the guide; each topic is below it


@dataclass(frozen=True)
class Python:
    """A module-level function of this project, shown as ``inspect`` reads it.

    Named ``"module:function"`` and imported when a page shows it, so the guide
    imports none of the code it shows.
    """

    name: str
    why: str

    @property
    def obj(self):
        module, _, attribute = self.name.partition(":")
        return getattr(importlib.import_module(module), attribute)


@dataclass(frozen=True)
class Callback(Python):
    """A Dash callback of this project: its source, which begins with the ``@app.callback(...)`` that registers it.

    The documentation's callback of the same name (``guide.vendor``), if it
    has one, is shown beside it, with the lines this project adds marked.
    """

    @property
    def function(self):
        return self.name.partition(":")[2]


@dataclass(frozen=True)
class JavaScript:
    """A named function in ``assets/<asset>``."""

    asset: str
    name: str
    why: str


@dataclass(frozen=True)
class File:
    """A whole (small) file of the project, e.g. a generated io.Connect Desktop definition."""

    path: str
    language: str
    why: str


@dataclass(frozen=True)
class Step:
    do: str
    expect: str


@dataclass(frozen=True)
class Topic:
    slug: str  # /guide/<slug>
    title: str
    label: str  # short, for the topic list beside each page
    summary: str  # one line, for the guide's index
    explanation: tuple[str, ...]  # paragraphs
    apps: tuple[tuple[str, int], ...]  # (registry app name, how many) embedded beside the text
    steps: tuple[Step, ...]
    code: tuple[Python | Callback | JavaScript | File, ...]

    @property
    def path(self):
        return f"{GUIDE_PATH}/{self.slug}"


TOPICS = (
    Topic(
        slug="register",
        title="Registering methods",
        label="Registering methods",
        summary="MethodRegister for a method that returns (Sum) and a void one (SendMessage).",
        explanation=(
            "An app offers an Interop method by putting a `dash_glue42.MethodRegister` in its layout, inside "
            "the `Glue42` root. The component registers the method when it mounts and unregisters it when it "
            "unmounts, so registering is a matter of layout, not of code that runs.",
            "`definition` is the method's name, or an object with a `name` and optional properties such as "
            "`accepts` and `description`. `returns` is required: `True` when the caller waits for a result "
            "(Sum), `False` for a void method that is answered as soon as it arrives (SendMessage).",
            "If registering fails, the framework sets the component's `error` property. The Sum Server shows "
            "it, so a failed registration is never silent.",
            "On Dash 3 and later, dash_glue42 1.5.0 crashes while registering and re-registers a method on "
            "every invocation. `assets/dash_glue42_compat.js` fixes both before Dash renders; the second "
            "listing below is the part of it that keeps a registration stable.",
        ),
        apps=(("server", 1), ("inspector", 1)),
        steps=(
            Step(
                "Look at the Inspector's Servers and methods table.",
                "Sum Server is listed with two methods, Sum and SendMessage.",
            ),
            Step(
                "Type `SendMessage` into the table's filter.",
                "Only the SendMessage row of Sum Server is left.",
            ),
        ),
        code=(
            Python("pages.server:registrations", "The two registrations, with the documentation's ids and names."),
            Python("pages.server:sum_registration", "Sum returns a result, so it has a response timeout too."),
            JavaScript(
                "dash_glue42_compat.js",
                "StableMethodRegister",
                "Keeps the definition and setProps stable, so Dash 4 does not re-register on every render.",
            ),
            Python("callbacks.server:registration_errors", "What the page shows when registering fails."),
        ),
    ),
    Topic(
        slug="handler",
        title="The handler callback and invocationId",
        label="Handlers and invocationId",
        summary="A Dash callback on MethodRegister.invoke, and why every answer carries the invocationId.",
        explanation=(
            "Each registered method needs a handler: an ordinary Dash callback whose Input is the "
            "`MethodRegister`'s `invoke` property. The framework sets `invoke` to an object with the "
            "`invocationId`, the `args` and the `caller` for every invocation.",
            "For a method that returns, the Output is the same component's `result`. The result must carry "
            "the `invocationId` it answers: that is how dash_glue42 matches it to the waiting caller. Without "
            "it, or when the callback raises `PreventUpdate` or fails, the caller waits for the whole timeout, "
            "and so does every invocation queued behind it. (Our compatibility script answers a handler "
            "callback that fails on the server with an error at once; a missing `invocationId` it cannot fix.)",
            "So our handler is the documentation's, step by step: the `invocationId`, the `args`, the check, "
            "and one of the two documented answers, each with the `invocationId`. What we add is marked, and "
            "it is what another app could send to make the handler raise or answer `inf`: `args` that are not "
            "an object, and numbers the documentation's `is_number` lets through (`nan`, `1e309`, `true`, two "
            "numbers whose sum is infinite), which our stricter `is_number` refuses. Every invocation is answered.",
            "A void method's handler just updates the page: SendMessage writes the text into the `message` component.",
            "Each handler is listed beside the documentation's, with what we add marked: one more Output, a "
            "line in the server's handled-invocations list (a `Patch` that prepends it, so the two handlers "
            "never overwrite each other's lines). What the Inspector's log shows of an invocation (when, from "
            "whom, the answer) is recorded around the `MethodRegister` component in the page, not by the handler.",
        ),
        apps=(("caller", 1), ("server", 1)),
        steps=(
            Step("Click Sum in the Caller.", "The Caller shows “Sum is 42”; the server lists the invocation."),
            Step(
                "Type `abc` into the first number and click Sum.",
                "At once: “The arguments must be numbers!”, and the server lists it as refused.",
            ),
            Step("Click Send in the Caller.", "The server shows “Send your daily report!” as its last message."),
        ),
        code=(
            Callback("callbacks.server:sum_invocation_handler", "The Sum handler: `invoke` in, `result` out."),
            Python("interop.sum:is_number", "The documentation's check, stricter: it never raises."),
            JavaScript(
                "dash_glue42_compat.js",
                "useAnswerFailedHandlers",
                "When the handler callback's request fails (an exception, a restarting server), answer at once.",
            ),
            Callback("callbacks.server:send_message_invocation_handler", "The void method: update the page."),
        ),
    ),
    Topic(
        slug="timeout",
        title="methodResponseTimeoutMs and sequential execution",
        label="Timeouts and sequencing",
        summary="Invocations of a returning method run one at a time; two timeouts decide how long anyone waits.",
        explanation=(
            "dash_glue42 hands the invocations of a returning method to the handler callback one at a time, "
            "in the order they arrive, and moves on only when the previous one is answered. Three quick "
            "invocations are three handler runs in a row.",
            "Two timeouts are involved. The server's `MethodRegister.methodResponseTimeoutMs` (default 30,000) "
            "is how long the component waits for its handler callback. Its clock starts when an invocation "
            "arrives, not when its turn comes, so under a burst the last ones in the queue need a generous "
            "value. The caller's `options.methodResponseTimeoutMs` is how long the caller waits for an answer; "
            "`options.waitTimeoutMs` is how long it waits for a server of the method to appear.",
            "A caller that gives up does not stop the server: the invocation still runs, and its answer is dropped.",
            "On the caller's side, Dash itself sets a limit. A click that comes while the invoke callback's "
            "request is still out can replace that request: when Dash takes up the new click before the first "
            "answer is in, it drops that answer and runs the callback once more, with both clicks counted in "
            "`n_clicks`, so two clicks make one invocation. "
            "Measured on a 2-core machine: ten clicks 5 ms apart made 1 invocation, 10 ms apart 4, and 20 ms "
            "apart or more all 10. A person's clicks, even a double click, are further apart than that. "
            "Results cannot be lost this way: the compatibility script hands them to the result callback "
            "one at a time, as dash_glue42 hands invocations to a handler.",
            "When every click must count, however fast, the invocation has to be made in the page: a "
            "clientside callback that writes `invoke` itself, and a queue for clicks Dash merged. That is "
            "an alternative for special cases, not the documented pattern, and this Caller does not use it.",
        ),
        apps=(("caller", 1), ("server", 1)),
        steps=(
            Step(
                "Click Sum five times quickly.",
                "The server lists five invocations, in order; the Caller's history has five results.",
            ),
            Step(
                "Set the Caller's methodResponseTimeoutMs to 1 and click Sum.",
                "“No answer from Sum within 1 ms (timed out).”, and yet the server lists the invocation.",
            ),
            Step(
                "Type 0.5 as a timeout and click Sum.",
                "Nothing is sent; the Caller says timeouts must be whole numbers of milliseconds.",
            ),
        ),
        code=(
            Python("pages.server:sum_registration", "The server's timeout, set explicitly."),
            Python("pages.caller:options_controls", "The caller's two timeouts and the target, as inputs."),
            Python("interop.options:build_options", "Every invocation carries the options; bad timeouts are refused."),
        ),
    ),
    Topic(
        slug="invoke",
        title="Invoking: definition, argumentObj and options",
        label="Invoking",
        summary="MethodInvoke and the object a callback writes to its invoke property.",
        explanation=(
            "An app invokes a method through a `dash_glue42.MethodInvoke` in its layout. A callback writes an "
            "object to the component's `invoke` property, and that starts one invocation.",
            "The object has a required `definition` (the method's name, or an object with a `name`), the "
            "arguments as `argumentObj`, optional `options` (`methodResponseTimeoutMs`, `waitTimeoutMs`) and "
            "an optional `target`.",
            "The callback is the documentation's: the Sum button's `n_clicks` as Input, the two numbers as "
            "State, `MethodInvoke.invoke` as Output. Ours adds the target and both timeouts from the page, "
            "checked in Python before anything is sent, and one Output: why nothing was sent, when it was not.",
            "Nothing else: the pending status (“Waiting for Sum (all): 1.2 s of 10 s”), the latency and the "
            "Inspector's log are recorded around the `MethodInvoke` component in the page "
            "(`assets/dash_glue42_activity.js`), the way OpenTelemetry instruments a Flask app without "
            "touching its views. That also gives each invocation an `invocationId` when the callback sets none.",
        ),
        apps=(("caller", 1), ("server", 1)),
        steps=(
            Step("Click Sum in the Caller.", "“Sum is 42”, and a line in the Caller's history."),
            Step("Change the message and click Send.", "The server shows your message."),
        ),
        code=(
            Python("pages.caller:invokers", "The two MethodInvoke components, with the documentation's ids."),
            Callback("callbacks.caller:sum_numbers", "The Sum button's callback: the documented invoke object."),
            Callback("callbacks.caller:send_message", "SendMessage the same way; an overlong message is not sent."),
        ),
    ),
    Topic(
        slug="results",
        title="Handling results and errors",
        label="Results and errors",
        summary="MethodInvoke.result: invocationResult or error, and messages a person can read.",
        explanation=(
            "When an invocation settles, dash_glue42 sets the `MethodInvoke`'s `result` to an object with the "
            "`invocationId` and either an `invocationResult` or an `error`. A Python callback with that "
            "`result` as Input reads it, as the documentation's `sum_numbers_result_handler` does.",
            "`invocationResult.returned` is what the first server to settle returned, and that may be a "
            "server that failed; `all_return_values` and `all_errors` hold one entry per server, and "
            "`called_with` the arguments. `error` is set only when every targeted server failed (it then holds "
            "the same lists), or when no server offered the method in time.",
            "Our result callback keeps the documentation's steps (`error`, `hasError`, `invocationResult`) and "
            "reads nothing else. When more than one server answered or failed, it shows a line per server, "
            "named as every screen names an app; otherwise one line, as the documentation's.",
            "Errors from glue are technical (“Invocation timeout (1 ms) reached…”). `pages.result_text` "
            "words them plainly, with the limit the message names. The text is always rendered as text, "
            "never as HTML: it comes from another app.",
            "Its one more Output is the history, a `Patch` that prepends one line: the arguments, from the "
            "result's `called_with`, and what came back.",
            "Dash drops the output of a callback that is triggered again while its request is out. Results "
            "that settle close together would be lost that way; our compatibility script hands them to the "
            "result callback one at a time, as dash_glue42 hands invocations to a handler.",
        ),
        apps=(("caller", 1), ("server", 1)),
        steps=(
            Step("Click Sum.", "“Sum is 42”."),
            Step("Type `1e309` into a number and click Sum.", "“The arguments must be numbers!” (it is infinite)."),
            Step(
                "Set methodResponseTimeoutMs to 1 and click Sum.",
                "“No answer from Sum within 1 ms (timed out).”",
            ),
        ),
        code=(
            Callback("callbacks.caller:sum_numbers_result_handler", "The result callback: the lines and the history."),
            Callback("callbacks.caller:send_message_result_handler", "A void method's result: who received it."),
            Python("pages.result_text:answer_lines", "An invocationResult becomes lines: one, or one per server."),
            Python("pages.result_text:explain_error", "Readable errors, with the limit the message names."),
        ),
    ),
    Topic(
        slug="targeting",
        title="Targeting: best, all and skipMine",
        label="Targeting",
        summary="Which servers an invocation reaches, with two servers and a caller that can serve too.",
        explanation=(
            "An invocation's `target` chooses its servers. `best` (the default) is one server, the one that "
            "registered the method first. `all` is every server that offers it. `skipMine` is every server "
            "except the calling app itself.",
            "With `all` and `skipMine`, each server's answer is in `invocationResult.all_return_values` and "
            "each failure in `all_errors`, so when more than one server answered or failed, the Caller shows "
            "one line per server.",
            "The Caller can serve Sum as well: its switch mounts a `MethodRegister` for Sum, which is when "
            "`skipMine` differs from `all`.",
            "Its handler's Input, the `MethodRegister`, is not in the page until the switch mounts it, and Dash's "
            "renderer logs “ID not found in layout” for a callback on a component it cannot find. The Caller "
            "lists it in its `validation_layout` "
            "(`validation_layout` in `registry.py`): copying `caller_sum_handler` into your own app, set "
            "`app.validation_layout` to your layout plus the `MethodRegister`.",
        ),
        apps=(("caller", 1), ("server", 2)),
        steps=(
            Step("Choose best and click Sum.", "One answer: “Sum is 42”."),
            Step("Choose all and click Sum.", "Two lines, one from Sum Server 1 and one from Sum Server 2."),
            Step(
                "Switch on “Serve Sum from this caller too”, keep all and click Sum.",
                "Three lines: the Caller answers too.",
            ),
            Step("Choose skipMine and click Sum.", "Two lines again: the servers, not the Caller."),
        ),
        code=(
            Python("pages.result_text:per_server_lines", "A line per answering server, then one per failure."),
            Python("callbacks.caller:serve_sum", "Registering from the caller is mounting a component."),
            Python("callbacks.caller:caller_sum_handler", "The caller's handler: the Sum Server's, the same rules."),
        ),
    ),
    Topic(
        slug="inspector",
        title="The inspector",
        label="The inspector",
        summary="Every server and method, and a log of every invocation across the apps, as it happens.",
        explanation=(
            "The Inspector is a client app like the others. It learns the servers and their methods from "
            "glue's interop events, and it shows a log of every invocation: who called, with which target and "
            "arguments, which servers handled it and how long it took.",
            "No app can see another app's invocations, so each one records its own, around its dash_glue42 "
            "components (`assets/dash_glue42_activity.js`), and publishes its recent records to a shared "
            "context of its own, at most every 100 ms and never on an invocation's path. The apps' callbacks "
            "keep no log. The Inspector subscribes to those contexts and Python joins the records into rows.",
            "It can also invoke any method itself, with arguments as JSON and any target, and subscribe to any "
            "stream. The log is a grid that sorts and filters, saved as JSON or CSV, and opened again from a file.",
        ),
        apps=(("caller", 1), ("server", 1), ("inspector", 1)),
        steps=(
            Step(
                "Click Sum in the Caller, then scroll down to the Inspector: its Invocation log is at the top.",
                "A row for the invocation: `Sum`, `Caller`, `best`, its round trip, and "
                '`Sum Server: {"sum":42} (2 ms)`, with the time the server\'s own handler took.',
            ),
            Step(
                'In the Inspector, pick Sum, type `{"a": 1, "b": 2}` and click Invoke.',
                'The latest result opens on "Returned": `"sum": 3`, from Sum Server. "Called with" has the arguments.',
            ),
        ),
        code=(
            JavaScript("dash_glue42_activity.js", "invocationOut", "A caller's record, as the invocation goes out."),
            JavaScript("dash_glue42_activity.js", "invocationArrived", "A server's record, as an invocation arrives."),
            JavaScript("dash_glue42_activity.js", "publish", "Each app publishes its window in its own context."),
            Python("callbacks.inspector_log:render_log", "The Inspector renders the joined records, or a log file."),
            Python("interop.log:merge_records", "Records from every app, joined into one row per invocation."),
        ),
    ),
    Topic(
        slug="desktop",
        title="io.Connect Desktop and the browser platform",
        label="Desktop and browser",
        summary="The same apps under io.Connect Desktop, or in a browser with this shell as the platform.",
        explanation=(
            "In a browser, an app needs a platform to connect to. This page is one: its `Glue42` root has "
            '`settings={"type": "platform"}`, which makes it a Glue42 Core Main app running the gateway '
            "in the page. The apps connect to it from their iframes, through `window.parent`.",
            "Under io.Connect Desktop, the same apps connect to the desktop's gateway instead; nothing in "
            "them changes. Desktop opens them from app definitions, which `flask desktop-definitions` "
            "writes from the same registry that mounts the apps and fills this platform's application list.",
            "An app opened on its own in a browser tab has nothing to connect to. It says so instead of "
            "spinning forever.",
        ),
        apps=(("server", 1),),
        steps=(
            Step(
                "Look at the Sum Server's card.",
                "The badge says connected: it found this page as its platform.",
            ),
            Step(
                "Open [/server/](/server/) in a new tab.",
                "“Not connected to io.Connect”, with where to open it instead.",
            ),
        ),
        code=(
            Python("pages.shell:platform_settings", "This page is the platform; the gateway only logs warnings."),
            Python("pages.common:client_root", "Every client app: the name it has on the interop bus."),
            Python("hosting.definitions:app_definition", "One definition per app, for Desktop and for this platform."),
            File("io-connect-desktop/sum-server.json", "json", "Generated by `flask desktop-definitions`."),
        ),
    ),
)

BY_SLUG = {topic.slug: topic for topic in TOPICS}


def neighbours(topic):
    """The topics before and after ``topic`` (None at either end)."""
    index = TOPICS.index(topic)
    before = TOPICS[index - 1] if index > 0 else None
    after = TOPICS[index + 1] if index + 1 < len(TOPICS) else None
    return before, after
