"""Laptops and head office exchanging whole record revisions (issue 12; docs/sync.md).

- :mod:`.hub`: head office's side, whatever carries the exchange (HTTP or a bundle file): which
  laptop may write what, receiving a batch through the JSON import's judgement, what is new for a
  laptop.
- :mod:`.http_server`: the sync service (Starlette, run by uvicorn).
- :mod:`.laptop`: the laptop's side: what to send, what it knows, applying what arrives.
- :mod:`.client`: one sync over HTTP (httpx).
- :mod:`.bundle`: the same exchange as files, for a laptop without a network.
"""
