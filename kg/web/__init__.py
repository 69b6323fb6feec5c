"""``kg serve``: a local web page over a store, and a read-only SPARQL 1.1 Protocol endpoint.

* :mod:`kg.web.data`  what the pages and ``kg plot`` show (entity pages, neighbourhood graphs
  with their layout, timelines), as plain dicts; no web framework here
* :mod:`kg.web.app`   the Starlette application (pages, JSON API, ``/sparql``) and :func:`serve`
* ``static/``         the page's own HTML, CSS and JavaScript (nothing is fetched from elsewhere)

Importing this package imports neither the web framework nor matplotlib.
"""

from __future__ import annotations

from typing import Any


def serve(location: str, *, host: str = "127.0.0.1", port: int = 8000, **kwargs: Any) -> None:
    """Run the web app on ``host:port`` until interrupted (see :func:`kg.web.app.serve`)."""
    from .app import serve as _serve

    _serve(location, host=host, port=port, **kwargs)


__all__ = ["serve"]
