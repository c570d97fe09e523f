"""Interop domain logic: no Dash, no Flask, no words for the screen (those are in ``pages/``)."""
