"""How the apps are served: behind proxies, security headers, static files, logging, the Dash compatibility
seam, health, and the io.Connect Desktop definitions. Nothing here knows what the apps do."""
