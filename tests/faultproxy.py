"""A tiny toxiproxy-style TCP fault proxy for tests (toxiproxy itself is not installable here).

``slice`` cuts the upstream→client byte stream into ``size``-byte segments (each its own write,
with a short pause so they arrive as separate TCP reads) — the shape that tears SSE events.
"""

from __future__ import annotations

import asyncio


class FaultProxy:
    def __init__(self, target_host: str, target_port: int, *, slice_size: int = 0, pause_s: float = 0.0005) -> None:
        self.target = (target_host, target_port)
        self.slice_size = slice_size
        self.pause_s = pause_s
        self.server: asyncio.AbstractServer | None = None
        self.port = 0
        self.connections = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> FaultProxy:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, slicing: bool) -> None:
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                if slicing and self.slice_size:
                    for i in range(0, len(data), self.slice_size):
                        writer.write(data[i:i + self.slice_size])
                        await writer.drain()
                        await asyncio.sleep(self.pause_s)
                else:
                    writer.write(data)
                    await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            try:
                writer.close()
            except Exception:
                pass

    async def _handle(self, creader: asyncio.StreamReader, cwriter: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            ureader, uwriter = await asyncio.open_connection(*self.target)
        except OSError:
            cwriter.close()
            return
        await asyncio.gather(self._pipe(creader, uwriter, False), self._pipe(ureader, cwriter, True))
