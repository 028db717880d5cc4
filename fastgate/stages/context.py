"""Context window: the ``context`` stage (priority 3000).

Runs after the usage stage (3500), which estimated the prompt (``ctx.est_prompt_tokens``) and the
output bound (``ctx.est_output_tokens``: ``max_tokens`` or the model's default), and before the
limiter (2000), so a truncated request reserves what will really be sent.

With ``models.<name>.context_window`` set and ``prompt + output`` over it:

* ``context: {strategy: reject}`` (default) → 400 ``context_length_exceeded``, ``param: messages``
  — the caller learns it before paying for an upstream round trip;
* ``context: {strategy: truncate_oldest}`` → drop the oldest non-system turns until it fits. A turn
  is one message, except that an assistant message that called tools travels together with the
  tool results answering it (OpenAI ``tool_calls`` + ``role: tool`` messages; Anthropic
  ``tool_use`` blocks + the next user message's ``tool_result`` blocks): a provider refuses a
  tool result whose call is gone. The last turn (the current question) is never dropped. The
  response says how many messages went: ``x-fastgate-context-truncated: <n>``.
"""

from __future__ import annotations

from typing import Any

from ..pipeline.stage import Reply, Stage

__all__ = ["ContextStage", "turns"]

_SYSTEM_ROLES = frozenset({"system", "developer"})


def _has_block(content: Any, kind: str) -> bool:
    return isinstance(content, list) and any(isinstance(b, dict) and b.get("type") == kind for b in content)


def turns(messages: list[Any], anthropic: bool) -> tuple[list[int], list[list[int]]]:
    """Split ``messages`` into ``(pinned indexes, droppable turns oldest first)``.

    Pinned: system/developer messages (OpenAI). Each turn is a list of message indexes that must be
    dropped together (a tool call and its results)."""
    pinned: list[int] = []
    groups: list[list[int]] = []
    i, n = 0, len(messages)
    while i < n:
        m = messages[i]
        role = m.get("role") if isinstance(m, dict) else None
        if role in _SYSTEM_ROLES:
            pinned.append(i)
            i += 1
            continue
        group = [i]
        i += 1
        if role == "assistant":
            if anthropic:
                if _has_block(m.get("content"), "tool_use") and i < n:
                    nxt = messages[i]
                    if isinstance(nxt, dict) and _has_block(nxt.get("content"), "tool_result"):
                        group.append(i)
                        i += 1
            elif m.get("tool_calls") or m.get("function_call"):
                while i < n and isinstance(messages[i], dict) and messages[i].get("role") in ("tool", "function"):
                    group.append(i)
                    i += 1
        groups.append(group)
    return pinned, groups


class ContextStage(Stage):
    """Reject or truncate prompts over the model's context window (see the module docstring)."""

    name = "context"
    priority = 3_000

    def __init__(self, world: Any, kind: str) -> None:
        self.counter = world.token_counter
        self.kind = kind
        self.anthropic = kind == "messages"

    @classmethod
    def for_endpoint(cls, world: Any, kind: str) -> ContextStage | None:
        """The stage, or ``None`` when no model has a ``context_window`` (then it costs nothing)."""
        if kind not in ("chat", "completions", "embeddings", "messages"):
            return None
        if not any(getattr(m.cfg, "context_window", None) for m in world.models.values()):
            return None
        return cls(world, kind)

    def _estimate(self, obj: dict[str, Any]) -> int:
        return int(self.counter.anthropic(obj) if self.anthropic else self.counter.chat(obj))

    def on_request(self, ctx: Any) -> Reply | None:
        model = ctx.model
        window = getattr(model.cfg, "context_window", None) if model is not None else None
        if not window:
            return None
        prompt = ctx.est_prompt_tokens
        out = ctx.est_output_tokens
        if prompt + out <= window:
            return None
        obj = ctx.body_obj
        msgs = obj.get("messages") if isinstance(obj, dict) else None
        strategy = model.cfg.context.strategy
        if strategy != "truncate_oldest" or not isinstance(msgs, list) or self.kind in ("completions", "embeddings"):
            return self._too_long(window, prompt, out)
        pinned, groups = turns(msgs, self.anthropic)
        if len(groups) <= 1:
            return self._too_long(window, prompt, out)
        keep_pinned = set(pinned)
        dropped: set[int] = set()
        new_msgs = msgs
        g = 0
        # Drop the oldest turn, re-estimate, repeat; never the last turn (the current question).
        while prompt + out > window and g < len(groups) - 1:
            dropped.update(groups[g])
            g += 1
            if self.anthropic:
                # The Messages API wants the conversation to start with a user turn.
                while g < len(groups) - 1 and msgs[groups[g][0]].get("role") == "assistant":
                    dropped.update(groups[g])
                    g += 1
            new_msgs = [m for i, m in enumerate(msgs) if i in keep_pinned or i not in dropped]
            obj["messages"] = new_msgs
            prompt = self._estimate(obj)
        if prompt + out > window:
            obj["messages"] = msgs
            return self._too_long(window, prompt, out)
        ctx.est_prompt_tokens = prompt
        ctx.body_dirty = True  # the handler re-serialises body_obj
        n = len(msgs) - len(new_msgs)
        ctx.add_header("x-fastgate-context-truncated", str(n))
        ctx.set_extra("context_truncated", n)
        return None

    @staticmethod
    def _too_long(window: int, prompt: int, out: int) -> Reply:
        return Reply(400, f"This model's maximum context length is {window} tokens. However, you requested "
                          f"{prompt + out} tokens ({prompt} in the messages, {out} in the completion). "
                          "Please reduce the length of the messages or completion.",
                     param="messages", code="context_length_exceeded", reason="context_length_exceeded")
