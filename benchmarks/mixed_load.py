#!/usr/bin/env python3
"""Mixed load against a running Voronka server (standard library only); called by benchmarks/mixed-load.sh.

Each request kind runs in its own process with its own keep-alive connections, paced at a steady rate (or closed
loop when the rate is 0), so each kind's latency is measured on its own while the others run:

  list       GET  /deals?limit=100
  record     GET  /deals/{id}                      random existing deals
  dashboard  GET  /analytics/dashboard
  writes     POST /companies {"name": unique} and PATCH /deals/{id} {"amount": ...}, alternating
  move       POST /deals/{id}/move between two open stages without qualification of one pipeline
  import     one POST /imports (a generated Maven CRM sales_pipeline.csv) at a third of the run, polled until done

The server's VmRSS is sampled every 10 s. At the end a Markdown table is printed; the exit status is 1 when any
request failed or answered other than 2xx (the first few of each kind are printed with their answers).
"""
import argparse
import base64
import csv
import http.client
import io
import json
import multiprocessing as mp
import os
import random
import sys
import threading
import time
import urllib.parse

# kind: (connections, requests per second for the kind altogether; 0 = closed loop)
DEFAULTS = {
    "list": (4, 40.0),
    "record": (2, 100.0),
    "dashboard": (1, 1.0),
    "writes": (2, 20.0),
    "move": (1, 5.0),
}
ROWS = [  # table rows: (label, kind, tag)
    ("GET /deals?limit=100", "list", "list"),
    ("GET /deals/{id}", "record", "record"),
    ("GET /analytics/dashboard", "dashboard", "dashboard"),
    ("POST /companies", "writes", "company"),
    ("PATCH /deals/{id} (amount)", "writes", "patch"),
    ("POST /deals/{id}/move", "move", "move"),
]
MAX_SAMPLES = 5  # error samples kept per tag
IMPORT_PIPELINE = "Maven CRM (mixed load)"


def log(*args):
    print(*args, file=sys.stderr, flush=True)


class Client:
    """One keep-alive HTTP/1.1 connection with the bearer token; reconnects after a failure."""

    def __init__(self, base, token, timeout=120):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.prefix = u.hostname, u.port or 80, u.path.rstrip("/")
        self.headers = {"authorization": f"Bearer {token}", "accept": "application/json"}
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, body=None, content_type="application/json"):
        """(status, body bytes); status 0 with the exception text as body when the request failed."""
        headers = dict(self.headers)
        if body is not None:
            if not isinstance(body, (bytes, bytearray)):
                body = json.dumps(body).encode()
            headers["content-type"] = content_type
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.conn.request(method, self.prefix + "/api/v1" + path, body=body, headers=headers)
            resp = self.conn.getresponse()
            data = resp.read()
            if resp.getheader("connection", "").lower() == "close":
                self.close()
            return resp.status, data
        except Exception as e:  # noqa: BLE001 - any failure is an error of this request
            self.close()
            return 0, f"{type(e).__name__}: {e}".encode()

    def json(self, method, path, body=None):
        status, data = self.request(method, path, body)
        if not 200 <= status < 300:
            raise SystemExit(f"setup: {method} {path} answered {status}: {data[:500].decode(errors='replace')}")
        return json.loads(data)

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001
                pass
        self.conn = None


# ---------------------------------------------------------------- setup: what the load works on

def find_move_stages(c):
    """(pipeline, stage A, stage B): the first deal pipeline with two open stages that need no qualification."""
    pipelines = c.json("GET", "/pipelines?limit=500")["items"]
    for p in sorted(pipelines, key=lambda p: (p.get("position", 0), p["id"])):
        if p.get("kind") != "deal" or not p.get("active", True):
            continue
        stages = c.json("GET", f"/stages?pipeline_id={p['id']}&limit=500")["items"]
        free = [s for s in stages if s.get("kind") == "open" and not s.get("requires_qualification")]
        free.sort(key=lambda s: (s.get("position", 0), s["id"]))
        if len(free) >= 2:
            return p, free[0], free[1]
    raise SystemExit("setup: no deal pipeline has two open stages that do not require qualification")


def deal_ids(c, want):
    """Up to `want` ids of existing deals, drawn at random between the smallest and the largest id."""
    lo = c.json("GET", "/deals?limit=1&sort=id")["items"]
    hi = c.json("GET", "/deals?limit=1&sort=-id")["items"]
    if not lo:
        raise SystemExit("setup: the database has no deals (fill it with voronka demo)")
    lo, hi = lo[0]["id"], hi[0]["id"]
    found = set()
    for _ in range(40):
        if len(found) >= want:
            break
        candidates = sorted({random.randint(lo, hi) for _ in range(500)} - found)
        items = c.json("GET", f"/deals?limit=500&id={','.join(map(str, candidates))}")["items"]
        found.update(d["id"] for d in items)
    return sorted(found)


def movable_deals(c, stage_a, stage_b, want):
    """[(deal id, stage id)] of deals now in stage A or B, from pages at random places in the list."""
    out = {}
    cursor = None
    for _ in range(50):
        q = f"/deals?limit=500&stage_id={stage_a},{stage_b}" + (f"&cursor={cursor}" if cursor else "")
        page = c.json("GET", q)
        for d in page["items"]:
            out[d["id"]] = d["stage_id"]
        cursor = page.get("next_cursor")
        if len(out) >= want or not cursor:
            break
    return list(out.items())


def maven_csv(rows, template, tag):
    """A sales_pipeline.csv of `rows` rows with unique opportunity ids, other columns from the template's rows."""
    header = ["opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"]
    source = []
    if template and os.path.exists(template):
        with open(template, newline="") as f:
            reader = csv.DictReader(f)
            source = [r for r in reader]
    if not source:  # a small built-in template
        stages = [("Won", "2017-03-01", "2017-05-01", "1054"), ("Lost", "2017-02-10", "2017-04-11", "0"),
                  ("Engaging", "2017-06-20", "", ""), ("Prospecting", "", "", "")]
        for i in range(400):
            st = stages[i % 4]
            source.append(dict(zip(header, ["", f"Agent {i % 30}", ["GTX Basic", "GTXPro", "MG Special", "GTK 500"][i % 4],
                                            f"Account {i % 85}", *st])))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for i in range(rows):
        r = source[i % len(source)]
        w.writerow([f"{tag}{i:06d}"] + [r.get(h, "") for h in header[1:]])
    return out.getvalue().encode()


# ---------------------------------------------------------------- load workers

def run_kind(kind, conns, rate, args, state, result_q):
    """One process: `conns` threads, each its own connection, paced to `rate`/s altogether (0: closed loop)."""
    random.seed(os.getpid() ^ int(time.time()))
    stop_at = args["start"] + args["seconds"]
    records = {}  # tag -> {"lat": [ms...], "errors": n, "samples": [...]}
    lock = threading.Lock()

    def note(tag, sent, ms, status, what, body):
        with lock:
            r = records.setdefault(tag, {"lat": [], "at": [], "errors": 0, "samples": []})
            r["lat"].append(ms)
            r["at"].append(round(sent - args["start"], 3))
            if not 200 <= status < 300:
                r["errors"] += 1
                if len(r["samples"]) < MAX_SAMPLES:
                    r["samples"].append(f"{what} -> {status or 'failed'}: {body[:300].decode(errors='replace')}")

    def worker(i):
        c = Client(args["base"], args["token"])
        interval = conns / rate if rate > 0 else 0.0
        nxt = args["start"] + interval * i / max(conns, 1)
        my_moves = state.get("moves", [])[i::conns]
        if kind == "move" and not my_moves:
            return
        my_patch = state.get("patch_ids", [])
        n = 0
        while True:
            if interval:
                now = time.monotonic()
                if nxt > now:
                    time.sleep(nxt - now)
                elif now - nxt > interval:  # fell behind: go on from now rather than bursting
                    nxt = now
                nxt += interval
            if time.monotonic() >= stop_at:
                break
            n += 1
            if kind == "list":
                tag, method, path, body = "list", "GET", "/deals?limit=100", None
            elif kind == "record":
                tag, method, path, body = "record", "GET", f"/deals/{random.choice(state['record_ids'])}", None
            elif kind == "dashboard":
                tag, method, path, body = "dashboard", "GET", "/analytics/dashboard", None
            elif kind == "writes":
                if n % 2:
                    tag, method, path = "company", "POST", "/companies"
                    body = {"name": f"Mixed load {args['run']} w{i}-{n}"}
                else:
                    tag, method, path = "patch", "PATCH", f"/deals/{random.choice(my_patch)}"
                    body = {"amount": random.randint(10, 5000) * 1000}
            else:  # move
                j = random.randrange(len(my_moves))
                deal, stage = my_moves[j]
                target = state["stage_b"] if stage == state["stage_a"] else state["stage_a"]
                tag, method, path, body = "move", "POST", f"/deals/{deal}/move", {"stage_id": target}
            sent, t0 = time.monotonic(), time.perf_counter()
            status, data = c.request(method, path, body)
            ms = (time.perf_counter() - t0) * 1000
            note(tag, sent, ms, status, f"{method} {path} {json.dumps(body) if body is not None else ''}".rstrip(), data)
            if kind == "move" and 200 <= status < 300:
                my_moves[j] = (deal, target)
        c.close()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result_q.put((kind, records))


def run_import(args, csv_bytes, at, out):
    """At `at` (monotonic), upload the file; poll every second until it is finished or failed."""
    now = time.monotonic()
    if at > now:
        time.sleep(at - now)
    c = Client(args["base"], args["token"], timeout=600)
    boundary = "----voronka-mixed-" + args["run"]
    # Its own pipeline (created with the file's stages), so that the demo's pipelines and the moves stay as they were.
    body = (f"--{boundary}\r\ncontent-disposition: form-data; name=\"pipeline\"\r\n\r\n{IMPORT_PIPELINE}\r\n"
            f"--{boundary}\r\ncontent-disposition: form-data; name=\"files\"; filename=\"sales_pipeline.csv\"\r\n"
            f"content-type: text/csv\r\n\r\n").encode() + csv_bytes + f"\r\n--{boundary}--\r\n".encode()
    out.update(polls=0, poll_errors=0, samples=[], state="not started")
    t0 = time.monotonic()
    out["started_at"] = t0 - args["start"]
    status, data = c.request("POST", "/imports", body, content_type=f"multipart/form-data; boundary={boundary}")
    out["post_ms"] = (time.monotonic() - t0) * 1000
    if status != 202:
        out.update(state="refused", error=f"POST /imports -> {status or 'failed'}: {data[:500].decode(errors='replace')}")
        return
    imp = json.loads(data)
    iid = imp["id"]
    deadline, failed_in_a_row = t0 + 3600, 0
    while time.monotonic() < deadline and failed_in_a_row < 30:
        time.sleep(1)
        status, data = c.request("GET", f"/imports/{iid}")
        out["polls"] += 1
        if not 200 <= status < 300:
            out["poll_errors"] += 1
            failed_in_a_row += 1
            if len(out["samples"]) < MAX_SAMPLES:
                out["samples"].append(f"GET /imports/{iid} -> {status or 'failed'}: {data[:300].decode(errors='replace')}")
            continue
        failed_in_a_row = 0
        imp = json.loads(data)
        out["state"] = imp.get("state")
        if imp.get("state") == "running":
            out["rows_written"], out["rows_total"] = imp.get("rows_written"), imp.get("rows_total")
        if imp.get("state") in ("finished", "failed"):
            out["seconds"] = time.monotonic() - t0
            out["ended_at"] = time.monotonic() - args["start"]
            if imp["state"] == "finished":
                r = imp["result"]
                out.update(rows=r.get("rows"), server_seconds=r.get("seconds"), problems=r.get("problem_count"),
                           kinds=r.get("kinds"), journal=r.get("journal_entries"), first_problems=r.get("problems", [])[:3])
            else:
                out["error"] = imp.get("error")
            return
    out["state"] = "timed out" if failed_in_a_row < 30 else "unknown (polls kept failing)"


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def pct(sorted_ms, p):
    if not sorted_ms:
        return float("nan")
    k = max(0, min(len(sorted_ms) - 1, int(round(p / 100 * len(sorted_ms) + 0.5)) - 1))
    return sorted_ms[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="e.g. http://127.0.0.1:18091")
    ap.add_argument("--token", required=True, help="an admin's API token")
    ap.add_argument("--pid", type=int, required=True, help="the server's process id (for VmRSS)")
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--import-rows", type=int, default=20000)
    ap.add_argument("--template", default="/work/shared/data/maven-crm/sales_pipeline.csv",
                    help="Maven CRM sales_pipeline.csv whose rows are repeated (a built-in one when missing)")
    ap.add_argument("--set", action="append", default=[], metavar="KIND=CONNS/RATE",
                    help="override a kind's connections and rate, e.g. list=4/40 or dashboard=1/0 (0: closed loop)")
    a = ap.parse_args()

    plan = dict(DEFAULTS)
    for s in a.set:
        k, v = s.split("=", 1)
        if k not in plan:
            raise SystemExit(f"--set: unknown kind {k} (known: {', '.join(plan)})")
        conns, rate = v.split("/", 1)
        plan[k] = (int(conns), float(rate))
    plan = {k: v for k, v in plan.items() if v[0] > 0}

    run = base64.b32encode(os.urandom(5)).decode().rstrip("=")[:6]
    c = Client(a.base, a.token)
    pipeline, st_a, st_b = find_move_stages(c)
    record_ids = deal_ids(c, 2000)
    moves = movable_deals(c, st_a["id"], st_b["id"], 1000)
    if not moves:
        raise SystemExit(f"setup: no deals in stages {st_a['id']} and {st_b['id']} to move")
    moving = {d for d, _ in moves}
    patch_ids = [d for d in record_ids if d not in moving] or record_ids
    csv_bytes = maven_csv(a.import_rows, a.template, f"MX{run}")
    c.close()
    log(f"setup: run {run}; {len(record_ids)} deals to read, {len(patch_ids)} to patch; {len(moves)} deals to move "
        f"between stages {st_a['id']} ({st_a['name']}) and {st_b['id']} ({st_b['name']}) of pipeline "
        f"{pipeline['id']} ({pipeline['name']}); import file {a.import_rows} rows, {len(csv_bytes) / 1e6:.1f} MB")
    log("plan: " + ", ".join(f"{k} {n} conn{'s' if n > 1 else ''} at {f'{r:g}/s' if r else 'closed loop'}"
                             for k, (n, r) in plan.items()))

    start = time.monotonic() + 0.5
    args = {"base": a.base, "token": a.token, "seconds": a.seconds, "start": start, "run": run}
    state = {"record_ids": record_ids, "patch_ids": patch_ids, "moves": moves,
             "stage_a": st_a["id"], "stage_b": st_b["id"]}
    ctx = mp.get_context("fork")
    result_q = ctx.Queue()
    procs = [ctx.Process(target=run_kind, args=(k, n, r, args, state, result_q), daemon=True) for k, (n, r) in plan.items()]
    for p in procs:
        p.start()
    imp = {}
    imp_thread = threading.Thread(target=run_import, args=(args, csv_bytes, start + a.seconds / 3, imp), daemon=True)
    imp_thread.start()

    memory = []  # (t seconds, MB)
    t = 0
    while True:
        now = time.monotonic()
        if now < start + t:
            time.sleep(start + t - now)
        mb = rss_mb(a.pid)
        if mb is None:
            log(f"t={t}s: the server (pid {a.pid}) is gone")
            break
        memory.append((t, mb))
        extra = ""
        if imp.get("state") == "running":
            extra = f", import {imp.get('rows_written')}/{imp.get('rows_total')}"
        elif imp.get("state") and imp.get("state") != "not started":
            extra = f", import {imp['state']}"
        log(f"t={t:>4}s  RSS {mb:,.0f} MB{extra}")
        if t >= a.seconds:
            break
        t += 10

    results = {}
    for _ in procs:
        try:
            kind, recs = result_q.get(timeout=max(60.0, a.seconds))
        except Exception:  # noqa: BLE001
            break
        results[kind] = recs
    for p in procs:
        p.join(timeout=5)
    if imp_thread.is_alive():  # an import still running when the load ends is waited for (it gives up after an hour)
        log("waiting for the import to finish")
        imp_thread.join()

    errors = 0
    print()
    print(f"Mixed load for {a.seconds:g} s ({', '.join(f'{k} {n}c@{r:g}/s' if r else f'{k} {n}c closed loop' for k, (n, r) in plan.items())}):")
    print()
    print("| request kind | requests | errors | throughput (req/s) | p50 ms | p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    samples = []
    during, outside = [], []  # p99 of each kind while the import ran and otherwise
    window = (imp.get("started_at", 0.0), imp.get("ended_at", imp.get("started_at", 0.0)))
    for label, kind, tag in ROWS:
        if kind not in plan:
            continue
        r = results.get(kind, {}).get(tag)
        if r is None:
            if kind not in results:
                print(f"| {label} | – | no result | | | |")
                errors += 1
            continue
        lat = sorted(r["lat"])
        errors += r["errors"]
        samples += r["samples"]
        inside = sorted(ms for ms, t in zip(r["lat"], r["at"]) if window[0] <= t < window[1])
        rest = sorted(ms for ms, t in zip(r["lat"], r["at"]) if not window[0] <= t < window[1])
        short = label.split(" (")[0]
        during.append(f"{short} {pct(inside, 99):.0f}" if inside else f"{short} –")
        outside.append(f"{short} {pct(rest, 99):.0f}" if rest else f"{short} –")
        print(f"| {label} | {len(lat):,} | {r['errors']:,} | {len(lat) / a.seconds:,.1f} | {pct(lat, 50):.1f} | {pct(lat, 99):.1f} |")
    print()
    if imp.get("state") == "finished":
        kinds = ", ".join(f"{k} {v.get('created', 0):,} created" + (f"/{v['updated']:,} updated" if v.get("updated") else "")
                          for k, v in sorted((imp.get("kinds") or {}).items()) if v.get("created") or v.get("updated"))
        print(f"Import (Maven sales_pipeline.csv, {a.import_rows:,} rows, into pipeline {IMPORT_PIPELINE!r}, started at t={imp['started_at']:.0f} s): finished at "
              f"t={imp['ended_at']:.0f} s, {imp['seconds']:.1f} s from upload to finished (server: {imp['server_seconds']:.1f} s), "
              f"{imp['rows']:,} rows, {imp['rows'] / imp['seconds']:,.0f} rows/s; {kinds}; {imp['journal']:,} journal entries; "
              f"{imp['problems']:,} problems; upload answered in {imp['post_ms']:.0f} ms; {imp['polls']} polls, "
              f"{imp['poll_errors']} failed")
        if imp["problems"]:
            print("  first problems: " + " | ".join(imp["first_problems"]))
        print(f"  p99 ms while the import ran: {', '.join(during)}")
        print(f"  p99 ms otherwise: {', '.join(outside)}")
    else:
        errors += 1
        print(f"Import: {imp.get('state')} {imp.get('error', '')}".rstrip())
    errors += imp.get("poll_errors", 0)
    samples += imp.get("samples", [])
    print()
    print("Server memory (VmRSS, MB) every 10 s: " + ", ".join(f"{t}s {mb:,.0f}" for t, mb in memory))
    if memory:
        print(f"  start {memory[0][1]:,.0f} MB, peak {max(m for _, m in memory):,.0f} MB, end {memory[-1][1]:,.0f} MB")
    if samples:
        print()
        print("First errors:")
        for s in samples:
            print(f"  {s}")
    if errors:
        log(f"{errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
