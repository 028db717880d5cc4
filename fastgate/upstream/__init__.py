"""Upstream side of the data plane: the pooled HTTP/1.1 client (``client``)."""

from fastgate.upstream.client import Target, UpstreamResponse

__all__ = ["Target", "UpstreamResponse"]
