"""Driving the app as deployed: gunicorn on a free port and Debian's Chromium, for the tests, the bench and the
screenshots alike."""
