"""The vendor's own callbacks, as io.Connect's "Dash Interop" documentation page writes them.

The guide shows each beside this project's callback of the same name, with
the lines this project adds marked, so a reader sees at once what is the
documentation's and what is ours. Quoted from the vendor page (io.Connect
Dash, Data Sharing, Interop) verbatim but for the blank lines.
"""

SUM_INVOCATION_HANDLER = """\
@app.callback(
    Output("io-connect-register-sum", "result"),
    Input("io-connect-register-sum", "invoke")
)
def sum_invocation_handler(invoke):

    if invoke is None:
        raise PreventUpdate

    invocationId = invoke.get("invocationId")
    args = invoke.get("args", {})
    a = args.get("a")
    b = args.get("b")

    are_numbers = is_number(a) and is_number(b)
    if are_numbers:
        total = float(a) + float(b)

        # When a method isn't void, you must always return the assigned `invocationId`,
        # otherwise the caller won't receive the result.
        return {
            "invocationId": invocationId,
            "invocationResult": {
                "sum": total
            }
        }
    else:
        return {
            "invocationId": invocationId,
            "error": {
                "message": "The arguments must be numbers!"
            }
        }"""

SEND_MESSAGE_INVOCATION_HANDLER = """\
@app.callback(
    Output("message", "children"),
    Input("io-connect-register-send-message", "invoke")
)
def send_message_invocation_handler(invoke):

    if invoke is not None:
        args = invoke.get("args", {})
        message = args.get("message", "")
        return message"""

SUM_NUMBERS = """\
@app.callback(
    Output("io-connect-invoke-sum", "invoke"),
    Input("sum-numbers-btn", "n_clicks"),
    State("number-a", "value"),
    State("number-b", "value"),
    prevent_initial_call=True
)
def sum_numbers(_, a, b):

    return {
        "definition": {
            "name": "Sum"
        },
        "argumentObj": {
            "a": a,
            "b": b
        },
        "options": {
            "methodResponseTimeoutMs": 60000,
            "waitTimeoutMs": 60000
        }
    }"""

SUM_NUMBERS_RESULT_HANDLER = """\
@app.callback(
    Output("sum-numbers-result", "children"),
    Input("io-connect-invoke-sum", "result")
)
def sum_numbers_result_handler(result):

    if result is None:
        raise PreventUpdate

    error = result.get("error")
    hasError = error is not None
    if hasError:
        return error.get("message", '')
    else:
        invocationResult = result.get("invocationResult", {})
        sumValue = invocationResult.get("returned", {}).get("sum")
        return "Sum is {}".format(sumValue)"""

SEND_MESSAGE = """\
@app.callback(
    Output("io-connect-invoke-send-message", "invoke"),
    Input("send-message", "n_clicks"),
    State("message", "value"),
    prevent_initial_call=True
)
def send_message(_, message):

    return {
        "definition": {
            "name": "SendMessage"
        },
        "argumentObj": {
            "message": message
        }
    }"""

# By the name of this project's function: the documentation's callback of the same name.
SNIPPETS = {
    "sum_invocation_handler": SUM_INVOCATION_HANDLER,
    "send_message_invocation_handler": SEND_MESSAGE_INVOCATION_HANDLER,
    "sum_numbers": SUM_NUMBERS,
    "sum_numbers_result_handler": SUM_NUMBERS_RESULT_HANDLER,
    "send_message": SEND_MESSAGE,
}
