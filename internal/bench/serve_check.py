#!/usr/bin/env python3
"""A quick check of `fangtan serve` on a built index: time to the first
answer, then 400 API requests from 8 threads, then the server's RSS.

    python3 internal/bench/serve_check.py bin/fangtan INDEX_DIR [COMMAND]

COMMAND, if given, runs with the server's pid as its last argument before
the server stops, e.g. 'go run ./internal/bench/zapmapped' to see which
parts of the index the requests left resident.

Loopback only; bounded in count. Each thread sends from its own 127.0.0.x
address, as the harness's clients do, since `serve` limits each client. Used for the "final checks" figures in
docs/benchmarks.md; the full harness is `make bench` / `make bench-scale`.
"""
import concurrent.futures
import http.client
import subprocess
import threading
import sys
import time
import urllib.parse
import urllib.request

binary, index = sys.argv[1], sys.argv[2]
then = sys.argv[3] if len(sys.argv) > 3 else None
addr = "127.0.0.1:18097"
base = f"http://{addr}"
queries = ["习近平", "乡村振兴", "高质量发展 城市", '"共同富裕"', '"人民群众"', "香港", "立法會", "經濟發展",
           "疫情防控 year:2022", "city:北京 发展", '"一带一路"', "教育", "记者", "official:李强", "書記",
           "粮食安全", "科技创新 -美国", '"新时代"', "民主", "抗議"]

start = time.time()
server = subprocess.Popen([binary, "serve", "--index", index, "--addr", addr],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    first = base + "/api/search?q=" + urllib.parse.quote("乡村振兴")
    while True:
        if time.time() - start > 30:
            sys.exit("the server did not answer within 30 s")
        try:
            urllib.request.urlopen(first, timeout=5).read()
            break
        except OSError:
            time.sleep(0.01)
    print("startup to first answer: %.0f ms" % ((time.time() - start) * 1000))

    urls = []
    for i in range(400):
        endpoint = "quotes" if i % 7 == 0 else "search"
        q = urllib.parse.quote(queries[i % len(queries)])
        urls.append(f"{base}/api/{endpoint}?q={q}&from={(i // len(queries)) % 3 * 10}")

    local = threading.local()
    sources = iter(range(2, 10))
    lock = threading.Lock()

    def get(url):
        if not hasattr(local, "conn"):
            with lock:
                source = f"127.0.0.{next(sources)}"
            host, port = addr.split(":")
            local.conn = http.client.HTTPConnection(host, int(port), timeout=30, source_address=(source, 0))
        t = time.time()
        local.conn.request("GET", url[len(base):])
        r = local.conn.getresponse()
        r.read()
        return time.time() - t, r.status

    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(get, urls))
    lat = sorted(r[0] for r in results)
    print("requests %d, non-200 %d, %.0f q/s, p50 %.1f ms, p99 %.1f ms" % (
        len(results), sum(1 for r in results if r[1] != 200), len(results) / (time.time() - t0),
        lat[len(lat) // 2] * 1000, lat[int(len(lat) * 0.99)] * 1000))
    with open(f"/proc/{server.pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM", "RssAnon", "RssFile")):
                print(line.strip())
    if then:
        subprocess.run(then.split() + [str(server.pid)], check=False)
finally:
    server.terminate()
    server.wait(timeout=30)
