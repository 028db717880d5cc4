"""The request pipeline: context, stages, compiled chains."""

from .chain import Chain, compile_chain
from .context import RequestContext
from .stage import Reply, Stage

__all__ = ["Chain", "Reply", "RequestContext", "Stage", "compile_chain"]
