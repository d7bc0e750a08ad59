"""A short load run against ``rol serve`` on the loopback interface: latency and throughput.

Starts ``rol serve`` on 127.0.0.1 (a free port), sends a bounded number of requests from a few
client threads (each with its own keep-alive connection), stops the server, and prints the
latency percentiles and the throughput per endpoint and overall. Bounded twice: by
``--requests`` and by ``--max-seconds`` (whichever comes first). Loopback only: there is no
option to aim it at another host.

    python benchmarks/service_load.py [--requests 600] [--concurrency 4] [--max-seconds 60]
                                      [--report examples/reports/wusu-education-2023.json]
                                      [--json]
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
DEFAULT_REPORT = ROOT / "examples" / "reports" / "wusu-education-2023.json"
ENDPOINTS = (
    ("POST", "/validate"),
    ("POST", "/check"),
    ("POST", "/render?format=markdown"),
    ("POST", "/render?format=html"),
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_listening(port: int, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"rol serve exited with {process.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("rol serve did not start listening")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def _summary(latencies: list[float], seconds: float) -> dict[str, Any]:
    return {
        "requests": len(latencies),
        "throughput_per_s": round(len(latencies) / seconds, 1) if seconds else None,
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 1),
        "p90_ms": round(_percentile(latencies, 0.90) * 1000, 1),
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1),
    }


def run(requests: int, concurrency: int, max_seconds: float, report: Path) -> dict[str, Any]:
    """Serve, load, stop; the figures as a dict."""
    body = report.read_bytes()
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "rol_model", "serve", "--host", HOST, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_listening(port, process, 60)
        lock = threading.Lock()
        issued = 0
        results: list[tuple[str, float, int]] = []
        stop_at = time.monotonic() + max_seconds

        def client() -> None:
            nonlocal issued
            connection = http.client.HTTPConnection(HOST, port, timeout=60)
            try:
                while time.monotonic() < stop_at:
                    with lock:
                        if issued >= requests:
                            return
                        method, path = ENDPOINTS[issued % len(ENDPOINTS)]
                        issued += 1
                    start = time.perf_counter()
                    connection.request(
                        method, path, body=body, headers={"content-type": "application/json"}
                    )
                    response = connection.getresponse()
                    response.read()
                    elapsed = time.perf_counter() - start
                    with lock:
                        results.append((path, elapsed, response.status))
            finally:
                connection.close()

        threads = [threading.Thread(target=client) for _ in range(concurrency)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - began
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if not results:
        raise SystemExit("no request completed")
    failures = sum(status != 200 for _, _, status in results)
    by_endpoint = {
        path: _summary([t for p, t, _ in results if p == path], seconds)
        for _, path in ENDPOINTS
        if any(p == path for p, _, _ in results)
    }
    return {
        "report": report.name,
        "report_bytes": len(body),
        "concurrency": concurrency,
        "seconds": round(seconds, 2),
        "failures": failures,
        "overall": _summary([t for _, t, _ in results], seconds),
        "endpoints": by_endpoint,
    }


def main() -> int:
    """Parse the options, run, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=600, help="at most this many (600)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (4)")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="at most this long (60)")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT, help="report JSON to send")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.requests < 1 or args.concurrency < 1 or args.max_seconds <= 0:
        parser.error("--requests, --concurrency and --max-seconds must be positive")
    figures = run(args.requests, args.concurrency, args.max_seconds, args.report)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"{figures['overall']['requests']} requests in {figures['seconds']} s, "
        f"{figures['concurrency']} clients, report {figures['report']} "
        f"({figures['report_bytes']} bytes), {figures['failures']} not 200"
    )
    print(f"{'endpoint':<26}{'req/s':>8}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for name, row in [*figures["endpoints"].items(), ("all", figures["overall"])]:
        print(
            f"{name:<26}{row['throughput_per_s']:>8}{row['p50_ms']:>9}{row['p90_ms']:>9}"
            f"{row['p99_ms']:>9}{row['max_ms']:>9}"
        )
    return 0 if figures["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
