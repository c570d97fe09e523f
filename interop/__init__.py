"""Pure interop logic: no Dash, no Flask, so tests can call it directly."""
