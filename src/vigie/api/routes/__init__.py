"""The API's routers, one per resource; :mod:`vigie.api.app` mounts them."""
