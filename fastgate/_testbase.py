"""A shipped test base (asyncpg ``_testbase`` style): an in-process gateway + admin plane.

    async with InProcessGateway(config) as gw:
        gw.url, gw.admin_url, gw.worker

Used by fastgate's own tests and usable by anyone testing a config or a custom stage.
"""

from __future__ import annotations

from typing import Any

from .admin import make_admin_app, start_admin
from .config import Config, load_config_text, mask_secrets
from .errors import ConfigError
from .observability.metrics import merge, render
from .server.worker import Worker, bind_socket


class InProcessBackend:
    """Admin backend over one in-process Worker."""

    def __init__(self, gw: InProcessGateway) -> None:
        self.gw = gw

    async def metrics_text(self) -> str:
        return render(merge([self.gw.worker.metrics_snapshot()]))

    async def readiness(self) -> tuple[bool, dict[str, Any]]:
        w = self.gw.worker
        auth = getattr(w.world, "auth", None)
        # JWKS-01: a worker without usable keys for every issuer is not ready.
        keys_ok = auth is None or auth.ready
        # Every model needs a target whose circuit breaker lets requests through.
        up_ok, unhealthy = w.world.upstream_health()
        ok = not w.gateway.draining and keys_ok and up_ok
        detail: dict[str, Any] = {"workers": 1, "workers_ready": int(ok), "generation": w.generation,
                                  "draining": w.gateway.draining, "upstreams_healthy": up_ok}
        if unhealthy:
            detail["unhealthy_models"] = unhealthy
        if auth is not None and auth.stores:
            detail["jwks"] = auth.describe()
        return ok, detail

    async def reload(self) -> tuple[bool, dict[str, Any]]:
        if self.gw.config_text is None:
            return False, {"reloaded": False, "errors": ["no config text to reload"]}
        try:
            cfg = load_config_text(self.gw.config_text, "<test>")
        except ConfigError as e:
            return False, {"reloaded": False, "errors": e.errors, "generation": self.gw.worker.generation}
        self.gw.worker.reload(cfg)
        return True, {"reloaded": True, "generation": self.gw.worker.generation, "errors": []}

    def config_view(self) -> dict[str, Any]:
        return mask_secrets(self.gw.worker.config)

    def current_config(self) -> Config:
        return self.gw.worker.config

    def admin_token(self) -> str | None:
        return self.gw.worker.config.admin.token or None

    async def flush_usage(self) -> dict[str, str] | None:
        from .server.worker import ledger_store

        w = self.gw.worker
        if w.ledger is not None:
            await w.ledger.aflush()
        return ledger_store(w.config)


class InProcessGateway:
    def __init__(self, config: Config | str, *, admin: bool = True) -> None:
        if isinstance(config, str):
            self.config_text: str | None = config
            config = load_config_text(config, "<test>")
        else:
            self.config_text = None
        self.config = config
        self.with_admin = admin
        self.worker: Worker = None  # type: ignore[assignment]
        self.url = ""
        self.admin_url = ""
        self._runner: Any = None

    async def start(self) -> InProcessGateway:
        self.worker = Worker(self.config)
        await self.worker.start(bind_socket("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.worker.port}"
        if self.with_admin:
            self._runner, port = await start_admin(make_admin_app(InProcessBackend(self)), "127.0.0.1", 0)
            self.admin_url = f"http://127.0.0.1:{port}"
        return self

    async def reload_text(self, text: str) -> tuple[bool, dict[str, Any]]:
        self.config_text = text
        return await InProcessBackend(self).reload()

    async def stop(self, drain_timeout: float = 5.0) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.worker is not None and not self.worker.stopped.is_set():
            await self.worker.drain(drain_timeout)
        from .governance.subscriptions import stop_views

        stop_views()  # the subscription pollers of this loop (governance)

    async def __aenter__(self) -> InProcessGateway:
        return await self.start()

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()
