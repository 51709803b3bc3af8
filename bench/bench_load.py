"""Load benchmark: N concurrent kiosk clients in a closed loop against ``motcua serve`` on loopback.

Each virtual client (its own ``X-Forwarded-For: 10.a.b.c``, as a kiosk behind the proxy) sends requests back to
back with no think time: chat 50 % (a quarter of them follow-ups in the client's previous session), search 30 %,
procedure view 20 %. Questions go round-robin over a seeded shuffle of every distinct question in ``../shared``
and ``eval/*.jsonl``. Reports requests/s and p50/p95/p99 latency per route, errors (exceptions, timeouts, status
>= 400 except 429) and 429s, the generator's CPU seconds and, when this script started the server, the server's.

Run (the first start on a fresh data dir indexes the bundled pack, which takes a few minutes):

    .venv/bin/python bench/bench_load.py --clients 50 --duration 60 --workers 2
    .venv/bin/python bench/bench_load.py --clients 10 --duration 10 --workers 1 --data-dir /tmp/loadbench-var
    .venv/bin/python bench/bench_load.py --url http://127.0.0.1:8000 --json   # an already running server

``run_load()`` returns the same numbers as a dict (used by ``bench/bench_ingest.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
ROUTES = ("chat", "search", "procedure")
WEIGHTS = (0.5, 0.3, 0.2)
FOLLOW_UP = 0.25
REQUEST_TIMEOUT_S = 30.0
READY_TIMEOUT_S = 900.0


class ServerStartError(RuntimeError):
    """The server exited or never became ready; the message carries the tail of its log."""


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_questions(shared: Path, seed: int) -> list[str]:
    """Distinct questions from the shared query files and the repo's eval sets, shuffled with ``seed``."""
    found: list[str] = []
    queries = shared / "queries"
    if queries.is_dir():
        for row in _jsonl(queries / "ward-police-intents.jsonl"):
            found.extend(row.get("questions", []))
        found.extend((queries / "citizen-questions.txt").read_text(encoding="utf-8").splitlines())
        found.extend(row.get("question", "") for row in _jsonl(queries / "dvc-faq-qa.jsonl"))
    else:
        print(f"note: {shared} not found; using only the repo's eval questions", file=sys.stderr)
    for path in sorted((ROOT / "eval").glob("*.jsonl")):
        for row in _jsonl(path):  # rows with only a "ref" (shared-refs.jsonl) carry no text of their own
            found.append(row.get("text", ""))
            found.extend(turn.get("text", "") for turn in row.get("turns", []))
    questions = list(dict.fromkeys(q.strip() for q in found if q and q.strip()))
    random.Random(seed).shuffle(questions)
    return questions


def _tree_cpu(root: psutil.Process) -> dict[int, float]:
    """user+sys CPU seconds of each live process in the tree."""
    seconds: dict[int, float] = {}
    for proc in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            seconds[proc.pid] = (times := proc.cpu_times()).user + times.system
    return seconds


class Server:
    """``motcua serve`` in its own process group on a free loopback port; stopped on exit, also on errors."""

    def __init__(self, workers: int, data_dir: Path | None) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="motcua-load-"))
        self.data_dir = data_dir or self.tmp / "var"
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        self.url, self.log_path = f"http://127.0.0.1:{port}", self.tmp / "server.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.cmd = [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
                    "--data-dir", str(self.data_dir), *(["--workers", str(workers)] if workers > 1 else [])]

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def start(self) -> None:
        env = {**os.environ, "MOTCUA_RATE_LIMIT_PUBLIC": "100000/minute", "MOTCUA_TRUSTED_PROXIES": "127.0.0.1",
               "MOTCUA_LOG_LEVEL": "warning"}
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(self.cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + READY_TIMEOUT_S
        with httpx.Client(timeout=5.0, trust_env=False) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise ServerStartError(f"server exited with {self.proc.returncode}:\n{self.log_tail()}")
                try:
                    if client.get(f"{self.url}/readyz").status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(1.0)
        raise ServerStartError(f"server not ready after {READY_TIMEOUT_S:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """SIGTERM to the process group, SIGKILL to whatever is left of it 10 s later; removes the temp dir."""
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=10)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


def _percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list (0 when empty)."""
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)] if ordered else 0.0


class _Load:
    """Shared state of the virtual clients: one connection pool, the question cycle and the measured samples."""

    def __init__(self, http: httpx.AsyncClient, questions: list[str], known: list[str], begin: float, end: float):
        self.http, self.pool, self.known, self.begin, self.end = http, itertools.cycle(questions), known, begin, end
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.limited = 0

    async def send(self, route: str, headers: dict[str, str], session: str | None, code: str) -> httpx.Response:
        if route == "chat":
            payload = {"message": next(self.pool)[:2000], "channel": "kiosk"}
            if session:
                payload["session_id"] = session
            return await self.http.post("/api/v1/chat", json=payload, headers=headers)
        if route == "search":
            return await self.http.get("/api/v1/search", params={"q": next(self.pool)[:1000], "k": 5}, headers=headers)
        return await self.http.get(f"/api/v1/procedures/{code}", headers=headers)

    async def client(self, index: int, seed: int) -> None:
        """One kiosk: closed loop, no think time, until the end of the measured window."""
        rng, n = random.Random(seed * 100_003 + index), index + 1
        headers = {"X-Forwarded-For": f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"}
        session: str | None = None
        codes: list[str] = []
        while time.monotonic() < self.end:
            route = rng.choices(ROUTES, WEIGHTS)[0]
            if route == "procedure" and not (codes or self.known):
                route = "search"
            follow = session if route == "chat" and rng.random() < FOLLOW_UP else None
            code = rng.choice(codes or self.known) if route == "procedure" else ""
            started, body, status = time.monotonic(), None, 0
            try:
                response = await self.send(route, headers, follow, code)
                status = response.status_code
                body = response.json() if status < 400 and route != "procedure" else None
            except (httpx.HTTPError, ValueError):
                status = 0
            finished = time.monotonic()
            if isinstance(body, dict) and route == "chat":
                session = body.get("session_id") or session
                found = [body["procedure"]["code"]] if body.get("procedure") else []
                codes = found + [c["code"] for c in body.get("candidates", [])] or codes
            elif isinstance(body, dict):
                codes = [r["procedure_code"] for r in body.get("results", [])] or codes
            if started < self.begin or finished > self.end:
                continue  # warm-up, or past the window
            if status == 429:
                self.limited += 1
            elif status == 0 or status >= 400:
                self.errors[route] += 1
            self.latencies[route].append(finished - started)


async def _generate(url: str, clients: int, duration: float, warmup: float, questions: list[str], seed: int,
                    server: psutil.Process | None) -> tuple[_Load, float, float | None]:
    """Run the clients; returns their samples and the generator's and server's CPU seconds of the measured window."""
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=REQUEST_TIMEOUT_S, limits=limits, trust_env=False) as http:
        listing = await http.get("/api/v1/procedures", params={"page": 1})
        known = [item["code"] for item in listing.json().get("items", [])] if listing.status_code == 200 else []
        begin = time.monotonic() + warmup
        load = _Load(http, questions, known, begin, begin + duration)
        tasks = [asyncio.create_task(load.client(i, seed)) for i in range(clients)]
        try:
            await asyncio.sleep(max(0.0, begin - time.monotonic()))
            cpu_start, server_start = time.process_time(), _tree_cpu(server) if server else {}
            await asyncio.sleep(max(0.0, load.end - time.monotonic()))
            cpu_s = time.process_time() - cpu_start
            server_s = sum(v - server_start.get(pid, 0.0) for pid, v in _tree_cpu(server).items()) if server else None
        finally:  # also on Ctrl-C: stop the clients before the connection pool closes
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
    return load, cpu_s, server_s


def run_load(clients: int, duration: float, workers: int, data_dir: Path | None = None, url: str | None = None,
             shared: Path = Path("../shared"), seed: int = 7, warmup: float = 5) -> dict[str, Any]:
    """Run the benchmark (starting a server unless ``url`` is given) and return its numbers."""
    if not shared.is_absolute() and not shared.exists() and (ROOT / shared).exists():
        shared = ROOT / shared
    questions = load_questions(shared, seed)
    server = None if url else Server(workers, data_dir)
    try:
        root: psutil.Process | None = None
        if server is not None:
            server.start()
            url, root = server.url, psutil.Process(server.proc.pid) if server.proc else None
        assert url is not None
        load, gen_cpu, server_cpu = asyncio.run(
            _generate(url.rstrip("/"), clients, duration, warmup, questions, seed, root))
        if server is not None and load.errors:
            print(f"server log tail ({server.log_path}):\n{server.log_tail()}", file=sys.stderr)
    finally:
        if server is not None:
            server.stop()
    by_route: dict[str, dict[str, Any]] = {}
    for route in ROUTES:
        ordered = sorted(load.latencies.get(route, []))
        by_route[route] = {"requests": len(ordered), "errors": load.errors.get(route, 0),
                           **{f"p{q}_ms": round(_percentile(ordered, q / 100) * 1000, 1) for q in (50, 95, 99)},
                           "requests_per_s": round(len(ordered) / duration, 2)}
    total = sum(r["requests"] for r in by_route.values())
    return {"clients": clients, "duration_s": duration, "workers": workers, "requests": total,
            "requests_per_s": round(total / duration, 2), "errors": sum(load.errors.values()),
            "rate_limited": load.limited, "by_route": by_route, "generator_cpu_s": round(gen_cpu, 2),
            "server_cpu_s": None if server_cpu is None else round(server_cpu, 2), "questions": len(questions)}


def render(result: dict[str, Any]) -> str:
    lines = ["| route | requests | req/s | p50 ms | p95 ms | p99 ms | errors |", "|---|---:|---:|---:|---:|---:|---:|"]
    for route, row in result["by_route"].items():
        lines.append(f"| {route} | {row['requests']} | {row['requests_per_s']} | {row['p50_ms']} | {row['p95_ms']} "
                     f"| {row['p99_ms']} | {row['errors']} |")
    server_cpu = "n/a" if result["server_cpu_s"] is None else f"{result['server_cpu_s']} s"
    lines.append(f"\nTotal: {result['requests_per_s']} req/s ({result['requests']} requests, {result['clients']} "
                 f"clients, {result['duration_s']} s, {result['workers']} workers, {result['questions']} questions), "
                 f"errors {result['errors']}, 429s {result['rate_limited']}, "
                 f"generator CPU {result['generator_cpu_s']} s, server CPU {server_cpu}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add = parser.add_argument
    add("--clients", type=int, default=50, help="concurrent virtual kiosks")
    add("--duration", type=float, default=60.0, help="measured seconds")
    add("--workers", type=int, default=2, help="server worker processes")
    add("--url", help="use this running server instead of starting one")
    add("--data-dir", type=Path, help="data dir of the started server (default: a temporary one)")
    add("--shared", type=Path, default=Path("../shared"), help="the shared folder with queries/")
    add("--seed", type=int, default=7, help="seed of the question shuffle and the clients' choices")
    add("--warmup", type=float, default=5.0, help="seconds of load before measuring (not counted)")
    add("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    try:
        result = run_load(args.clients, args.duration, args.workers, data_dir=args.data_dir, url=args.url,
                          shared=args.shared, seed=args.seed, warmup=args.warmup)
    except ServerStartError as exc:
        print(f"server failed to start: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
