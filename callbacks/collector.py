"""Each callback's wiring written where its function is, without Dash's process-wide registry.

The vendor page writes ``@app.callback(Output(...), Input(...))`` right above
each function. A callbacks module here does the same with a module-level
``app = CallbackCollector()``: the decorator records the Outputs, Inputs,
States and options and returns the function unchanged (so tests call it as a
plain function), and the module's ``register(dash_app)`` replays every record
on that app's own ``Dash``.

``dash.callback`` would read the same, but its registry is global to the
process, and every ``Dash`` that starts takes the global callbacks it finds:
several apps share this process, so each would get every app's callbacks.
"""


class CallbackCollector:
    """Stands in for a ``Dash`` app in a module's decorators; ``register`` gives the callbacks to a real one."""

    def __init__(self):
        self._records = []  # (kind, function or clientside code, args, kwargs), in the module's order

    def callback(self, *args, **kwargs):
        """``@app.callback(...)``, as Dash's: the same arguments, the function returned unchanged."""

        def record(function):
            self._records.append(("serverside", function, args, kwargs))
            return function

        return record

    def clientside_callback(self, clientside_function, *args, **kwargs):
        """``app.clientside_callback(...)``, as Dash's: inline code or a ``ClientsideFunction``."""
        self._records.append(("clientside", clientside_function, args, kwargs))

    def register(self, dash_app):
        """Register every recorded callback on ``dash_app``, in the order the module wrote them."""
        for kind, function, args, kwargs in self._records:
            # Dash adds a named (dict) form's inputs into the state dict it is given: each app gets copies.
            kwargs = {key: dict(value) if isinstance(value, dict) else value for key, value in kwargs.items()}
            if kind == "serverside":
                dash_app.callback(*args, **kwargs)(function)
            else:
                dash_app.clientside_callback(function, *args, **kwargs)
