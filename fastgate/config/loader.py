"""Load, expand, type-check and cross-check a fastgate YAML configuration.

Pipeline (each step collects every problem it can before raising one ``ConfigError``):

1. YAML → nodes with a strict SafeLoader: duplicate keys are errors (PyYAML silently keeps the last
   one), booleans/numbers follow YAML 1.2 (``off`` and ``no`` stay strings, ``20:00`` is not 1200),
   and alias expansion is bounded (the "billion laughs" shape).
2. ``${VAR}`` / ``${VAR:-default}`` expanded in string values of the parsed tree (``$${`` = literal ``${``).
3. Durations (``per``, ``*_s``) normalised to float seconds, guided by the schema.
4. msgspec conversion to the frozen ``Config`` (fast path: one call).  When it fails, a schema-guided
   descent re-checks every field separately, so *all* type errors are reported with real dotted paths
   (msgspec stops at the first and prints mapping keys as ``[...]``).
5. Cross-field checks (``_Checker``), all collected.

Errors read ``dotted.path: message`` — mapping keys as-is, list indices in brackets:
``models.gpt-4o.targets[0].provider: unknown provider 'opnai'``.
"""

from __future__ import annotations

import datetime
import difflib
import fnmatch
import gc
import ipaddress
import os
import re
import sys
import types
import typing
import zoneinfo
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin
from urllib.parse import urlsplit, urlunsplit

import msgspec
import yaml

from ..errors import ConfigError
from . import schema as s
from .schema import DURATION, Config, parse_duration, parse_hostport

__all__ = ["load_config", "load_config_text", "mask_secrets", "default_config", "check_main"]

ROOT = "<root>"

# --------------------------------------------------------------------------------------------------
# 1. YAML
# --------------------------------------------------------------------------------------------------

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 1k models fast

_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
# YAML 1.2 core schema integers/floats (plus `_` separators); no octal, no base 60.
_INT_RE = re.compile(r"^(?:[-+]?(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+)$")
_FLOAT_RE = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
    re.X,
)

# Nodes after alias expansion: a real config has a few thousand; this only stops alias bombs.
_MAX_NODES = 2_000_000
_MAX_DEPTH = 64


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that rejects duplicate keys, bounds alias expansion, and resolves scalars like YAML 1.2.

    YAML 1.1 (PyYAML's default) turns ``off``/``no``/``on``/``yes`` into booleans — SPEC values such as
    ``pii: {request: off}`` and ``auth: off`` would silently become ``False`` — reads ``20:00`` as the
    base-60 integer 1200 and ``2024-06-01`` as a date.  Only ``true``/``false`` are booleans here,
    integers are decimal (``_`` separators allowed) or ``0x`` hex, and timestamps stay strings.
    """

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        return _Builder(self).build(node)

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._tag_cache: dict[tuple[str, bool], str] = {}

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        # Config files repeat the same plain scalars (keys above all): memoise the regex scan.
        if kind is yaml.ScalarNode and implicit[0]:
            key = (value, implicit[1])
            tag = self._tag_cache.get(key)
            if tag is None:
                tag = self._tag_cache[key] = super().resolve(kind, value, implicit)
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]


_StrictLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL_TAG, _INT_TAG, _FLOAT_TAG, _TIMESTAMP_TAG)]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictLoader.add_implicit_resolver(_INT_TAG, _INT_RE, list("-+0123456789"))
_StrictLoader.add_implicit_resolver(_FLOAT_TAG, _FLOAT_RE, list("-+0123456789."))


class _Builder:
    """Build Python data from the node graph in one walk, checking what PyYAML's constructor does not.

    Duplicate keys are reported with their dotted path, nesting depth and recursive aliases are
    rejected, and the size after alias expansion is bounded (billion-laughs shape).  Scalars with the
    core tags are built inline (much faster than PyYAML's generator-based constructor); anything with
    another explicit tag (``!!binary``, ``!!set`` …) goes to SafeConstructor, which rejects unknown tags.
    """

    def __init__(self, loader: _StrictLoader) -> None:
        self.loader = loader
        self.errors: list[str] = []
        self.done: dict[int, tuple[Any, int]] = {}  # id(node) -> (value, expanded size)
        self.active: set[int] = set()

    def build(self, node: yaml.Node) -> Any:
        try:
            value, total = self._build(node, "", 0)
        except _Abort as e:
            raise ConfigError([*self.errors, str(e)])
        if self.errors:
            raise ConfigError(self.errors)
        return value

    def _build(self, node: yaml.Node, path: str, depth: int) -> tuple[Any, int]:
        key = id(node)
        done = self.done.get(key)
        if done is not None:  # an alias: same object (as PyYAML does), its size counts again
            return done
        if isinstance(node, yaml.ScalarNode):
            out = (self._scalar(node, path), 1)
            self.done[key] = out
            return out
        if depth > _MAX_DEPTH:
            raise _Abort(f"{path or ROOT}: nested deeper than {_MAX_DEPTH} levels")
        if key in self.active:
            raise _Abort(f"{path or ROOT}: recursive alias")
        if node.tag not in (_MAP_TAG, _SEQ_TAG):
            return self._other(node, path), 1
        self.active.add(key)
        size = 1
        value: Any
        if isinstance(node, yaml.MappingNode):
            value = {}
            merged: dict[Any, Any] = {}
            for knode, vnode in node.value:
                if knode.tag == _MERGE_TAG:  # `<<: *base`: explicit keys override merged ones
                    sources = vnode.value if isinstance(vnode, yaml.SequenceNode) else [vnode]
                    for src in reversed(sources):
                        if not isinstance(src, yaml.MappingNode):
                            raise _Abort(f"{path or ROOT}: '<<' must merge mappings")
                        sub, n = self._build(src, path, depth + 1)
                        merged.update(sub)
                        size += n
                    continue
                if not isinstance(knode, yaml.ScalarNode):
                    raise _Abort(
                        f"{path or ROOT}: mapping keys must be scalars (line {knode.start_mark.line + 1})"
                    )
                k = self._scalar(knode, path)
                kpath = _join(path, k)
                try:
                    dup = k in value
                except TypeError:
                    raise _Abort(f"{kpath}: unhashable mapping key")
                if dup:
                    self.errors.append(f"{kpath}: duplicate key {k!r} (line {knode.start_mark.line + 1})")
                value[k], n = self._build(vnode, kpath, depth + 1)
                size += 1 + n
            if merged:
                value = {**merged, **value}
        else:
            value = []
            for i, item in enumerate(node.value):
                v, n = self._build(item, f"{path}[{i}]", depth + 1)
                value.append(v)
                size += n
        self.active.discard(key)
        if size > _MAX_NODES:
            raise _Abort(f"{path or ROOT}: document expands to more than {_MAX_NODES} nodes through aliases")
        self.done[key] = (value, size)
        return value, size

    def _scalar(self, node: yaml.ScalarNode, path: str) -> Any:
        tag, v = node.tag, node.value
        if tag == _STR_TAG:
            return v
        if tag == _NULL_TAG:
            return None
        if tag == _BOOL_TAG and v.lower() in ("true", "false"):
            return v.lower() == "true"
        if tag == _INT_TAG and _INT_RE.match(v):
            v = v.replace("_", "")
            return int(v, 16) if v.startswith("0x") else int(v)
        if tag == _FLOAT_TAG and _FLOAT_RE.match(v):
            low = v.replace("_", "").lower()
            if low.endswith(".inf"):
                return float("-inf") if low.startswith("-") else float("inf")
            return float("nan") if low == ".nan" else float(low)
        return self._other(node, path)

    def _other(self, node: yaml.Node, path: str) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as e:
            raise _Abort(
                f"{path or ROOT}: {getattr(e, 'problem', None) or e} (line {node.start_mark.line + 1})"
            )


class _Abort(Exception):
    pass


def _parse_yaml(text: str, source: str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except ConfigError:
        raise
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        what = " ".join(p for p in (e.context, e.problem) if p)
        raise ConfigError([f"{where}: invalid YAML: {what}"])
    except yaml.YAMLError as e:
        raise ConfigError([f"{source}: invalid YAML: {e}"])
    except RecursionError:
        raise ConfigError([f"{source}: invalid YAML: nested too deeply"])


def _join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


# --------------------------------------------------------------------------------------------------
# 2. ${VAR} expansion
# --------------------------------------------------------------------------------------------------

_VAR_RE = re.compile(r"\$\$\{|\$\{([^}]*)\}|\$\{")
_VAR_BODY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$", re.S)


# Placeholders the transforms stage fills per request (``routes[].transforms``): kept as written.
_REQUEST_PLACEHOLDERS = frozenset({"request_id", "client_ip", "subject", "tenant", "route"})


def _is_request_placeholder(name: str) -> bool:
    return name in _REQUEST_PLACEHOLDERS or (name.startswith("claim.") and len(name) > 6)


def _expand(obj: Any, path: str, env: Mapping[str, str], errors: list[str]) -> Any:
    """Return a copy of ``obj`` with variables expanded in string values (never in keys).

    The copy also un-shares YAML aliases, so later in-place normalisation cannot leak between them.
    """
    if isinstance(obj, str):
        return _expand_str(obj, path, env, errors) if "$" in obj else obj
    if isinstance(obj, dict):
        return {k: _expand(v, _join(path, k), env, errors) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_expand(v, f"{path}[{i}]", env, errors) for i, v in enumerate(obj)]
    return obj


def _expand_str(text: str, path: str, env: Mapping[str, str], errors: list[str]) -> str:
    def repl(m: re.Match[str]) -> str:
        tok = m.group(0)
        if tok == "$${":
            return "${"
        if tok == "${":
            errors.append(f"{path or ROOT}: unterminated '${{' (write '$${{' for a literal '${{')")
            return ""
        if ".transforms" in path and _is_request_placeholder(m.group(1)):
            return tok  # filled per request by the transforms stage, not from the environment
        body = _VAR_BODY_RE.match(m.group(1))
        if body is None:
            errors.append(
                f"{path or ROOT}: invalid variable reference {tok!r} (expected ${{NAME}} or ${{NAME:-default}})"
            )
            return ""
        name, default = body.group(1), body.group(2)
        value = env.get(name)
        # Shell semantics of `:-`: the default also replaces an empty value.
        if default is not None and not value:
            return default
        if value is None:
            errors.append(
                f"{path or ROOT}: environment variable {name!r} is not set (use ${{{name}:-default}} for a default)"
            )
            return ""
        return value

    return _VAR_RE.sub(repl, text)


# --------------------------------------------------------------------------------------------------
# Schema introspection (cached per type)
# --------------------------------------------------------------------------------------------------


def _strip(tp: Any) -> tuple[Any, tuple[Any, ...]]:
    """``Annotated[T, m...]`` → ``(T, (m...))``."""
    if get_origin(tp) is typing.Annotated:
        args = get_args(tp)
        return args[0], tuple(args[1:])
    return tp, ()


def _is_struct(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, msgspec.Struct)


def _is_union(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType)


@cache
def _fields(cls: type) -> dict[str, msgspec.structs.FieldInfo]:
    return {f.encode_name: f for f in msgspec.structs.fields(cls)}


def _is_duration(tp: Any) -> bool:
    base, meta = _strip(tp)
    if DURATION in meta:
        return True
    return _is_union(base) and any(_is_duration(m) for m in get_args(base))


@cache
def _has_duration(tp: Any) -> bool:
    """Whether any value under ``tp`` is a duration (so the normaliser can skip whole subtrees)."""
    base, _ = _strip(tp)
    if _is_duration(tp):
        return True
    if _is_struct(base):
        return any(_has_duration(f.type) for f in _fields(base).values())
    return any(_has_duration(a) for a in get_args(base) if a is not Ellipsis and not isinstance(a, str))


# --------------------------------------------------------------------------------------------------
# 3. Durations
# --------------------------------------------------------------------------------------------------


def _normalise_durations(value: Any, tp: Any, path: str, errors: list[str]) -> Any:
    """Replace duration strings by float seconds in place, following the schema type ``tp``."""
    if not _has_duration(tp):
        return value
    if _is_duration(tp):
        if value is None or isinstance(value, bool) or not isinstance(value, str | int | float):
            return value  # msgspec reports the type error
        try:
            return parse_duration(value)
        except ValueError as e:
            errors.append(f"{path or ROOT}: {e}")
            return value
    base, _ = _strip(tp)
    if _is_struct(base):
        if isinstance(value, dict):
            fields = _fields(base)
            for k, v in value.items():
                f = fields.get(k) if isinstance(k, str) else None
                if f is not None:
                    value[k] = _normalise_durations(v, f.type, _join(path, k), errors)
        return value
    if _is_union(base):
        for member in get_args(base):
            mb, _ = _strip(member)
            if (_is_struct(mb) or get_origin(mb) is dict) and isinstance(value, dict):
                return _normalise_durations(value, member, path, errors)
            if get_origin(mb) in (tuple, list) and isinstance(value, list):
                return _normalise_durations(value, member, path, errors)
        return value
    origin = get_origin(base)
    if origin in (tuple, list) and isinstance(value, list):
        item = get_args(base)[0]
        for i, v in enumerate(value):
            value[i] = _normalise_durations(v, item, f"{path}[{i}]", errors)
    elif origin is dict and isinstance(value, dict):
        vt = get_args(base)[1]
        for k, v in value.items():
            value[k] = _normalise_durations(v, vt, _join(path, k), errors)
    return value


# --------------------------------------------------------------------------------------------------
# 4. Type errors: a schema-guided descent that reports every one of them
# --------------------------------------------------------------------------------------------------


def _convert(value: Any, tp: Any) -> Any:
    # Lax mode: numbers and booleans written as strings are accepted, which is what `${PORT}` yields.
    return msgspec.convert(value, tp, strict=False)


def _typename(v: Any) -> str:
    if v is None:
        return "null"
    return {
        bool: "boolean",
        int: "integer",
        float: "number",
        str: "string",
        list: "list",
        dict: "mapping",
    }.get(type(v), type(v).__name__)


def _describe(tp: Any) -> str:
    base, _ = _strip(tp)
    if get_origin(base) is Literal:
        return " | ".join(repr(a) for a in get_args(base))
    if _is_union(base):
        return " or ".join(_describe(m) for m in get_args(base))
    if _is_struct(base) or get_origin(base) is dict:
        return "a mapping"
    if get_origin(base) in (tuple, list):
        args = get_args(base)
        if get_origin(base) is tuple and args and args[-1] is not Ellipsis:
            return f"a list of {len(args)} items"
        return "a list"
    return {
        type(None): "null",
        bool: "true or false",
        int: "an integer",
        float: "a number",
        str: "a string",
        datetime.date: "a date (YYYY-MM-DD)",
    }.get(base, getattr(base, "__name__", str(base)))


def _literals(tp: Any) -> list[str]:
    base, _ = _strip(tp)
    if get_origin(base) is Literal:
        return [a for a in get_args(base) if isinstance(a, str)]
    if _is_union(base):
        return [x for m in get_args(base) for x in _literals(m)]
    return []


_BOUND_RE = re.compile(r"^Expected `[^`]+` (>=|>|<=|<) (\S+)")
_YAML11_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n"})


def _translate_path(prefix: str, mpath: str) -> str:
    """msgspec's ``$.a.b[0]`` below ``prefix`` → ``prefix.a.b[0]`` (``$`` alone is ``prefix`` itself).

    msgspec prints a mapping value's key as ``[...]``; the descent in ``_collect`` goes through every
    mapping itself, so that form only survives here for values it did not enter.
    """
    rest = mpath[1:] if mpath.startswith("$") else mpath
    if not rest:
        return prefix or ROOT
    if rest.startswith("."):
        return _join(prefix, rest[1:])
    return (prefix or ROOT) + rest


def _split_error(err: msgspec.ValidationError) -> tuple[str, str]:
    """``"Expected `int`, got `str` - at `$.a[0]`"`` → ``("Expected `int`, got `str`", "$.a[0]")``."""
    msg, _, where = str(err).partition(" - at `")
    return msg, where.rstrip("`") or "$"


def _leaf_message(value: Any, tp: Any, msg: str) -> str:
    literals = _literals(tp)
    if msg.startswith("Invalid enum value") or (literals and isinstance(value, str)):
        hint = _suggest(value, literals) if isinstance(value, str) else ""
        return f"invalid value {value!r} (expected {_describe(tp)}){hint}"
    if msg.startswith("Invalid") and isinstance(value, str):  # e.g. "Invalid RFC3339 encoded date"
        return f"invalid value {value!r} (expected {_describe(tp)})"
    m = _BOUND_RE.match(msg)
    if m:
        return f"must be {m.group(1)} {m.group(2).removesuffix('.0')}, got {value!r}"
    if msg.startswith("Expected `"):
        out = f"expected {_describe(tp)}, got {_typename(value)}"
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            out += f" {value!r}"
        elif isinstance(value, list):
            out += f" of {len(value)}"
        if isinstance(value, str) and value.lower() in _YAML11_BOOLS and "true or false" in _describe(tp):
            out += " (write true or false)"
        return out
    return msg[:1].lower() + msg[1:]


def _suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _collect(value: Any, tp: Any, path: str, errors: list[str]) -> None:
    """Append one ``path: message`` per type problem found under ``value`` (checked against ``tp``)."""
    try:
        _convert(value, tp)
        return
    except msgspec.ValidationError as e:
        err = e
    where = path or ROOT
    base, _ = _strip(tp)
    before = len(errors)
    if _is_struct(base) and isinstance(value, dict):
        fields = _fields(base)
        for k, v in value.items():
            f = fields.get(k) if isinstance(k, str) else None
            if f is None:
                hint = _suggest(str(k), fields) or f" (allowed: {', '.join(fields)})"
                errors.append(f"{_join(path, k)}: unknown key {str(k)!r}{hint}")
            else:
                _collect(v, f.type, _join(path, k), errors)
        for name, f in fields.items():
            if (
                name not in value
                and f.default is msgspec.NODEFAULT
                and f.default_factory is msgspec.NODEFAULT
            ):
                errors.append(f"{where}: missing required key {name!r}")
    elif get_origin(base) in (tuple, list) and isinstance(value, list):
        item = get_args(base)[0]
        for i, v in enumerate(value):
            _collect(v, item, f"{path}[{i}]", errors)
    elif get_origin(base) is dict and isinstance(value, dict):
        kt, vt = get_args(base)
        for k, v in value.items():
            if kt is str and not isinstance(k, str):
                errors.append(f"{_join(path, k)}: key must be a string, got {_typename(k)} {k!r} (quote it)")
            else:
                _collect(v, vt, _join(path, k), errors)
    elif _is_union(base) and isinstance(value, dict | list):
        want = dict if isinstance(value, dict) else list
        members = [
            m
            for m in get_args(base)
            if (want is dict and (_is_struct(_strip(m)[0]) or get_origin(_strip(m)[0]) is dict))
            or (want is list and get_origin(_strip(m)[0]) in (tuple, list))
        ]
        if len(members) == 1:
            _collect(value, members[0], path, errors)
    if len(errors) == before:
        if _is_struct(base) and not isinstance(value, dict):
            errors.append(f"{where}: expected a mapping, got {_typename(value)}")
        else:
            msg, mpath = _split_error(err)
            if mpath != "$":  # below a value not descended into: its type is not ``tp``, keep msgspec's words
                errors.append(f"{_translate_path(path, mpath)}: {msg[:1].lower()}{msg[1:]}")
            else:
                errors.append(f"{where}: {_leaf_message(value, tp, msg)}")


# --------------------------------------------------------------------------------------------------
# 5. Cross-field checks
# --------------------------------------------------------------------------------------------------

# RFC 9110 §5.6.2 token characters; header values must not carry CR/LF/NUL (CWE-113 header injection).
_TOKEN_RE = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
_BAD_VALUE_RE = re.compile(r"[\r\n\x00]")
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
_IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CLAIM_REF_RE = re.compile(r"^claim:[A-Za-z0-9_.:/-]+$")
# JWK members that only a private or symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1).
_PRIVATE_JWK_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth", "k")


class _Checker:
    """Every cross-field rule; ``run`` returns all problems found, in document order."""

    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg
        self.errors: list[str] = []

    def err(self, path: str, msg: str) -> None:
        self.errors.append(f"{path or ROOT}: {msg}")

    def run(self) -> list[str]:
        self.server(self.cfg.server)
        self.auth(self.cfg.auth)
        self.providers()
        self.models()
        self.policies()
        self.rate_limit()
        self.pii()
        self.routes()
        self.templates()
        self.cache()
        return self.errors

    # -- helpers ---------------------------------------------------------------------------------

    def url(self, path: str, url: str, *, https_only: bool = False) -> None:
        problem = s.check_http_url(url, https_only=https_only)
        if problem:
            self.err(path, problem)

    def regex(self, path: str, rx: str) -> re.Pattern[str] | None:
        try:
            return re.compile(rx)
        except re.error as e:
            self.err(path, f"invalid regex {rx!r}: {e}")
            return None

    def cidr(self, path: str, value: str) -> None:
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError as e:
            self.err(path, f"invalid CIDR {value!r} ({e})")

    def nonempty(self, path: str, value: str, what: str = "must not be empty") -> None:
        if not value.strip():
            self.err(path, what)

    def require_auth(self, path: str, ra: s.RequireAuth | None) -> None:
        if ra is not None and not ra.acr_values and ra.max_age_s is None and not getattr(ra, "amr", None):
            self.err(path, "set acr_values, amr and/or max_age_s")

    def deprecated(self, path: str, dep: s.Deprecation | None) -> None:
        if dep is not None and dep.link is not None:
            self.url(f"{path}.link", dep.link)

    def model_glob(self, path: str, pattern: str) -> None:
        # "*" means every model, including none: a routes-only gateway keeps the default.
        if pattern != "*" and not any(fnmatch.fnmatchcase(m, pattern) for m in self.cfg.models):
            self.err(path, f"pattern {pattern!r} matches no model")

    def unknown(self, path: str, what: str, name: str, known: Iterable[str]) -> None:
        self.err(path, f"unknown {what} {name!r}{_suggest(name, known)}")

    # -- sections --------------------------------------------------------------------------------

    def server(self, srv: s.Server) -> None:
        addrs: dict[str, tuple[str, int]] = {}
        for key in ("listen", "admin_listen"):
            try:
                addrs[key] = parse_hostport(getattr(srv, key))
            except ValueError as e:
                self.err(f"server.{key}", str(e))
        if len(addrs) == 2 and addrs["listen"][1] != 0 and addrs["listen"] == addrs["admin_listen"]:
            self.err("server.admin_listen", f"same address as server.listen ({srv.listen})")
        for i, cidr in enumerate(srv.trusted_proxies):
            self.cidr(f"server.trusted_proxies[{i}]", cidr)
        if (srv.tls.cert is None) != (srv.tls.key is None):
            self.err("server.tls", "cert and key must be set together")
        if not _TOKEN_RE.match(srv.request_id_header):
            self.err("server.request_id_header", f"invalid header name {srv.request_id_header!r}")

    def auth(self, auth: s.Auth) -> None:
        issuers: dict[str, int] = {}
        for i, j in enumerate(auth.jwt):
            p = f"auth.jwt[{i}]"
            self.nonempty(f"{p}.issuer", j.issuer)
            # RFC 7519 §4.1.1 / JWT-17: the token's `iss` selects the provider, so it must be unique.
            if j.issuer in issuers:
                self.err(f"{p}.issuer", f"duplicate issuer {j.issuer!r} (also auth.jwt[{issuers[j.issuer]}])")
            issuers.setdefault(j.issuer, i)
            if not j.audiences:
                # Without an audience check a token minted for another API is accepted (RFC 8725 §3.9).
                self.err(f"{p}.audiences", "at least one audience is required (RFC 8725 §3.9)")
            if not j.algorithms:
                self.err(f"{p}.algorithms", "must not be empty")
            sources = [
                n
                for n in ("discovery", "jwks_uri", "jwks_file", "jwks")
                if getattr(j, n) not in (None, False)
            ]
            if len(sources) > 1:
                self.err(p, f"at most one key source is allowed, got {' and '.join(sources)}")
            if j.discovery is False and not sources:
                self.err(f"{p}.discovery", "false needs one of jwks_uri, jwks_file or jwks")
            if isinstance(j.discovery, str):
                self.url(f"{p}.discovery", j.discovery, https_only=True)
            if j.jwks_uri is not None:
                self.url(f"{p}.jwks_uri", j.jwks_uri, https_only=True)
            if j.jwks_file is not None:
                self.nonempty(f"{p}.jwks_file", j.jwks_file)
            if j.jwks is not None:
                self.inline_jwks(f"{p}.jwks", j.jwks)
            for k, c in enumerate(j.required_claims):
                self.nonempty(f"{p}.required_claims[{k}]", c)
        for i, it in enumerate(auth.introspection):
            p = f"auth.introspection[{i}]"
            # RFC 7662 §4: the endpoint sees live tokens and a client secret; TLS is required.
            self.url(f"{p}.endpoint", it.endpoint, https_only=True)
            self.nonempty(f"{p}.client_id", it.client_id)
            if it.client_secret is None:
                self.err(f"{p}.client_secret", "required (RFC 7662 §2.1: the caller must authenticate)")
        names: dict[str, int] = {}
        digests: dict[str, int] = {}
        for i, ak in enumerate(auth.api_keys):
            p = f"auth.api_keys[{i}]"
            self.nonempty(f"{p}.name", ak.name)
            if ak.name in names:
                self.err(
                    f"{p}.name", f"duplicate api key name {ak.name!r} (also auth.api_keys[{names[ak.name]}])"
                )
            names.setdefault(ak.name, i)
            if not _SHA256_RE.match(ak.sha256):
                self.err(f"{p}.sha256", "must be 64 lowercase hex characters (the SHA-256 of the key)")
            elif ak.sha256 in digests:
                self.err(f"{p}.sha256", f"same key as auth.api_keys[{digests[ak.sha256]}]")
            digests.setdefault(ak.sha256, i)

    def inline_jwks(self, path: str, jwks: dict[str, Any]) -> None:
        keys = jwks.get("keys")
        if not isinstance(keys, list) or not keys:
            self.err(path, 'must be a JWKS object with a non-empty "keys" list (RFC 7517 §5)')
            return
        for i, jwk in enumerate(keys):
            if not isinstance(jwk, dict) or not isinstance(jwk.get("kty"), str):
                self.err(f"{path}.keys[{i}]", 'must be a JWK object with a "kty" member')
                continue
            if jwk["kty"] == "oct":
                # Symmetric keys from a JWKS enable alg-confusion forgeries (CVE-2016-10555).
                self.err(f"{path}.keys[{i}]", "symmetric ('oct') keys are not accepted from a JWKS")
                continue
            private = [m for m in _PRIVATE_JWK_MEMBERS if m in jwk]
            if private:
                self.err(
                    f"{path}.keys[{i}]",
                    f"contains private key material ({', '.join(private)}); publish only public keys",
                )

    def providers(self) -> None:
        for name, prov in self.cfg.providers.items():
            p = f"providers.{name}"
            self.nonempty(p, name, "provider name must not be empty")
            if (prov.base_url is None) == (prov.targets is None):
                self.err(p, "exactly one of base_url or targets is required")
            if prov.base_url is not None:
                self.url(f"{p}.base_url", prov.base_url)
            if prov.targets is not None:
                if not prov.targets:
                    self.err(f"{p}.targets", "must not be empty")
                for i, t in enumerate(prov.targets):
                    self.url(f"{p}.targets[{i}].url", t.url)
            if prov.type != "anthropic" and prov.anthropic_version is not None:
                self.err(f"{p}.anthropic_version", "only valid for type anthropic")
            self.headers(f"{p}.headers", prov.headers)
            if prov.health_check is not None and not prov.health_check.path.startswith("/"):
                self.err(f"{p}.health_check.path", "must start with '/'")

    def headers(self, path: str, headers: Mapping[str, str]) -> None:
        for hname, value in headers.items():
            if not _TOKEN_RE.match(hname):
                self.err(f"{path}.{hname}", f"invalid header name {hname!r}")
            if _BAD_VALUE_RE.search(value):
                self.err(f"{path}.{hname}", "header value must not contain CR, LF or NUL")

    def models(self) -> None:
        models, providers = self.cfg.models, self.cfg.providers
        for name, model in models.items():
            p = f"models.{name}"
            self.nonempty(p, name, "model name must not be empty")
            if not model.targets:
                self.err(f"{p}.targets", "must not be empty")
            for i, t in enumerate(model.targets):
                if t.provider not in providers:
                    self.unknown(f"{p}.targets[{i}].provider", "provider", t.provider, providers)
                self.nonempty(f"{p}.targets[{i}].model", t.model)
            seen: set[str] = set()
            for i, fb in enumerate(model.fallbacks):
                if fb not in models:
                    self.unknown(f"{p}.fallbacks[{i}]", "model", fb, models)
                elif fb in seen:
                    self.err(f"{p}.fallbacks[{i}]", f"duplicate fallback {fb!r}")
                seen.add(fb)
            if model.context_window is not None and model.max_output_tokens_default >= model.context_window:
                self.err(
                    f"{p}.max_output_tokens_default",
                    f"must be smaller than context_window ({model.context_window})",
                )
            self.require_auth(f"{p}.require_auth", model.require_auth)
            self.deprecated(f"{p}.deprecated", model.deprecated)
        self.fallback_cycles()

    def fallback_cycles(self) -> None:
        models = self.cfg.models
        state: dict[str, int] = {}  # 1 = on the DFS stack, 2 = done
        for root in models:
            if state.get(root):
                continue
            # Iterative DFS: a long fallback chain must not hit the recursion limit.
            stack: list[tuple[str, int]] = [(root, 0)]
            state[root] = 1
            while stack:
                node, i = stack[-1]
                fbs = models[node].fallbacks
                if i == len(fbs):
                    state[node] = 2
                    stack.pop()
                    continue
                stack[-1] = (node, i + 1)
                nxt = fbs[i]
                if nxt not in models:
                    continue
                if state.get(nxt) == 1:
                    names = [n for n, _ in stack]
                    cycle = names[names.index(nxt) :] + [nxt]
                    self.err(f"models.{node}.fallbacks[{i}]", f"fallback cycle {' -> '.join(cycle)}")
                elif not state.get(nxt):
                    state[nxt] = 1
                    stack.append((nxt, 0))

    def policies(self) -> None:
        names: dict[str, int] = {}
        for i, pol in enumerate(self.cfg.policies):
            p = f"policies[{i}]"
            self.nonempty(f"{p}.name", pol.name)
            if pol.name in names:
                self.err(
                    f"{p}.name", f"duplicate policy name {pol.name!r} (also policies[{names[pol.name]}])"
                )
            names.setdefault(pol.name, i)
            for k, pattern in enumerate(pol.models):
                self.model_glob(f"{p}.models[{k}]", pattern)
            for k, scope in enumerate(pol.require_scopes):
                self.nonempty(f"{p}.require_scopes[{k}]", scope)
            self.match(f"{p}.match", pol.match)
            for k, lim in enumerate(pol.limits):
                self.limit(f"{p}.limits[{k}]", lim)
            if pol.prompt_guard is not None:
                for kind in ("deny", "allow"):
                    for k, rx in enumerate(getattr(pol.prompt_guard, kind)):
                        self.regex(f"{p}.prompt_guard.{kind}[{k}]", rx)

    def match(self, p: str, m: s.PolicyMatch) -> None:
        for k, cidr in enumerate(m.ip):
            self.cidr(f"{p}.ip[{k}]", cidr)
        for claim, values in m.claims.items():
            self.nonempty(f"{p}.claims", claim, "claim names must not be empty")
            if not values:
                self.err(f"{p}.claims.{claim}", "must list at least one value")
        if m.time is not None:
            t = m.time
            try:
                t.day_set()
            except ValueError as e:
                self.err(f"{p}.time.days", str(e))
            clocks = []
            for key, value in (("from", t.from_), ("to", t.to)):
                try:
                    clocks.append(s._parse_clock(value))
                except ValueError as e:
                    self.err(f"{p}.time.{key}", str(e))
            if len(clocks) == 2 and clocks[0] == clocks[1]:
                self.err(f"{p}.time", "from and to are equal (an empty window)")
            try:
                zoneinfo.ZoneInfo(t.tz)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                self.err(f"{p}.time.tz", f"unknown time zone {t.tz!r}")

    def limit(self, p: str, lim: s.Limit) -> None:
        kinds = [k for k in s.LIMIT_KINDS if getattr(lim, k) is not None]
        if len(kinds) != 1:
            got = f", got {' and '.join(kinds)}" if kinds else ""
            self.err(p, f"exactly one of requests, tokens, usd, concurrency is required{got}")
        for kind in kinds:
            v = getattr(lim, kind)
            if isinstance(v, str):
                if not _CLAIM_REF_RE.match(v):
                    self.err(f"{p}.{kind}", f"expected a number or 'claim:NAME', got {v!r}")
            elif v <= 0:
                # RL-02: a zero or negative rate is a configuration error, not "deny all".
                self.err(f"{p}.{kind}", f"must be > 0, got {v!r}")
        if len(kinds) == 1:
            if kinds[0] == "concurrency" and lim.per is not None:
                self.err(f"{p}.per", "not allowed for concurrency limits (they count requests in flight)")
            elif kinds[0] != "concurrency" and lim.per is None:
                self.err(f"{p}.per", f"required for {kinds[0]} limits (e.g. per: 1m)")
            elif kinds[0] != "concurrency":
                v = getattr(lim, kinds[0])
                if not isinstance(v, str) and v > 0 and lim.per is not None:
                    # The limiter counts on an integer nanosecond clock (usd in micro-dollars): a rate
                    # above one unit per ns cannot be represented and would fail every request.
                    units = v * 1_000_000 if kinds[0] == "usd" else v
                    if units > lim.per * 1e9:
                        self.err(f"{p}.{kinds[0]}", f"at most one unit per nanosecond: {v!r} per {lim.per:g} s is too many"
                                 + (" (usd counts micro-dollars)" if kinds[0] == "usd" else ""))
        if lim.model is not None:
            self.model_glob(f"{p}.model", lim.model)

    def rate_limit(self) -> None:
        rl = self.cfg.rate_limit
        if rl.backend == "redis" and rl.redis_url is None:
            self.err("rate_limit.redis_url", "required when backend is redis")
        if rl.redis_url is not None:
            self.redis_url("rate_limit.redis_url", rl.redis_url)

    def redis_url(self, path: str, url: str) -> None:
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises on a bad port
        except ValueError as e:
            self.err(path, f"invalid URL {url!r} ({e})")
            return
        if parts.scheme not in ("redis", "rediss", "unix"):
            self.err(path, f"invalid URL {url!r} (scheme must be redis, rediss or unix)")
        elif parts.scheme != "unix" and not parts.hostname:
            self.err(path, f"invalid URL {url!r} (no host)")

    def pii(self) -> None:
        names: dict[str, int] = {}
        for i, c in enumerate(self.cfg.pii.custom):
            p = f"pii.custom[{i}]"
            if not _IDENT_RE.match(c.name):
                self.err(f"{p}.name", f"invalid name {c.name!r} (letters, digits and _)")
            elif c.name in s.PII_ENTITIES:
                self.err(f"{p}.name", f"{c.name!r} is a built-in entity")
            elif c.name in names:
                self.err(f"{p}.name", f"duplicate name {c.name!r} (also pii.custom[{names[c.name]}])")
            names.setdefault(c.name, i)
            rx = self.regex(f"{p}.regex", c.regex)
            # A pattern matching "" would "redact" between every character of every message.
            if rx is not None and rx.fullmatch("") is not None:
                self.err(f"{p}.regex", f"regex {c.regex!r} matches the empty string")

    def routes(self) -> None:
        names: dict[str, int] = {}
        prefixes: dict[str, str] = {}
        for i, r in enumerate(self.cfg.routes):
            p = f"routes[{i}]"
            self.nonempty(f"{p}.name", r.name)
            if r.name in names:
                self.err(f"{p}.name", f"duplicate route name {r.name!r} (also routes[{names[r.name]}])")
            names.setdefault(r.name, i)
            problem = _path_problem(r.path_prefix)
            if problem:
                self.err(f"{p}.path_prefix", problem)
            elif r.path_prefix in prefixes:
                self.err(
                    f"{p}.path_prefix",
                    f"duplicate path_prefix {r.path_prefix!r} (also route {prefixes[r.path_prefix]!r})",
                )
            prefixes.setdefault(r.path_prefix, r.name)
            if not r.upstream.targets:
                self.err(f"{p}.upstream.targets", "must not be empty")
            for k, t in enumerate(r.upstream.targets):
                self.url(f"{p}.upstream.targets[{k}].url", t.url)
            if r.auth == "off" and r.require_scopes:
                self.err(f"{p}.require_scopes", "needs authentication, but auth is 'off'")
            self.require_auth(f"{p}.require_auth", r.require_auth)
            self.deprecated(f"{p}.deprecated", r.deprecated)

    def templates(self) -> None:
        paths: dict[str, str] = {}
        for name, t in self.cfg.templates.items():
            p = f"templates.{name}"
            problem = _path_problem(t.path)
            if problem:
                self.err(f"{p}.path", problem)
            elif t.path == "/v1" or t.path.startswith("/v1/"):
                self.err(f"{p}.path", f"{t.path!r} collides with the OpenAI-compatible API under /v1/")
            elif t.path in paths:
                self.err(f"{p}.path", f"{t.path!r} is already used by template {paths[t.path]!r}")
            else:
                for r in self.cfg.routes:
                    if t.path.startswith(r.path_prefix) or t.path == r.path_prefix.rstrip("/"):
                        self.err(
                            f"{p}.path",
                            f"{t.path!r} collides with route {r.name!r} (path_prefix {r.path_prefix!r})",
                        )
                        break
            paths.setdefault(t.path, name)
            if t.model not in self.cfg.models:
                self.unknown(f"{p}.model", "model", t.model, self.cfg.models)
            if not t.messages:
                self.err(f"{p}.messages", "must not be empty")
            variables = t.variables or {}
            used: set[str] = set()
            for i, msg in enumerate(t.messages):
                for ph in s.template_placeholders(msg.content):
                    used.add(ph)
                    if ph not in variables:
                        self.err(
                            f"{p}.messages[{i}].content",
                            f"placeholder '{{{{{ph}}}}}' is not declared in variables",
                        )
            for vname, var in variables.items():
                vp = f"{p}.variables.{vname}"
                if not _IDENT_RE.match(vname):
                    self.err(vp, f"invalid variable name {vname!r} (letters, digits and _)")
                elif vname not in used:
                    self.err(vp, "declared but not used in messages")
                if var.required and var.default is not None:
                    self.err(f"{vp}.required", "a variable with a default cannot be required")
                if (
                    var.default is not None
                    and var.max_length is not None
                    and len(var.default) > var.max_length
                ):
                    self.err(f"{vp}.default", f"longer than max_length ({var.max_length})")

    def cache(self) -> None:
        c = self.cfg.cache
        if c.redis_url is not None:
            self.redis_url("cache.redis_url", c.redis_url)
        if c.backend == "redis" and c.redis_url is None and self.cfg.rate_limit.redis_url is None:
            self.err("cache.redis_url", "required when backend is redis (or set rate_limit.redis_url)")


def _path_problem(path: str) -> str | None:
    if not path.startswith("/"):
        return "must start with '/'"
    if any(c.isspace() or ord(c) < 0x20 for c in path) or "?" in path or "#" in path:
        return f"invalid path {path!r} (no whitespace, control characters, '?' or '#')"
    # Dot segments would be normalised away by clients and upstreams (RFC 3986 §5.2.4): never match on them.
    if any(seg in (".", "..") for seg in path.split("/")):
        return f"invalid path {path!r} (no '.' or '..' segments)"
    return None


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------


def load_config_text(text: str, source: str = "<string>", env: Mapping[str, str] | None = None) -> Config:
    """Parse, expand, type-check and cross-check a YAML config; return the frozen ``Config``.

    ``env`` replaces ``os.environ`` for ``${VAR}`` expansion.  Raises ``ConfigError`` whose ``errors``
    list holds one ``"dotted.path: message"`` per problem found.
    """
    # A config is hundreds of thousands of small objects built in one go: with the cyclic GC on, its
    # repeated full collections make loading superlinear (5,000 models: 4 s instead of 1 s).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(text, source, env)
    finally:
        if gc_was_enabled:
            gc.enable()


def _load(text: str, source: str, env: Mapping[str, str] | None) -> Config:
    data = _parse_yaml(text, source)
    if data is None:  # an empty file is the default configuration
        data = {}
    if not isinstance(data, dict):
        raise ConfigError([f"{ROOT}: the top level must be a mapping, got {_typename(data)}"])
    errors: list[str] = []
    data = _expand(data, "", os.environ if env is None else env, errors)
    if errors:
        raise ConfigError(errors)
    data = _normalise_durations(data, Config, "", errors)
    try:
        cfg = _convert(data, Config)
    except msgspec.ValidationError:
        # A bad duration string also fails msgspec's float check: report it once, with the better message.
        bad = {e.partition(": ")[0] for e in errors}
        type_errors: list[str] = []
        _collect(data, Config, "", type_errors)
        errors += [e for e in type_errors if e.partition(": ")[0] not in bad]
    if errors:
        raise ConfigError(errors)
    problems = _Checker(cfg).run()
    if problems:
        raise ConfigError(problems)
    return cfg


def load_config(path: str | os.PathLike[str]) -> Config:
    """Load the config file at ``path`` (UTF-8 YAML) with ``os.environ`` for ``${VAR}``."""
    source = os.fspath(path)
    try:
        with open(source, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ConfigError([f"{source}: cannot read: {e.strerror or e}"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError([f"{source}: not valid UTF-8 (byte {e.start})"])
    return load_config_text(text, source=source)


def default_config() -> Config:
    """The configuration with every default and nothing configured (no providers, models, routes)."""
    return Config()


# -- /admin/config ----------------------------------------------------------------------------------

MASK = "***"
_SECRET_KEYS = frozenset({"api_key", "client_secret"})
_SECRET_HEADER_PARTS = ("auth", "key", "token", "secret", "cookie", "password")


def _mask_url_password(url: str) -> str:
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
    except ValueError:
        return MASK  # unparsable: do not risk echoing a secret
    userinfo = f"{parts.username or ''}:{MASK}"
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{host}"))


def _mask(obj: Any, key: str | None, parent: str | None) -> Any:
    """Mask ``obj`` found under mapping key ``key`` whose own container sits under ``parent``."""
    if isinstance(obj, dict):
        if key == "headers":
            return {
                k: (MASK if any(part in k.lower() for part in _SECRET_HEADER_PARTS) else v)
                for k, v in obj.items()
            }
        if key == "keys" and parent == "jwks":  # a JWK of an inline JWKS: private members never leave
            return {k: (MASK if k in _PRIVATE_JWK_MEMBERS else v) for k, v in obj.items()}
        return {k: _mask(v, k, key) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        # Items inherit the list's position so `jwks.keys[i]` is still recognised.
        return [_mask(v, key, parent) for v in obj]
    if isinstance(obj, str):
        if key in _SECRET_KEYS or (key == "token" and parent == "admin"):
            return MASK
        if key is not None and (key.endswith("_url") or key in ("url", "endpoint")) and "@" in obj:
            return _mask_url_password(obj)
    return obj


def mask_secrets(cfg: Config) -> dict[str, Any]:
    """A plain JSON-ready dict of ``cfg`` for ``GET /admin/config`` with every secret replaced by ``***``.

    Masked: provider ``api_key``, introspection ``client_secret``, ``admin.token``, passwords inside
    URLs (``redis_url`` …), ``headers`` values whose name contains auth/key/token/secret/cookie/password,
    and private members of inline JWKs.  Unset secrets stay ``null`` so an operator sees they are unset.
    """
    return _mask(msgspec.to_builtins(cfg), None, None)  # type: ignore[no-any-return]


# -- fastgate check ---------------------------------------------------------------------------------


def _resolve_path(path: str | None) -> str:
    if path:
        return path
    return os.environ.get("FASTGATE_CONFIG") or "fastgate.yaml"


def check_main(path: str | None) -> int:
    """``fastgate check [-c FILE]``: validate a config; 0 valid, 2 invalid or missing.

    The file is ``path``, else ``$FASTGATE_CONFIG``, else ``./fastgate.yaml``.  On success prints
    ``OK: <path> (N providers, N models, N routes, N policies)``; otherwise every error on stderr.
    """
    resolved = _resolve_path(path)
    if not os.path.exists(resolved):
        how = "-c" if path else ("$FASTGATE_CONFIG" if os.environ.get("FASTGATE_CONFIG") else "default")
        print(f"fastgate check: config file not found: {resolved} ({how})", file=sys.stderr)
        print(
            "hint: pass -c FILE or set $FASTGATE_CONFIG; to try fastgate without a config, run `fastgate demo`",
            file=sys.stderr,
        )
        return 2
    try:
        cfg = load_config(resolved)
    except ConfigError as e:
        for line in e.errors:
            print(line, file=sys.stderr)
        n = len(e.errors)
        print(f"INVALID: {resolved} ({n} error{'s' if n != 1 else ''})", file=sys.stderr)
        return 2
    print(
        f"OK: {resolved} ({len(cfg.providers)} providers, {len(cfg.models)} models, "
        f"{len(cfg.routes)} routes, {len(cfg.policies)} policies)"
    )
    return 0
