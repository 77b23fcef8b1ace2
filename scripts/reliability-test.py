#!/usr/bin/env python3
"""Reliability tests of a built `voronka` binary: crashes and concurrent servers, checked through the API and exports.

1. kill -9 during API writes (SQLite): writer threads create companies, the server is killed with SIGKILL, restarted
   on the same data directory; every acknowledged company must be there with its id, nothing but acknowledged or
   in-flight companies may exist, the journal must be gap-free (seq 1..N), and journal and companies must match.
2. kill -9 during an import (SQLite): `voronka import` of a generated Maven CRM sales_pipeline.csv is killed mid-way,
   run again to completion, and compared (`voronka export --format json`) with a clean import of the same file:
   equal record counts, equal deals, equal journal length, gap-free journal, the same indexes. (Only imports of
   100,000 rows or more defer indexes, so this file, kept small for time, does not exercise that path.)
3. Two servers on one PostgreSQL database: both write concurrently (companies, deal moves); their journals must be
   identical and gap-free, both must list the same companies, and each deal's stage must be its journal's last move.

Usage: scripts/reliability-test.py path/to/voronka
PostgreSQL (scenario 3) comes from VORONKA_TEST_POSTGRES_URL (an admin URL); without it that scenario is skipped.
Standard library only. The last line of output is "N passed, N failed"; the exit status is non-zero on any failure.
"""
import glob
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "voronka")
ADMIN_EMAIL = "a@x.org"

passed = 0
failed = 0
PROCESSES = []  # every process started, so that cleanup can end their process groups
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1 never through a proxy


def log(line):
    print(line, flush=True)


def check(condition, what, detail=""):
    global passed, failed
    if condition:
        passed += 1
        log("  ok    " + what)
    else:
        failed += 1
        log("  FAIL  " + what + (f"\n        {detail}" if detail else ""))
    return condition


# --- processes -------------------------------------------------------------------------------------------------------

def spawn(args, env=None, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT):
    """Starts a process in a new process group (its pid is the group id)."""
    process = subprocess.Popen(args, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
                               env={**os.environ, **(env or {})}, start_new_session=True)
    PROCESSES.append(process)
    return process


def kill_group(process, sig=signal.SIGKILL, wait=10):
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
    try:
        process.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        if sig != signal.SIGKILL:
            kill_group(process, signal.SIGKILL, wait)


def stop(process):
    """SIGTERM to the group, then SIGKILL if it lingers."""
    kill_group(process, signal.SIGTERM, wait=5)
    if process.poll() is None:
        kill_group(process, signal.SIGKILL)


def run(args, env=None, timeout=60):
    """Runs a command to completion (in its own process group, killed on timeout); returns (status, output)."""
    process = spawn(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        raise RuntimeError(f"{' '.join(args[:3])} … did not finish in {timeout} s")
    return process.returncode, out.decode("utf-8", "replace")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def add_admin(data=None, env=None):
    args = [BINARY, "user", "add", "--name", "Admin", "--email", ADMIN_EMAIL, "--role", "admin"]
    status, out = run(args + (["--data", data] if data else []), env=env)
    found = re.search(r"One-time password:\s*(\S+)", out)
    if status != 0 or not found:
        raise RuntimeError(f"voronka user add failed ({status}): {out[-500:]}")
    return found.group(1)


# --- HTTP ------------------------------------------------------------------------------------------------------------

def http(base, method, path, token=None, body=None, timeout=20):
    """One request; returns (status, decoded JSON or text). Connection problems raise OSError."""
    headers = {"accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["content-type"] = "application/json"
    if token:
        headers["authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    try:
        with OPENER.open(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    text = raw.decode("utf-8", "replace")
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


class Server:
    """`voronka serve` on a free port, on a data directory or on VORONKA_DATABASE_URL."""

    def __init__(self, workdir, name, data=None, env=None, extra=()):
        self.workdir, self.name, self.data, self.env, self.extra = workdir, name, data, env, list(extra)
        self.process = None
        self.starts = 0

    def start(self, password, timeout=90):
        self.starts += 1
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(self.workdir, f"{self.name}-{self.starts}.log")
        args = [BINARY, "serve", "--port", str(self.port)] + (["--data", self.data] if self.data else []) + self.extra
        with open(self.log_path, "wb") as out:
            self.process = spawn(args, env=self.env, stdout=out)
        deadline = time.time() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped at start ({self.process.returncode}): {self.log_tail()}")
            try:
                if http(self.base, "GET", "/api/v1/health", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                raise RuntimeError(f"{self.name} did not answer /api/v1/health in {timeout} s: {self.log_tail()}")
            time.sleep(0.2)
        status, body = http(self.base, "POST", "/api/v1/auth/login", body={"email": ADMIN_EMAIL, "password": password})
        if status != 200:
            raise RuntimeError(f"login on {self.name} answered {status}: {body}")
        self.token = body["token"]
        return self

    def log_tail(self, n=800):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")[-n:]
        except OSError:
            return ""

    def call(self, method, path, body=None, timeout=20):
        return http(self.base, method, path, token=self.token, body=body, timeout=timeout)

    def get(self, path):
        status, body = self.call("GET", path, timeout=60)
        if status != 200:
            raise RuntimeError(f"GET {path} on {self.name} answered {status}: {str(body)[:300]}")
        return body

    def journal(self):
        entries, after = [], 0
        while True:
            page = self.get(f"/api/v1/journal?after={after}&limit=5000")
            if not page["entries"]:
                return entries
            entries += page["entries"]
            after = int(page["last_seq"])

    def listed(self, plural):
        """Every record of a kind through the list endpoint, paging with next_cursor."""
        items, cursor = [], None
        while True:
            page = self.get(f"/api/v1/{plural}?limit=500" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else ""))
            items += page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return items


# --- shared checks -----------------------------------------------------------------------------------------------------

def check_gap_free(entries, where):
    seqs = [int(e["seq"]) for e in entries]
    detail = ""
    if seqs != list(range(1, len(seqs) + 1)):
        expected = 1
        for s in seqs:
            if s != expected:
                detail = f"{len(seqs)} entries; after seq {expected - 1} comes {s}"
                break
            expected += 1
    return check(bool(seqs) and not detail, f"{where}: the journal is gap-free (seq 1..{len(seqs)})", detail)


def check_companies_match_journal(companies, entries, where):
    created = {int(e["entity_id"]) for e in entries if e["entity"] == "company" and e["action"] in ("create", "import")}
    ids = {int(c["id"]) for c in companies}
    unjournaled = sorted(ids - created)
    check(not unjournaled, f"{where}: every company ({len(ids)}) has its creation in the journal",
          f"companies without a journal entry: {unjournaled[:10]}")
    orphans = sorted(created - ids)
    check(not orphans, f"{where}: every company the journal creates exists", f"journaled but missing: {orphans[:10]}")


# --- scenario 0 --------------------------------------------------------------------------------------------------------

def scenario_slow_clients(work):
    """Connections that go silent (half a request line, or nothing after connecting) are closed after
    VORONKA_IDLE_TIMEOUT seconds, while the server goes on answering others."""
    import socket
    data = os.path.join(work, "s0-data")
    password = add_admin(data=data)
    env = dict(os.environ, VORONKA_IDLE_TIMEOUT="2")
    metrics_port = free_port()
    server = Server(work, "s0-serve", data=data, env=env, extra=["--metrics-port", str(metrics_port)]).start(password)
    status, text = http(f"http://127.0.0.1:{metrics_port}", "GET", "/metrics")
    check(status == 200 and "voronka_journal_seq" in str(text), "the metrics port answers GET /metrics without a token",
          f"{status} {str(text)[:200]}")
    status, _ = http(server.base, "GET", "/metrics")
    check(status == 401, "the main port asks for a token for /metrics", str(status))
    silent, partial = [], []
    for _ in range(20):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        silent.append(s)
        p = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        p.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")  # the headers never end
        partial.append(p)
    status, _ = http(server.base, "GET", "/api/v1/health")
    check(status == 200, "the server answers while 40 silent connections are open")
    time.sleep(4)

    def closed(sock):
        try:
            sock.settimeout(3)
            return sock.recv(1024) == b""  # the server closed it (an orderly end of stream)
        except ConnectionResetError:
            return True
        except socket.timeout:
            return False
    shut = sum(closed(s) for s in silent + partial)
    check(shut == 40, "every silent connection is closed after the idle timeout", f"{shut} of 40 closed")
    for s in silent + partial:
        s.close()
    status, _ = http(server.base, "GET", "/api/v1/health")
    check(status == 200, "the server still answers afterwards")
    stop(server.process)


# --- scenario 1 --------------------------------------------------------------------------------------------------------

def scenario_kill_during_api_writes(work):
    data = os.path.join(work, "s1-data")
    password = add_admin(data=data)
    server = Server(work, "s1-serve", data=data).start(password)
    acked = {}                # name -> id, answered 201
    in_flight = set()         # names sent when the server died (they may or may not exist)
    errors = []               # anything but 201 while the server lived
    killed = threading.Event()
    lock = threading.Lock()

    def writer(w):
        i = 0
        while not killed.is_set():
            name = f"k9 w{w} {i:05d}"
            i += 1
            try:
                status, body = server.call("POST", "/api/v1/companies", {"name": name}, timeout=15)
            except OSError as e:
                with lock:
                    in_flight.add(name)
                    if not killed.is_set():
                        errors.append(f"{name}: {e}")
                return
            with lock:
                if status == 201 and isinstance(body, dict) and body.get("name") == name:
                    acked[name] = int(body["id"])
                elif killed.is_set():
                    in_flight.add(name)
                else:
                    errors.append(f"{name}: {status} {str(body)[:200]}")

    threads = [threading.Thread(target=writer, args=(w,), daemon=True) for w in range(4)]
    for t in threads:
        t.start()
    time.sleep(1.5)
    with lock:
        acked_before_kill = len(acked)
    killed.set()
    kill_group(server.process)  # SIGKILL while the writers are busy
    for t in threads:
        t.join(timeout=30)
    check(server.process.returncode == -signal.SIGKILL and acked_before_kill > 0,
          f"the server was killed (SIGKILL) while writing: {len(acked)} companies acknowledged, {len(in_flight)} in flight",
          f"return code {server.process.returncode}, acknowledged before the kill {acked_before_kill}")
    check(not errors, "no write failed before the kill", "; ".join(errors[:5]))

    server.start(password)
    companies = server.get("/api/v1/export/companies?format=json")
    by_name = {}
    for c in companies:
        by_name.setdefault(c["name"], []).append(int(c["id"]))
    lost = [(n, i) for n, i in sorted(acked.items()) if by_name.get(n) != [i]]
    check(not lost, f"after the restart every acknowledged company ({len(acked)}) exists once, with its id",
          f"{len(lost)} lost or changed, e.g. {lost[:5]} -> {[by_name.get(n) for n, _ in lost[:5]]}")
    phantoms = sorted(set(by_name) - set(acked) - in_flight)
    check(not phantoms, f"no company exists that was not acknowledged or in flight "
                        f"({len(set(by_name) & in_flight)} of {len(in_flight)} in-flight ones were committed)",
          f"unexpected: {phantoms[:10]}")
    entries = server.journal()
    check_gap_free(entries, "after kill -9")
    check_companies_match_journal(companies, entries, "after kill -9")
    stop(server.process)


# --- webhooks across a crash ------------------------------------------------------------------------------------------

class WebhookReceiver:
    """A local HTTP receiver that keeps every request and checks its Standard Webhooks signature."""

    def __init__(self):
        import http.server
        self.hits, self.lock, self.secret = [], threading.Lock(), None
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                with receiver.lock:
                    receiver.hits.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def valid(self, headers, body):
        import base64, hashlib, hmac
        key = base64.b64decode(self.secret[len("whsec_"):])
        signed = f"{headers.get('webhook-id')}.{headers.get('webhook-timestamp')}.".encode() + body
        expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        return expected in headers.get("webhook-signature", "").split(" ")

    def stop(self):
        self.server.shutdown()


def scenario_webhook_after_crash(work):
    """Deals are created while the dispatcher waits; the server is killed (SIGKILL) before it sends them; after the
    restart every event arrives once, signed."""
    data = os.path.join(work, "wh-data")
    password = add_admin(data=data)
    receiver = WebhookReceiver()
    slow = dict(os.environ, VORONKA_WEBHOOK_INTERVAL="3600")
    server = Server(work, "wh-serve", data=data, env=slow).start(password)
    try:
        status, endpoint = server.call("POST", "/api/v1/webhooks", {"url": receiver.url, "allow_private": True, "events": ["deal.created"]})
        check(status == 201 and endpoint.get("secret", "").startswith("whsec_"), "an admin adds an endpoint on a local address (allowed)",
              f"{status} {str(endpoint)[:200]}")
        receiver.secret = endpoint["secret"]
        status, company = server.call("POST", "/api/v1/companies", {"name": "Webhook Co"})
        ids = []
        for i in range(20):
            status, deal = server.call("POST", "/api/v1/deals", {"company_id": company["id"], "title": f"Deal {i}", "amount": 1000})
            if status == 201:
                ids.append(deal["id"])
        time.sleep(0.5)
        before = len(receiver.hits)
        kill_group(server.process)
        check(len(ids) == 20 and before == 0, "20 deals were written and none was sent before the kill",
              f"written {len(ids)}, sent before the kill {before}")
        server.env = None
        server.start(password)
        deadline = time.time() + 30
        while time.time() < deadline and len(receiver.hits) < 20:
            time.sleep(0.2)
        time.sleep(1.5)  # anything sent twice would arrive by now
        with receiver.lock:
            hits = list(receiver.hits)
        created = sorted(json.loads(body)["data"]["id"] for _, body in hits)
        check(created == sorted(ids), f"after the restart every deal's event arrived once ({len(hits)} requests for {len(ids)} deals)",
              f"got {created[:25]}")
        check(len({h.get('webhook-id') for h, _ in hits}) == len(hits), "each with its own webhook-id")
        check(all(receiver.valid(h, body) for h, body in hits), "every signature checks out with the endpoint's secret")
    finally:
        stop(server.process)
        receiver.stop()


# --- scenario 2 --------------------------------------------------------------------------------------------------------

def write_maven_pipeline(path, rows, seed=7):
    """A deterministic file with the header of Maven CRM's sales_pipeline.csv (preset maven-pipeline)."""
    rng = random.Random(seed)
    agents = [f"{first} {last}" for first, last in zip(
        ["Anna", "Boris", "Cecily", "Darcel", "Elease", "Garret", "Hayden", "Jonathan", "Kami", "Lajuana", "Moses", "Niesha"],
        ["Snelling", "Faz", "Lampkin", "Schlecht", "Gluck", "Kinder", "Neloms", "Berthelot", "Bicknell", "Vencill", "Frase", "Huffines"])]
    products = ["GTX Basic", "GTX Pro", "GTXPro", "MG Special", "MG Advanced", "GTX Plus Basic", "GTK 500"]
    accounts = [f"Account {chr(65 + i // 26)}{chr(65 + i % 26)} Ltd" for i in range(70)]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n")
        for i in range(rows):
            stage = rng.choices(["Won", "Lost", "Engaging", "Prospecting"], [48, 30, 14, 8])[0]
            day = 1 + rng.randrange(400)
            engage = time.strftime("%Y-%m-%d", time.gmtime(1477958400 + day * 86400)) if stage != "Prospecting" else ""
            close = time.strftime("%Y-%m-%d", time.gmtime(1477958400 + (day + 5 + rng.randrange(120)) * 86400)) \
                if stage in ("Won", "Lost") else ""
            value = str(100 + rng.randrange(9000)) if stage == "Won" else ("0" if stage == "Lost" else "")
            account = rng.choice(accounts) if stage != "Prospecting" or rng.random() < 0.7 else ""
            f.write(f"OPP{i:07d},{rng.choice(agents)},{rng.choice(products)},{account},{stage},{engage},{close},{value}\n")


def load_export(data, out):
    """`voronka export --format json` of a data directory; returns {file stem: rows}."""
    status, text = run([BINARY, "export", "--data", data, "--out", out, "--format", "json"], timeout=90)
    if status != 0:
        raise RuntimeError(f"voronka export failed ({status}): {text[-500:]}")
    result = {}
    for path in sorted(glob.glob(os.path.join(out, "*.json"))):
        with open(path, encoding="utf-8") as f:
            result[os.path.splitext(os.path.basename(path))[0]] = json.load(f)
    return result


def canonical_deals(export, since):
    """Deals with their links by name instead of id, sorted: comparable across two databases. Times from `since` on
    (ISO 8601 UTC) are the import's own clock (deals without a date in the file), so they read "<import time>"."""
    stages = {s["id"]: s["name"] for s in export["stages"]}
    pipelines = {p["id"]: p["name"] for p in export["pipelines"]}
    users = {u["id"]: u["name"] for u in export["users"]}
    companies = {c["id"]: c["name"] for c in export["companies"]}
    skip = {"id", "company_id", "owner_id", "stage_id", "pipeline_id", "updated_at", "lead_id", "contact_ids"}
    rows = []
    for d in export["deals"]:
        fields = {k: ("<import time>" if isinstance(v, str) and re.match(r"\d{4}-\d\d-\d\dT", v) and v >= since else v)
                  for k, v in d.items() if k not in skip}
        fields.update(stage=stages.get(d["stage_id"]), pipeline=pipelines.get(d["pipeline_id"]),
                      owner=users.get(d["owner_id"]), company=companies.get(d["company_id"]))
        rows.append(json.dumps(fields, sort_keys=True))
    return sorted(rows)


def indexes(data):
    db = sqlite3.connect(os.path.join(data, "voronka.sqlite"))
    try:
        names = sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
        pending = db.execute("SELECT COUNT(*) FROM deferred_indexes").fetchone()[0]
    finally:
        db.close()
    return names, pending


def scenario_kill_during_import(work):
    since = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() - 1))
    csv = os.path.join(work, "sales_pipeline.csv")
    write_maven_pipeline(csv, 6000)
    clean, resumed = os.path.join(work, "s2-clean"), os.path.join(work, "s2-resumed")
    importing = ["import", "--batch-size", "40", csv]

    # The interrupted import, started first so that it has the machine to itself while it runs.
    with open(os.path.join(work, "s2-interrupted.out"), "wb") as out:
        process = spawn([BINARY] + importing + ["--data", resumed], stdout=out, stderr=subprocess.PIPE)
    progress = []
    sent = []

    def watch():
        buffer = b""
        while True:
            chunk = os.read(process.stderr.fileno(), 4096)
            if not chunk:
                return
            buffer += chunk
            *lines, buffer = re.split(rb"[\r\n]", buffer)
            for line in lines:
                found = re.search(rb"(\d+)/(\d+)\s*$", line)
                if found:
                    done, total = int(found.group(1)), int(found.group(2))
                    progress.append((done, total))
                    if 0 < done < total and done >= total * 0.3 and not sent:
                        sent.append(done)
                        os.killpg(process.pid, signal.SIGKILL)  # the main thread has not reaped it: no exit yet

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        kill_group(process)
    watcher.join(timeout=10)
    process.stderr.close()
    last = progress[-1] if progress else None
    check(process.returncode == -signal.SIGKILL and last is not None and last[0] < last[1],
          f"the import was killed (SIGKILL) mid-way, after {last[0] if last else 0} of {last[1] if last else '?'} rows",
          f"return code {process.returncode}, progress seen {progress[-3:]}")

    status, out = run([BINARY] + importing + ["--data", resumed], timeout=120)
    if not check(status == 0, "the same import run again finishes", out[-500:]):
        return
    tallies = re.search(r"deal\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", out)
    status, out = run([BINARY] + importing + ["--data", clean], timeout=120)
    if not check(status == 0, "a clean import of the same file into a fresh data directory finishes", out[-500:]):
        return
    if tallies:
        log(f"        (the rerun created {tallies.group(1)} deals and found {tallies.group(3)} unchanged)")

    exports, problems = {}, []

    def export(key, data):
        try:
            exports[key] = load_export(data, os.path.join(work, f"s2-export-{key}"))
        except Exception as e:
            problems.append(f"{key}: {e}")

    threads = [threading.Thread(target=export, args=kd) for kd in (("clean", clean), ("resumed", resumed))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if problems:
        raise RuntimeError("; ".join(problems))
    a, b = exports["clean"], exports["resumed"]
    counts_a = {k: len(v) for k, v in a.items() if k != "journal"}
    counts_b = {k: len(v) for k, v in b.items() if k != "journal"}
    check(counts_a == counts_b and counts_a.get("deals") == 6000,
          f"record counts after interrupt + rerun equal a clean import ({counts_a.get('deals')} deals, "
          f"{counts_a.get('companies')} companies, {counts_a.get('users')} users, {counts_a.get('stages')} stages)",
          f"clean {counts_a} vs resumed {counts_b}")
    deals_a, deals_b = canonical_deals(a, since), canonical_deals(b, since)
    differing = sorted(set(deals_a) ^ set(deals_b))
    check(deals_a == deals_b, "every deal equals the clean import's (fields, stage, owner, company)",
          f"{len(differing)} differ, e.g. {differing[:2]}")
    check(len(a["journal"]) == len(b["journal"]), f"the journal is as long as a clean import's ({len(a['journal'])} entries)",
          f"clean {len(a['journal'])} vs resumed {len(b['journal'])}")
    check_gap_free(b["journal"], "interrupted + rerun import")
    check_companies_match_journal(b["companies"], b["journal"], "interrupted + rerun import")
    (names_a, pending_a), (names_b, pending_b) = indexes(clean), indexes(resumed)
    check(names_a == names_b and pending_b == 0, f"the resumed database has a clean import's indexes, none left deferred ({len(names_b)} indexes)",
          f"missing {sorted(set(names_a) - set(names_b))}, extra {sorted(set(names_b) - set(names_a))}, still deferred {pending_b}")


# --- scenario 3 --------------------------------------------------------------------------------------------------------

def scenario_import_exit_codes(work):
    """The command line's exit status says how an import went: 0 all written (or a clean dry run), 1 nothing written,
    2 rows left out (each listed)."""
    clean = os.path.join(work, "s5-clean.csv")
    write_maven_pipeline(clean, 50)
    broken = os.path.join(work, "s5-broken.csv")
    with open(clean, encoding="utf-8") as f:
        lines = f.read().splitlines()
    lines[3] = lines[3] + ",an extra field"   # wider than the header: that row is left out
    with open(broken, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    stray = os.path.join(work, "data_dictionary.csv")
    with open(stray, "w", encoding="utf-8") as f:
        f.write("Table,Field,Description\naccounts,account,Company name\n")
    data = os.path.join(work, "s5-data")
    cases = [
        ("a clean dry run", ["import", "--dry-run", clean], 0),
        ("a dry run of a file no preset reads", ["import", "--dry-run", stray], 1),
        ("a dry run with a broken row", ["import", "--dry-run", broken], 2),
        ("an import of a file no preset reads", ["import", stray, "--data", data], 1),
        ("an import with a broken row", ["import", broken, "--data", data], 2),
        ("a clean import", ["import", clean, "--data", os.path.join(work, "s5-clean-data")], 0),
        ("an import of a good file beside a stray one", ["import", clean, stray, "--data", os.path.join(work, "s5-stray-data")], 2),
        ("the same with --strict", ["import", "--strict", clean, stray, "--data", os.path.join(work, "s5-strict-data")], 1),
    ]
    for what, args, expected in cases:
        status, out = run([BINARY] + args, timeout=120)
        check(status == expected, f"{what} exits {expected}", f"exit {status}: {out[-400:]}")
        if "stray" in what:
            written = re.search(r"deal\s+(\d+)", out)
            check(written is not None and int(written.group(1)) == 50 and "Left out: data_dictionary.csv" in out,
                  "the good file is written and the stray one is said to be left out", out[-600:])


def scenario_mapping_per_file(work):
    """`import --propose` prints a mapping file for every file given; edited, it reads a leads file and a deals file
    in one run, each with its own mapping, and the deals find their leads."""
    leads = os.path.join(work, "s6-leads.csv")
    deals = os.path.join(work, "s6-deals.csv")
    with open(leads, "w", encoding="utf-8") as f:
        f.write("lead_id,first_contact,channel\nL1,2024-01-10,organic\nL2,2024-01-11,paid\nL3,2024-01-12,organic\n")
    with open(deals, "w", encoding="utf-8") as f:
        f.write("deal_id,lead,won_date,revenue\nD1,L1,2024-03-01,1200\nD2,L3,2024-03-05,800\n")
    status, out = run([BINARY, "import", "--propose", leads, deals], timeout=60)
    try:
        proposal = json.loads(out)
    except ValueError:
        proposal = {}
    files = proposal.get("files", {})
    if not check(status == 0 and set(files) == {"s6-leads.csv", "s6-deals.csv"}, "--propose prints a mapping for each file", out[-600:]):
        return
    # What a user does with the proposal: say what each column is, and that every deal here is won.
    files["s6-leads.csv"] = {"kind": "leads", "columns": {"lead_id": "source_id", "first_contact": "received_at", "channel": "source"}}
    files["s6-deals.csv"] = {"kind": "deals", "stage": "Won",
                             "columns": {"deal_id": "source_id", "lead": "lead_source_id", "won_date": "closed_at", "revenue": "amount"}}
    mapping = os.path.join(work, "s6-mapping.json")
    with open(mapping, "w", encoding="utf-8") as f:
        json.dump({"files": files}, f)
    status, out = run([BINARY, "import", "--mapping", mapping, leads, deals, "--data", os.path.join(work, "s6-data")], timeout=120)
    check(status == 0, "the two files import with a mapping each", out[-600:])
    created = re.search(r"deal\s+(\d+)", out)
    check(created is not None and int(created.group(1)) == 2 and re.search(r"lead\s+3", out) is not None,
          "3 leads and 2 deals are written", out[-600:])
    status, out = run([BINARY, "import", "--mapping", mapping, leads, "--data", os.path.join(work, "s6-other")], timeout=60)
    check(status == 1 and "s6-deals.csv" in out, "a mapping naming a file that is not given is refused", out[-400:])


def find_psql():
    found = shutil.which("psql")
    if found:
        return found
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"), key=lambda p: [int(x) for x in re.findall(r"\d+", p)])
    if not candidates:
        raise RuntimeError("psql is neither in PATH nor in /usr/lib/postgresql/*/bin")
    return candidates[-1]


def with_database(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def psql(admin_url, sql):
    status, out = run([find_psql(), admin_url, "-v", "ON_ERROR_STOP=1", "-Atqc", sql], timeout=60)
    if status != 0:
        raise RuntimeError(f"psql failed ({status}): {out[-500:]}")
    return out


def scenario_export_round_trip(work, admin_url, databases):
    """`voronka export` of a demo company, then `voronka import` of that folder into an empty database (PostgreSQL when
    the test command runs one): exported again, every file is the same byte for byte. A second restore into the now
    full database, and the export's folder with a stranger's file in it, are refused with exit status 1."""
    source = os.path.join(work, "s7-source")
    status, out = run([BINARY, "demo", "--data", source, "--deals", "300", "--as-of", "2026-09-21"], timeout=300)
    check(status == 0, "the demo company is made", out[-400:])
    first = os.path.join(work, "s7-export")
    status, out = run([BINARY, "export", "--data", source, "--out", first], timeout=300)
    check(status == 0, "the demo is exported", out[-400:])
    env = None
    if admin_url:
        name = f"voronka_restore_{os.getpid()}_{random.randrange(1 << 30)}"
        psql(admin_url, f"CREATE DATABASE {name}")
        databases.append(name)
        env = {"VORONKA_DATABASE_URL": with_database(admin_url, name)}
        target = []
    else:
        target = ["--data", os.path.join(work, "s7-target")]
    status, out = run([BINARY, "import", first] + target, env=env, timeout=300)
    check(status == 0 and "Restored Voronka's export" in out, "the export's folder is restored", out[-600:])
    second = os.path.join(work, "s7-export-again")
    status, out = run([BINARY, "export", "--out", second] + target, env=env, timeout=300)
    check(status == 0, "the restored database is exported", out[-400:])
    different = [n for n in sorted(os.listdir(first)) if n.endswith(".csv")
                 and open(os.path.join(first, n), "rb").read() != open(os.path.join(second, n), "rb").read()]
    check(not different, "every file of the second export equals the first (records, ids, journal, settings)", str(different))
    status, out = run([BINARY, "import", first] + target, env=env, timeout=300)
    check(status == 1 and "already has" in out, "a second restore into the full database is refused (exit 1)", out[-400:])
    stray = os.path.join(first, "notes.csv")
    with open(stray, "w", encoding="utf-8") as f:
        f.write("Note\nhello\n")
    status, out = run([BINARY, "import", first, "--data", os.path.join(work, "s7-mixed")], timeout=120)
    check(status == 1 and "notes.csv" in out, "an export's folder with a stranger's file is refused, naming it (exit 1)", out[-400:])


def scenario_two_servers_on_postgres(work, admin_url, databases):
    name = f"voronka_reliability_{os.getpid()}_{random.randrange(1 << 30)}"
    psql(admin_url, f"CREATE DATABASE {name}")
    databases.append(name)
    env = {"VORONKA_DATABASE_URL": with_database(admin_url, name)}
    password = add_admin(env=env)  # migrates the empty database
    a = Server(work, "s3-serve-a", env=env).start(password)
    b = Server(work, "s3-serve-b", env=env).start(password)
    servers = [a, b]

    # Two open stages of one pipeline that need no qualification, and deals to move between them.
    stages = a.get("/api/v1/stages?limit=500")["items"]
    by_pipeline = {}
    for s in sorted(stages, key=lambda s: (s["pipeline_id"], s["position"])):
        if s["kind"] == "open" and not s["requires_qualification"]:
            by_pipeline.setdefault(s["pipeline_id"], []).append(s["id"])
    pipelines = {p["id"]: p for p in a.get("/api/v1/pipelines?limit=500")["items"]}
    pipeline, pair = next((p, ids[:2]) for p, ids in sorted(by_pipeline.items())
                          if len(ids) >= 2 and pipelines.get(p, {}).get("kind", "deal") == "deal")
    status, company = a.call("POST", "/api/v1/companies", {"name": "pg deals"})
    if status != 201:
        raise RuntimeError(f"creating a company answered {status}: {company}")
    deals = []
    for i in range(6):
        status, deal = a.call("POST", "/api/v1/deals", {"title": f"pg deal {i}", "company_id": company["id"],
                                                         "pipeline_id": pipeline, "stage_id": pair[0]})
        if status != 201:
            raise RuntimeError(f"creating a deal answered {status}: {deal}")
        deals.append(deal["id"])

    acked, errors, moves = {}, [], [0]
    lock = threading.Lock()
    until = time.time() + 2.0

    def company_writer(server, w):
        i = 0
        while time.time() < until:
            name = f"pg {server.name[-1]} w{w} {i:05d}"
            i += 1
            try:
                status, body = server.call("POST", "/api/v1/companies", {"name": name})
            except OSError as e:
                status, body = None, str(e)
            with lock:
                if status == 201:
                    acked[name] = int(body["id"])
                else:
                    errors.append(f"{server.name} POST companies: {status} {str(body)[:200]}")

    def mover(server, offset):
        i = 0
        while time.time() < until:
            deal = deals[i % len(deals)]
            target = pair[(i // len(deals) + offset) % 2]
            i += 1
            try:
                status, body = server.call("POST", f"/api/v1/deals/{deal}/move", {"stage_id": target})
            except OSError as e:
                status, body = None, str(e)
            with lock:
                if status == 200:
                    moves[0] += 1
                else:
                    errors.append(f"{server.name} move deal {deal}: {status} {str(body)[:200]}")

    threads = []
    for offset, server in enumerate(servers):
        threads += [threading.Thread(target=company_writer, args=(server, w), daemon=True) for w in range(2)]
        threads.append(threading.Thread(target=mover, args=(server, offset), daemon=True))
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    check(not errors and acked and moves[0] > 0,
          f"concurrent writes through both servers succeed ({len(acked)} companies, {moves[0]} moves)",
          f"{len(errors)} failed, e.g. {errors[:3]}")

    journals = [s.journal() for s in servers]
    first_difference = next((i for i, (x, y) in enumerate(zip(*journals)) if x != y), None)
    check(journals[0] == journals[1], f"both servers answer the same journal ({len(journals[0])} entries)",
          f"lengths {len(journals[0])} and {len(journals[1])}, first difference at index {first_difference}")
    check_gap_free(journals[0], "two servers on PostgreSQL")
    listed = [sorted((c["id"], c["name"]) for c in s.listed("companies")) for s in servers]
    check(listed[0] == listed[1], f"both servers list the same companies ({len(listed[0])})",
          f"{len(set(listed[0]) ^ set(listed[1]))} differ")
    present = dict((n, i) for i, n in listed[0])
    missing = [(n, i) for n, i in sorted(acked.items()) if present.get(n) != i]
    check(not missing, f"every acknowledged company ({len(acked)}) is listed with its id", f"missing {missing[:5]}")
    check_companies_match_journal(a.get("/api/v1/export/companies?format=json"), journals[0], "two servers on PostgreSQL")
    last_stage = {}
    for e in journals[0]:
        if e["entity"] == "deal":
            for change in e["changes"]:
                if change["field"] == "stage_id":
                    last_stage[int(e["entity_id"])] = change["new"]
    wrong = []
    for deal in deals:
        current = [s.get(f"/api/v1/deals/{deal}")["stage_id"] for s in servers]
        if current[0] != current[1] or current[0] != last_stage.get(deal):
            wrong.append((deal, current, last_stage.get(deal)))
    check(not wrong, f"each moved deal's stage ({len(deals)} deals) is its journal's last move, on both servers",
          f"(deal, stage on a and b, journal's last) {wrong}")
    for s in servers:
        stop(s.process)


# --- main --------------------------------------------------------------------------------------------------------------

def main():
    if not os.access(BINARY, os.X_OK):
        log(f"not an executable: {BINARY}")
        log("0 passed, 1 failed")
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = tempfile.mkdtemp(prefix="voronka-reliability-")
    admin_url = os.environ.get("VORONKA_TEST_POSTGRES_URL", "")
    databases = []
    global failed
    started = time.time()
    try:
        scenarios = [("slow and silent clients are dropped", lambda: scenario_slow_clients(work)),
                     ("kill -9 during API writes (SQLite)", lambda: scenario_kill_during_api_writes(work)),
                     ("kill -9 during an import (SQLite)", lambda: scenario_kill_during_import(work)),
                     ("the import's exit status", lambda: scenario_import_exit_codes(work)),
                     ("an import with a mapping per file", lambda: scenario_mapping_per_file(work)),
                     ("webhooks sent after a crash", lambda: scenario_webhook_after_crash(work)),
                     ("export, then restore into an empty database" + (" on PostgreSQL" if admin_url else ""),
                      lambda: scenario_export_round_trip(work, admin_url, databases))]
        if admin_url:
            scenarios.append(("two servers on one PostgreSQL database",
                              lambda: scenario_two_servers_on_postgres(work, admin_url, databases)))
        for title, scenario in scenarios:
            log(f"== {title}")
            t0 = time.time()
            try:
                scenario()
            except Exception as e:  # a scenario that cannot finish is one failure; the others still run
                check(False, f"{title} ran to the end", f"{type(e).__name__}: {e}")
            log(f"   ({time.time() - t0:.1f} s)")
        if not admin_url:
            log("== two servers on one PostgreSQL database: skipped (VORONKA_TEST_POSTGRES_URL is not set)")
    finally:
        for process in PROCESSES:
            kill_group(process)
        for name in databases:
            try:
                psql(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            except Exception as e:
                check(False, f"dropping database {name}", str(e))
        shutil.rmtree(work, ignore_errors=True)
    log(f"   (all scenarios: {time.time() - started:.1f} s)")
    log(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
