#!/usr/bin/env python3
"""Browser tests of the web interface: headless Chromium driven through chromedriver (Selenium) against a real
`voronka serve --demo` on a temporary SQLite database and a free port.

Checks: sign-in; a lead decided in the inbox (its triage suggestion shown at once); a board move (drag and drop, and
the no-script form) that shows in the deal's history; a rep cannot open another rep's deal; a dashboard figure equals
the API's; a form without its CSRF token is refused; an admin adds a stage on the settings page and sees it on the
board; a sales rep's day in Russian on a phone (390x844: company, lead, conversion, search, edit, buying centre, call,
stage moves, postponement, a lost deal with its reason), each step checked through the API, and no page wider than the
phone's screen; a head of sales finds the owner with the most stalled deals. Saves screenshots of each main page
(desktop 1366x900, phone 390x844) in artifacts/screenshots/.

Usage: scripts/browser-test.py [path/to/voronka]   (default .build/debug/voronka)
"""
import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "voronka")
SHOTS = os.path.join(ROOT, "artifacts", "screenshots")
DESKTOP = (1366, 900)
PHONE = (390, 844)

failures = []


def check(condition, what):
    print(("  ok    " if condition else "  FAIL  ") + what, flush=True)
    if not condition:
        failures.append(what)
    return condition


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """`voronka serve --demo` on a temporary data directory; reads the printed passwords."""

    def __init__(self):
        self.data = tempfile.mkdtemp(prefix="voronka-browser-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(self.data, "server.log"), "w+")
        self.process = subprocess.Popen(
            [BINARY, "serve", "--demo", "--demo-deals", "400", "--data", self.data, "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, "VORONKA_WEB_SECRET": "browser-test-secret"})
        deadline = time.time() + 300
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server stopped:\n" + self.output())
            if "Serving on" in self.output():
                break
            time.sleep(0.5)
        else:
            raise RuntimeError("the server did not start in time:\n" + self.output())
        out = self.output()
        self.admin_password = re.search(r"password:\s+(\S+)", out).group(1)
        self.demo_password = re.search(r"sign in with password (\S+)", out).group(1)

    def output(self):
        self.log.flush()
        with open(self.log.name) as f:
            return f.read()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.data, ignore_errors=True)


class API:
    """The JSON API with a bearer token."""

    def __init__(self, base, email, password):
        self.base = base
        self.token = self.call("POST", "/api/v1/auth/login", {"email": email, "password": password}, auth=False)["token"]

    def call(self, method, path, body=None, auth=True):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if auth:
            request.add_header("Authorization", "Bearer " + self.token)
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read().decode()
            return json.loads(text) if text else None

    def status(self, path):
        try:
            self.call("GET", path)
            return 200
        except urllib.error.HTTPError as e:
            return e.code


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-US"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(120)
    return driver


def shoot(driver, name):
    """A screenshot of the whole page at desktop and phone width."""
    for label, (width, height) in (("desktop", DESKTOP), ("phone", PHONE)):
        driver.set_window_size(width, height)
        full = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
        driver.set_window_size(width, min(max(height, full + 120), 6000))
        driver.save_screenshot(os.path.join(SHOTS, f"{name}-{label}.png"))
    driver.set_window_size(*DESKTOP)


def text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def gone(element):
    """A wait condition: the element's page was replaced. Chrome may answer a check made mid-navigation with "Node with
    given id does not belong to the document" instead of a stale reference; that too means the page is gone."""
    def check(_driver):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return check


def sign_in(driver, base, email, password):
    driver.get(base + "/login")
    driver.find_element(By.ID, "login-email").send_keys(email)
    driver.find_element(By.ID, "login-password").send_keys(password)
    button = driver.find_element(By.CSS_SELECTOR, "form button[type=submit].button-primary")
    button.click()
    WebDriverWait(driver, 30).until(gone(button))


def click_and_wait(driver, element):
    """Clicks a submit button and waits for the next page."""
    element.click()
    WebDriverWait(driver, 30).until(gone(element))


def drag(driver, card, column):
    """HTML5 drag and drop as a browser fires it (Selenium's own drag does not fire these events)."""
    driver.execute_script("""
        const [card, column] = arguments;
        const data = new DataTransfer();
        const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
        fire(card, 'dragstart'); fire(column, 'dragover'); fire(column, 'drop'); fire(card, 'dragend');
    """, card, column)


def main():
    os.makedirs(SHOTS, exist_ok=True)
    print(f"== browser tests: starting {BINARY} serve --demo", flush=True)
    server = Server()
    driver = None
    try:
        base = server.base
        admin = API(base, "admin@voronka.local", server.admin_password)
        users = admin.call("GET", "/api/v1/users?limit=500")["items"]
        reps = [u for u in users if u["role"] == "sales_rep" and u["active"]]
        rep, other = reps[0], reps[1]
        rep_api = API(base, rep["email"], server.demo_password)
        other_deal = admin.call("GET", f"/api/v1/deals?owner_id={other['id']}&limit=1")["items"][0]
        pipelines = {p["name"]: p for p in admin.call("GET", "/api/v1/pipelines")["items"]}
        services = pipelines["Professional services"]
        stages = sorted(admin.call("GET", f"/api/v1/stages?pipeline_id={services['id']}&limit=100")["items"], key=lambda s: s["position"])
        briefing, estimate = stages[0], stages[1]
        company = rep_api.call("POST", "/api/v1/companies", {"name": "Browser Test Ltd"})
        deal = rep_api.call("POST", "/api/v1/deals", {"title": "Browser test deal", "company_id": company["id"], "amount": 1234567,
                                                      "pipeline_id": services["id"], "stage_id": briefing["id"]})
        lead = rep_api.call("POST", "/api/v1/leads", {"company_name": "Inbox Test LLC", "request_text": "Please call us about delivery",
                                                      "source": "phone"})
        driver = browser()
        driver.set_window_size(*DESKTOP)

        print("-- sign-in", flush=True)
        driver.get(base + "/login")
        shoot(driver, "login")
        sign_in(driver, base, rep["email"], "wrong password!")
        check("login-problem" in driver.page_source, "a wrong password shows why and stays on the sign-in page")
        sign_in(driver, base, rep["email"], server.demo_password)
        check(driver.current_url.endswith("/leads"), "signing in opens the lead inbox")
        cookie = driver.get_cookie("voronka_session")
        check(cookie is not None and cookie.get("httpOnly") is True and cookie.get("sameSite") == "Lax", "the session cookie is HttpOnly, SameSite=Lax")

        print("-- lead inbox: decision", flush=True)
        shoot(driver, "inbox")
        item = driver.find_element(By.ID, f"lead-{lead['id']}")
        check(bool(item.find_elements(By.CSS_SELECTOR, "form.action-form.suggested")), "a new lead shows its triage suggestion at once")
        check(not item.find_elements(By.CSS_SELECTOR, "form[action$='/triage']"), "the inbox has no separate triage button")
        deal_form = item.find_elements(By.CSS_SELECTOR, "form[action$='/deal']")
        check(bool(deal_form) and bool(deal_form[0].find_elements(By.CSS_SELECTOR, "input[name=title][required]")),
              "converting to a deal asks for the deal's title")
        junk = item.find_element(By.CSS_SELECTOR, "form[action$='/junk']")
        if junk.find_elements(By.NAME, "reason"):
            junk.find_element(By.NAME, "reason").send_keys("Duplicate of an earlier request")
        click_and_wait(driver, junk.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        decided = admin.call("GET", f"/api/v1/leads/{lead['id']}")
        check(decided["outcome"] == "junk", "deciding through the form writes the lead's outcome")
        check(f'id="lead-{lead["id"]}"' not in driver.page_source, "the decided lead leaves the inbox")

        print("-- pipeline board: move", flush=True)
        driver.get(base + f"/pipelines/{services['id']}")
        shoot(driver, "board")
        card = driver.find_element(By.ID, f"deal-card-{deal['id']}")
        column = driver.find_element(By.CSS_SELECTOR, f"section.column[data-stage-id='{estimate['id']}']")
        drag(driver, card, column)
        WebDriverWait(driver, 30).until(lambda d: admin.call("GET", f"/api/v1/deals/{deal['id']}")["stage_id"] == estimate["id"])
        check(True, "dragging a card to another column moves the deal")
        card = driver.find_element(By.ID, f"deal-card-{deal['id']}")
        Select(card.find_element(By.CSS_SELECTOR, "select[name=stage_id]")).select_by_value(str(briefing["id"]))
        click_and_wait(driver, card.find_element(By.CSS_SELECTOR, "form.move-form button"))
        check(admin.call("GET", f"/api/v1/deals/{deal['id']}")["stage_id"] == briefing["id"], "the no-script move form moves the deal back")
        gated = next((s for s in stages if s["requires_qualification"]), None)
        if gated:
            card = driver.find_element(By.ID, f"deal-card-{deal['id']}")
            Select(card.find_element(By.CSS_SELECTOR, "select[name=stage_id]")).select_by_value(str(gated["id"]))
            click_and_wait(driver, card.find_element(By.CSS_SELECTOR, "form.move-form button"))
            refused = driver.find_elements(By.ID, "move-refused")
            check(bool(refused) and refused[0].is_displayed(), "a move into a gated stage is refused with the reasons shown")
            check(admin.call("GET", f"/api/v1/deals/{deal['id']}")["stage_id"] == briefing["id"], "the refused move changed nothing")
        driver.get(base + f"/deals/{deal['id']}")
        history = driver.find_element(By.ID, "deal-timeline").find_element(By.XPATH, "..").text
        check(estimate["name"] in history and briefing["name"] in history, "the deal's history shows both stage changes")
        check("1,234,567\u00a0RUB" in text(driver) or "1,234,567 RUB" in text(driver), "the deal page writes money in English form, without cents when there are none")
        driver.find_element(By.ID, "activity-kind").send_keys("Meeting")
        Select(driver.find_element(By.ID, "activity-kind")).select_by_value("meeting")
        driver.find_element(By.ID, "activity-subject").send_keys("Kick-off")
        driver.find_element(By.ID, "activity-body").send_keys("Agreed on scope and dates.")
        driver.find_element(By.CSS_SELECTOR, "#activity-subject").find_element(By.XPATH, "ancestor::form").submit()
        WebDriverWait(driver, 30).until(lambda d: "Agreed on scope and dates." in text(d))
        check(True, "a meeting protocol added on the deal page shows in its timeline")
        shoot(driver, "deal")
        driver.get(base + f"/companies/{company['id']}")
        shoot(driver, "company")
        driver.get(base + "/companies?q=Browser")
        check("Browser test deal" in text(driver), "search finds the rep's own deal")
        shoot(driver, "companies")

        print("-- access rules", flush=True)
        check(rep_api.status(f"/api/v1/deals/{other_deal['id']}") in (403, 404), "the API refuses the other rep's deal")
        driver.get(base + f"/deals/{other_deal['id']}")
        check(other_deal["title"] not in text(driver) and "error-page" in driver.page_source, "the deal page refuses the other rep's deal")
        driver.get(base + "/companies?q=" + urllib.request.quote(other_deal["title"][:12]))
        check(f"/deals/{other_deal['id']}\"" not in driver.page_source, "search does not list the other rep's deal")
        driver.get(base + f"/pipelines/{other_deal['pipeline_id']}")
        check(f'id="deal-card-{other_deal["id"]}"' not in driver.page_source, "the board does not show the other rep's deal")

        print("-- dashboards", flush=True)
        check_dashboard(driver, base, rep_api)

        print("-- CSRF", flush=True)
        target = rep_api.call("POST", "/api/v1/leads", {"company_name": "CSRF Test", "request_text": "Need a quote", "source": "email"})
        driver.get(base + "/leads")
        form = driver.find_element(By.ID, f"lead-{target['id']}").find_element(By.CSS_SELECTOR, "form[action$='/junk']")
        driver.execute_script("arguments[0].querySelector('input[name=csrf_token]').remove()", form)
        if form.find_elements(By.NAME, "reason"):
            form.find_element(By.NAME, "reason").send_keys("no token")
        click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        check("error-page" in driver.page_source, "a form without its CSRF token gets the refusal page")
        check(admin.call("GET", f"/api/v1/leads/{target['id']}")["outcome"] is None, "and nothing was written")
        shoot(driver, "csrf-refused")

        print("-- Russian", flush=True)
        driver.get(base + f"/deals/{deal['id']}")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, ".header-tools form.language-switch button[value=ru]"))
        check("1\u00a0234\u00a0567\u00a0₽" in text(driver) or "1 234 567 ₽" in text(driver), "in Russian the deal's amount reads 1 234 567 ₽ (no kopecks when there are none)")
        shoot(driver, "deal-ru")
        driver.get(base + f"/pipelines/{services['id']}")
        shoot(driver, "board-ru")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, ".header-tools form.language-switch button[value=en]"))
        check(admin.call("GET", f"/api/v1/users/{rep['id']}")["locale"] == "en", "the wide header's switch turns the language back to English")

        print("-- admin pages", flush=True)
        driver.delete_all_cookies()
        sign_in(driver, base, "admin@voronka.local", server.admin_password)
        driver.get(base + "/settings")
        shoot(driver, "settings")
        check_settings_stage(driver, base, admin, services)
        print("-- import", flush=True)
        check_import(driver, base, admin)
        print("-- a marketing funnel's two files, a channel matched, conversion by channel", flush=True)
        check_channel_import(driver, base, admin)
        driver.get(base + "/leads")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, ".header-tools form.sign-out button"))
        check("/login" in driver.current_url, "signing out returns to the sign-in page")

        print("-- a rep's day in Russian on a phone", flush=True)
        phone_rep = next((u for u in reps if u["id"] not in (rep["id"], other["id"]) and u.get("locale") != "ru"), None) \
            or next(u for u in reps if u["id"] != rep["id"])
        phone = Phone(driver, base)
        check_phone_day(phone, admin, phone_rep, server.demo_password)
        print("-- a rep in Russian sees the bell, opens a nudge, logs a call, and the nudge is gone", flush=True)
        check_nudges(phone, admin, reps, server.demo_password)
        head = next(u for u in users if u["role"] == "head_of_sales" and u["active"])
        print("-- the head of sales opens the weekly review in Russian", flush=True)
        check_weekly_review(phone, admin, head, server.demo_password)
        print("-- a head of sales finds the owner with the most stalled deals", flush=True)
        check_stalled_by_owner(phone, admin, head, server.demo_password)
        print("-- an admin's pages in Russian on a phone", flush=True)
        check_admin_pages(phone, admin, server.admin_password)
        phone.report()
    finally:
        if driver:
            driver.quit()
        server.stop()
    if failures:
        print(f"== browser tests: {len(failures)} failed", flush=True)
        sys.exit(1)
    print(f"== browser tests passed; screenshots in {SHOTS}", flush=True)


# What makes a page wider than the window: the innermost elements whose right edge is past it and that no scroll
# container clips (an absolutely positioned element escapes every container up to its containing block).
OVERFLOW_JS = r"""
const w = window.innerWidth;
const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '');
const clipper = el => {
  const position = getComputedStyle(el).position;
  if (position === 'fixed') return null;
  let a = position === 'absolute' ? el.offsetParent : el.parentElement;
  while (a && a !== document.body && a !== document.documentElement) {
    const style = getComputedStyle(a);
    if (style.overflowX !== 'visible') return a;
    if (style.position === 'fixed') return null;
    a = style.position === 'absolute' ? a.offsetParent : a.parentElement;
  }
  return null;
};
const over = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el.getBoundingClientRect().right <= w + 0.5) continue;
  if (el.checkVisibility && !el.checkVisibility()) continue;
  if (clipper(el)) continue;
  over.push(el);
}
const innermost = over.filter(el => !over.some(o => o !== el && el.contains(o)));
const path = el => { const parts = []; for (let a = el; a && a !== document.body && parts.length < 5; a = a.parentElement) parts.unshift(name(a)); return parts.join(' > '); };
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: w, count: innermost.length,
        culprits: innermost.slice(0, 5).map(el => ({path: path(el), right: Math.round(el.getBoundingClientRect().right),
                                                   text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40)}))};
"""


class Phone:
    """The browser at phone size (390x844). Every page it opens or lands on is checked to be no wider than the screen;
    the pages that are wider are kept with what overflows for the summary."""

    def __init__(self, driver, base):
        self.driver = driver
        self.base = base
        self.wide = {}
        driver.set_window_size(*PHONE)

    def path(self):
        url = self.driver.current_url
        return url[len(self.base):] if url.startswith(self.base) else url

    def fits(self):
        """document.documentElement.scrollWidth <= window.innerWidth on the page shown."""
        self.driver.set_window_size(*PHONE)
        found = self.driver.execute_script(OVERFLOW_JS)
        path = self.path()
        fits = found["scrollWidth"] <= found["innerWidth"]
        page = path.split("#")[0]
        if not fits and page in self.wide:   # counted once per page
            print(f"  FAIL  (again) at {PHONE[0]}px {path} is {found['scrollWidth']}px wide", flush=True)
            return fits
        culprits = "; ".join(f"{c['path']} (right {c['right']}px, “{c['text']}”)" for c in found["culprits"][:2])
        check(fits, f"at {PHONE[0]}px {path} is no wider than the screen (scrollWidth {found['scrollWidth']}, innerWidth {found['innerWidth']})"
                    + ("" if fits else f"; {found['count']} overflowing element(s), e.g. {culprits}"))
        if not fits:
            self.wide[page] = found
        return fits

    def get(self, path):
        self.driver.get(self.base + path)
        self.fits()

    def tap(self, element):
        """Scrolls the element to the middle of the screen (clear of the header) and clicks it."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def follow(self, link, url_part):
        """Taps a link, waits for an address holding `url_part` and checks the page's width."""
        self.tap(link)
        WebDriverWait(self.driver, 60).until(lambda d: url_part in d.current_url)
        self.fits()

    def submit(self, button):
        """Clicks a submit button, waits for the next page and checks its width."""
        self.tap(button)
        WebDriverWait(self.driver, 60).until(gone(button))
        self.fits()

    def type(self, element, value):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.clear()
        element.send_keys(value)

    def menu(self):
        """Opens the phone header's menu and returns its body."""
        menu = self.driver.find_element(By.CSS_SELECTOR, "details.phone-menu")
        if menu.get_attribute("open") is None:
            self.tap(menu.find_element(By.CSS_SELECTOR, ":scope > summary"))
        body = menu.find_element(By.CSS_SELECTOR, ".phone-menu-body")
        WebDriverWait(self.driver, 30).until(lambda _d: body.is_displayed())
        return body

    def shot(self, name):
        self.driver.execute_script("window.scrollTo(0, 0)")
        shoot(self.driver, name)
        self.driver.set_window_size(*PHONE)

    def report(self):
        if not self.wide:
            print(f"   every page visited at {PHONE[0]}px fits the screen", flush=True)
            return
        print(f"   pages wider than {PHONE[0]}px:", flush=True)
        for path, found in self.wide.items():
            print(f"     {path}: scrollWidth {found['scrollWidth']} > innerWidth {found['innerWidth']}", flush=True)
            for c in found["culprits"]:
                print(f"       {c['path']} ends at {c['right']}px “{c['text']}”", flush=True)


def months_later(day, months):
    """The same day of the month `months` later (the month's last day when it has fewer days)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, d)
        except ValueError:
            continue


def check_phone_day(phone, admin, rep, password):
    """A sales rep works a day in Russian on a phone: each step through the web forms, each result read back through
    the API (as the admin, who may read anything)."""
    driver, base = phone.driver, phone.base
    driver.delete_all_cookies()
    driver.get(base + "/login")
    phone.fits()
    sign_in(driver, base, rep["email"], password)
    phone.fits()
    check(driver.current_url.endswith("/leads"), "on a phone, signing in opens the lead inbox")
    check(not driver.find_element(By.CSS_SELECTOR, ".header-tools").is_displayed(), "on a phone the wide header's tools are hidden")
    body = phone.menu()
    if not body.find_elements(By.CSS_SELECTOR, "form.language-switch button[value=ru]"):
        phone.submit(body.find_element(By.CSS_SELECTOR, "form.language-switch button[value=en]"))   # already Russian: go round
        body = phone.menu()
    phone.shot("phone-menu")
    phone.submit(body.find_element(By.CSS_SELECTOR, "form.language-switch button[value=ru]"))
    check(admin.call("GET", f"/api/v1/users/{rep['id']}")["locale"] == "ru", "the phone menu's language switch stores Russian for the rep")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru", "and the page is in Russian")

    suffix = str(int(time.time() * 1000))[-7:]
    company_name = f"ООО «Амур-Литьё Комплекс» {suffix}"
    tax_id = ("27" + suffix + "000000")[:10]

    # a. A company.
    phone.get("/new/company")
    form = driver.find_element(By.CSS_SELECTOR, "form.record-form")
    for field, value in (("name", company_name), ("tax_id", tax_id), ("industry", "Металлургия"), ("segment", "Средний бизнес"),
                         ("headcount", "180")):
        phone.type(form.find_element(By.NAME, field), value)
    phone.shot("phone-new-company")
    phone.submit(form.find_element(By.CSS_SELECTOR, "button.button-primary[type=submit]"))
    found = admin.call("GET", "/api/v1/companies?q=" + urllib.request.quote(suffix) + "&limit=10")["items"]
    company = next((c for c in found if c["name"] == company_name), None)
    check(company is not None and company["tax_id"] == tax_id and company["owner_id"] == rep["id"],
          "a company made on /new/company is stored with its Cyrillic name, tax id and the rep as owner")
    if company is None:
        return
    check(driver.current_url.endswith(f"/companies/{company['id']}"), "creating a company opens its page")

    # b. A lead.
    contact_name = f"Светлана Орлова {suffix}"
    phone.get("/new/lead")
    form = driver.find_element(By.CSS_SELECTOR, "form.record-form")
    for field, value in (("company_name", company_name), ("contact_name", contact_name), ("contact_phone", "+7 914 555-12-34"),
                         ("contact_email", f"orlova{suffix}@amur-lit.example"),
                         ("request_text", "Нужна поставка чугунного литья, 40 тонн в квартал, просим коммерческое предложение и сроки.")):
        phone.type(form.find_element(By.NAME, field), value)
    Select(form.find_element(By.NAME, "source")).select_by_value("email")
    phone.submit(form.find_element(By.CSS_SELECTOR, "button.button-primary[type=submit]"))
    leads = admin.call("GET", "/api/v1/leads?q=" + urllib.request.quote(suffix) + "&limit=10")["items"]
    lead = next((l for l in leads if l.get("contact_name") == contact_name), None)
    check(lead is not None and lead["source"] == "email" and lead["outcome"] is None and lead["owner_id"] == rep["id"],
          "a lead made on /new/lead is stored, undecided, with its source and the rep as owner")
    if lead is None:
        return
    if not driver.find_elements(By.ID, f"lead-{lead['id']}"):
        phone.get("/leads")
    item = driver.find_elements(By.ID, f"lead-{lead['id']}")
    check(bool(item), "the new lead shows in the inbox")
    if not item:
        return
    item = item[0]
    check(bool(item.find_elements(By.CSS_SELECTOR, "form.action-form.suggested")), "the new lead shows its triage suggestion at once")
    phone.shot("phone-inbox")

    # c. The lead becomes a deal.
    title = f"Литьё для Амура {suffix}"
    form = item.find_element(By.CSS_SELECTOR, "form[action$='/deal']")
    phone.type(form.find_element(By.NAME, "title"), title)
    for reason in form.find_elements(By.NAME, "reason"):
        phone.type(reason, "Клиент подтвердил объём и сроки по телефону")
    phone.submit(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    decided = admin.call("GET", f"/api/v1/leads/{lead['id']}")
    check(decided["outcome"] == "deal" and decided.get("deal_id") is not None, "converting the lead writes outcome deal and the deal's id")
    if decided.get("deal_id") is None:
        return
    deal_id = decided["deal_id"]
    check(re.search(rf"/deals/{deal_id}(\?|#|$)", driver.current_url) is not None, "converting the lead opens the new deal's page")
    deal = admin.call("GET", f"/api/v1/deals/{deal_id}")
    contacts = [admin.call("GET", f"/api/v1/contacts/{c}") for c in deal["contact_ids"]]
    check(deal["title"] == title, f"the deal has the title typed in the inbox ({deal['title']!r})")
    check(any(c["name"] == contact_name for c in contacts), "the deal's contacts include the lead's contact")
    phone.shot("phone-deal-new")

    # d. Search in Russian: case and ё folded.
    for query in ("амур", "Литье"):
        phone.get("/companies?q=" + urllib.request.quote(query))
        check(bool(driver.find_elements(By.CSS_SELECTOR, f"a[href='/companies/{company['id']}']")),
              f"searching companies for “{query}” finds «{company_name}»")
    phone.shot("phone-search")

    # e. The deal's amount and qualification, edited on its page.
    phone.get(f"/deals/{deal_id}")
    edit = driver.find_element(By.CSS_SELECTOR, "details.edit-deal")
    phone.tap(edit.find_element(By.CSS_SELECTOR, ":scope > summary"))
    WebDriverWait(driver, 30).until(lambda _d: edit.find_element(By.NAME, "amount").is_displayed())
    phone.fits()
    phone.type(edit.find_element(By.NAME, "amount"), "2 500 000")
    Select(edit.find_element(By.NAME, "need_described")).select_by_value("true")
    phone.type(edit.find_element(By.NAME, "need_text"), "Чугунное литьё, 40 т в квартал")
    Select(edit.find_element(By.NAME, "budget_status")).select_by_value("allocated")
    deadline = (datetime.date.today() + datetime.timedelta(days=60)).isoformat()
    driver.execute_script("arguments[0].value = arguments[1]", edit.find_element(By.NAME, "deadline"), deadline)
    phone.shot("phone-deal-edit")
    phone.submit(edit.find_element(By.CSS_SELECTOR, "button.button-primary[type=submit]"))
    deal = admin.call("GET", f"/api/v1/deals/{deal_id}")
    # The API writes money in major units (2500000 = 250 000 000 kopecks).
    check(deal["amount"] == 2500000, f"the amount typed as “2 500 000” is stored as 2 500 000 ₽ (API amount {deal['amount']})")
    check(deal["need_described"] is True and deal["budget_status"] == "allocated" and deal["deadline"] == deadline,
          "need, budget and deadline saved from the deal page")
    check("2\u00a0500\u00a0000\u00a0₽" in text(driver) or "2 500 000 ₽" in text(driver), "the deal page shows 2 500 000 ₽ (no kopecks when there are none)")

    # f. The economic buyer joins the buying centre.
    before = set(deal["contact_ids"])
    link = driver.find_elements(By.CSS_SELECTOR, f"a[href^='/new/contact?deal_id={deal_id}']")
    check(bool(link), "the deal page links to adding a contact to its buying centre")
    if link:
        phone.tap(link[0])
        WebDriverWait(driver, 60).until(lambda d: "/new/contact" in d.current_url)
        phone.fits()
        form = driver.find_element(By.CSS_SELECTOR, "form.record-form")
        person = f"Игорь Ёлкин {suffix}"
        for field, value in (("name", person), ("position", "Финансовый директор"), ("phone", "+7 914 555-98-76")):
            phone.type(form.find_element(By.NAME, field), value)
        role = form.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name='roles.economic_buyer']") \
            or form.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name^='roles.economic']")
        check(bool(role), "the contact form offers the economic buyer role")
        if role:
            phone.tap(role[0])
        phone.shot("phone-new-contact")
        phone.submit(form.find_element(By.CSS_SELECTOR, "button.button-primary[type=submit]"))
        deal = admin.call("GET", f"/api/v1/deals/{deal_id}")
        added = [admin.call("GET", f"/api/v1/contacts/{c}") for c in set(deal["contact_ids"]) - before]
        check(len(added) == 1 and added[0]["name"] == person and "economic_buyer" in added[0]["roles"]
              and added[0]["company_id"] == deal["company_id"],
              "the contact joins the deal's buying centre as economic buyer, at the deal's company")
        check(re.search(rf"/deals/{deal_id}(\?|#|$)", driver.current_url) is not None, "adding the contact returns to the deal")

    # g. A call logged on the deal page.
    if f"/deals/{deal_id}" not in driver.current_url:
        phone.get(f"/deals/{deal_id}")
    subject = f"Звонок {suffix}: согласовали объём"
    Select(driver.find_element(By.ID, "activity-kind")).select_by_value("call")
    phone.type(driver.find_element(By.ID, "activity-subject"), subject)
    phone.type(driver.find_element(By.ID, "activity-body"), "Обсудили график отгрузок; ждут КП до пятницы.")
    form = driver.find_element(By.ID, "activity-subject").find_element(By.XPATH, "ancestor::form")
    phone.submit(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    activities = admin.call("GET", f"/api/v1/activities?deal_id={deal_id}&limit=50")["items"]
    check(any(a["kind"] == "call" and a["subject"] == subject for a in activities), "the call is stored as the deal's activity")

    # h. The next open stage.
    stages = sorted(admin.call("GET", f"/api/v1/stages?pipeline_id={deal['pipeline_id']}&limit=100")["items"], key=lambda s: s["position"])
    current = next(s for s in stages if s["id"] == deal["stage_id"])
    following = next((s for s in stages if s["kind"] == "open" and s["position"] > current["position"]), None)
    check(following is not None, f"the deal's stage “{current['name']}” has an open stage after it")
    if following:
        select = driver.find_element(By.ID, "deal-move-stage")
        Select(select).select_by_value(str(following["id"]))
        phone.submit(select.find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]"))
        deal = admin.call("GET", f"/api/v1/deals/{deal_id}")
        check(deal["stage_id"] == following["id"], f"the deal page's stage panel moves the deal to “{following['name']}”")
        phone.shot("phone-deal-moved")

    # i. Postponed for three months.
    postponed = next((s for s in stages if s["kind"] == "postponed"), None)
    links = driver.find_elements(By.CSS_SELECTOR, f"a[href*='/close?stage_id={postponed['id'] if postponed else 0}']")
    check(bool(links) and "Отложить" in links[0].text, "the deal page offers “Отложить…”")
    if links:
        phone.tap(links[0])
        WebDriverWait(driver, 60).until(lambda d: "/close" in d.current_url)
        phone.fits()
        phone.tap(driver.find_element(By.ID, "close-months-3"))
        phone.shot("phone-postpone")
        phone.submit(driver.find_element(By.CSS_SELECTOR, "form.close-form button.button-primary"))
        deal = admin.call("GET", f"/api/v1/deals/{deal_id}")
        until = datetime.date.fromisoformat(deal["postponed_until"][:10]) if deal.get("postponed_until") else None
        expected = months_later(datetime.date.today(), 3)
        check(deal["stage_id"] == postponed["id"], "postponing moves the deal to the postponed stage")
        check(until is not None and abs((until - expected).days) <= 3, f"postponed until {until}, about three months ahead ({expected})")

    # j. Another of the rep's deals lost from the board's move form, with a reason.
    lost = lost_deal_check(phone, admin, rep, exclude={deal_id}, suffix=suffix)

    # k. The main pages at phone width.
    open_stage = next(s for s in stages if s["kind"] == "open")
    pages = [("phone-leads", "/leads"), ("phone-board", f"/pipelines/{deal['pipeline_id']}"),
             ("phone-board-stage", f"/pipelines/{deal['pipeline_id']}?stage={open_stage['id']}"),
             ("phone-companies", "/companies"), ("phone-company", f"/companies/{company['id']}"),
             ("phone-deal", f"/deals/{deal_id}"), ("phone-dashboards", "/dashboards"), ("phone-profile", "/profile"),
             ("phone-new-deal", "/new/deal")]
    if lost:   # a company with a history of deals: a longer table
        pages.append(("phone-company-history", f"/companies/{lost['company_id']}"))
    for name, path in pages:
        phone.get(path)
        check("error-page" not in driver.page_source, f"at {PHONE[0]}px {path} opens")
        phone.shot(name)
    body = phone.menu()
    phone.submit(body.find_element(By.CSS_SELECTOR, "form.sign-out button"))
    check("/login" in driver.current_url, "signing out through the phone menu returns to the sign-in page")


def lost_deal_check(phone, admin, rep, exclude, suffix):
    """From the board, the card's move form into the lost stage asks why; the reason and its note are stored."""
    driver = phone.driver
    stages_of = {}
    deals = admin.call("GET", f"/api/v1/deals?owner_id={rep['id']}&limit=200")["items"]
    candidates = []
    for d in deals:
        if d["id"] in exclude:
            continue
        stages = stages_of.setdefault(d["pipeline_id"], admin.call("GET", f"/api/v1/stages?pipeline_id={d['pipeline_id']}&limit=100")["items"])
        kind = next((s["kind"] for s in stages if s["id"] == d["stage_id"]), None)
        if kind == "open" and any(s["kind"] == "lost" for s in stages):
            candidates.append(d)
    check(bool(candidates), "the rep has another open deal")
    target = None
    for pipeline_id in dict.fromkeys(d["pipeline_id"] for d in candidates):
        phone.get(f"/pipelines/{pipeline_id}")
        on_board = {d["id"]: d for d in candidates if d["pipeline_id"] == pipeline_id and driver.find_elements(By.ID, f"deal-card-{d['id']}")}
        if on_board:
            target = next(iter(on_board.values()))
            break
    check(target is not None, "another open deal of the rep is on its board")
    if target is None:
        return None
    lost = next(s for s in stages_of[target["pipeline_id"]] if s["kind"] == "lost")
    phone.shot("phone-board-before-lost")
    card = driver.find_element(By.ID, f"deal-card-{target['id']}")
    form = card.find_element(By.CSS_SELECTOR, "form.move-form")
    Select(form.find_element(By.NAME, "stage_id")).select_by_value(str(lost["id"]))
    phone.submit(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check(re.search(rf"/deals/{target['id']}/close\?", driver.current_url) is not None, "a move to the lost stage opens the question why")
    choices = driver.find_elements(By.CSS_SELECTOR, "input[type=radio][name=lost_reason_choice]")
    check(bool(choices), "the question offers a list of reasons")
    if not choices:
        return target
    offered = [c for c in choices if c.get_attribute("value") != "other"] or choices
    choice = offered[0].get_attribute("value")
    phone.tap(offered[0])
    note = f"Выбрали поставщика ближе к заводу ({suffix})"
    phone.type(driver.find_element(By.NAME, "lost_reason_note"), note)
    phone.shot("phone-lost")
    phone.submit(driver.find_element(By.CSS_SELECTOR, "form.close-form button.button-primary"))
    stored = admin.call("GET", f"/api/v1/deals/{target['id']}")
    check(stored["stage_id"] == lost["id"], "the deal is in the lost stage")
    check(note in (stored.get("lost_reason") or "") and (choice == "other" or choice in (stored.get("lost_reason") or "")),
          f"the lost reason keeps the chosen reason and the note ({stored.get('lost_reason')!r})")
    return target


def check_admin_pages(phone, admin, password):
    """Every settings section, the import pages, the help page and every dashboard section fit a phone in Russian;
    the decided leads list offers its undo; the stalled list sorts by owner with one tap on its heading."""
    driver, base = phone.driver, phone.base
    driver.delete_all_cookies()
    sign_in(driver, base, "admin@voronka.local", password)
    body = phone.menu()
    russian = body.find_elements(By.CSS_SELECTOR, "form.language-switch button[value='ru']")
    if russian:
        phone.submit(russian[0])
    pages = ["/settings", "/settings/pipelines", "/settings/audience", "/settings/catalog",
             "/settings/economics", "/settings/users", "/settings/tokens", "/settings/company", "/import", "/help/metrics",
             "/leads?view=decided", "/my"]
    pages.insert(2, "/settings/channels")
    pages += [f"/dashboards?section={s}" for s in ["funnel", "channels", "forecast", "stages", "velocity", "response", "growth", "quality"]]
    for path in pages:
        phone.get(path)
        check("error-page" not in driver.page_source, f"at {PHONE[0]}px {path} opens for an admin")
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru", f"{path} is in Russian")
        phone.shot("phone-admin" + path.replace("/", "-").replace("?", "-").replace("=", "-"))
    # Every figure tile of the dashboards links to its definition
    phone.get("/dashboards?section=velocity")
    terms = driver.find_elements(By.CSS_SELECTOR, "dl.figures dt a.term")
    tiles = driver.find_elements(By.CSS_SELECTOR, "dl.figures dt")
    check(bool(tiles) and len(terms) == len(tiles), f"every figure tile links to its definition ({len(terms)} of {len(tiles)})")
    # The stalled list sorts by owner with a tap on the heading
    phone.get("/dashboards?section=stages")
    heading = driver.find_elements(By.CSS_SELECTOR, "#stalled-list thead a[href*='stalled_order=owner']")
    check(bool(heading), "the stalled list's owner heading is a sort link")
    if heading:
        phone.follow(heading[0], "stalled_order=owner")
        sorted_th = driver.find_elements(By.CSS_SELECTOR, "#stalled-list th[aria-sort='descending']")
        check(bool(sorted_th), "after the tap the owner column is marked as the sort")


def check_nudges(phone, admin, reps, password):
    """The demo has open nudges at start. A rep with a stalled deal's nudge reads the bell's count in Russian, taps the
    bell, opens the deal from the nudge, logs a call there, and finds the nudge gone and the count one lower."""
    driver, base = phone.driver, phone.base
    rep, nudge = None, None
    for r in reps:
        items = admin.call("GET", f"/api/v1/nudges?user_id={r['id']}&rule=stalled&limit=50")["items"]
        nudge = next((n for n in items if n["level"] == 0), None)
        if nudge:
            rep = r
            break
    check(nudge is not None, "the demo starts with a rep's open stalled-deal nudge")
    if not nudge:
        return
    admin.call("PATCH", f"/api/v1/users/{rep['id']}", {"locale": "ru"})
    driver.delete_all_cookies()
    sign_in(driver, base, rep["email"], password)
    phone.get("/leads")

    def open_count():
        total, after = 0, None
        while True:
            page = admin.call("GET", f"/api/v1/nudges?user_id={rep['id']}&limit=500" + (f"&after={after}" if after else ""))
            total += len(page["items"])
            after = page["next_cursor"]
            if not after:
                return total

    def bell_count():
        badge = driver.find_elements(By.CSS_SELECTOR, "#bell .bell-count")
        return badge[0].text.strip() if badge else "0"

    before = open_count()
    shown = bell_count()
    check(shown == (str(before) if before <= 99 else "99+"), f"the bell shows the rep's open nudges ({shown} vs {before} by the API)")
    bell = driver.find_element(By.ID, "bell")
    check("Напоминания" in (bell.get_attribute("aria-label") or ""), "the bell is labelled in Russian")
    phone.follow(bell, "/nudges")
    phone.shot("phone-nudges-ru")
    row = driver.find_elements(By.ID, f"nudge-{nudge['id']}")
    if not row:
        # the list pages by urgency: the nudge is reached from its deal's page otherwise
        phone.get(f"/deals/{nudge['entity_id']}")
    else:
        check(nudge["reason"]["ru"] in row[0].text, "the nudge says why in Russian")
        phone.follow(row[0].find_element(By.CSS_SELECTOR, "a.nudge-about"), f"/deals/{nudge['entity_id']}")
    check(bool(driver.find_elements(By.ID, "record-nudges")), "the deal page shows its open nudge")
    Select(driver.find_element(By.ID, "activity-kind")).select_by_value("call")
    phone.type(driver.find_element(By.ID, "activity-subject"), "Позвонил, договорились о встрече")
    button = driver.find_element(By.CSS_SELECTOR, "#activity-subject").find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]")
    phone.submit(button)
    check(not driver.find_elements(By.ID, "record-nudges"), "after the call the deal page shows no open nudge")
    phone.get("/nudges")
    check(not driver.find_elements(By.ID, f"nudge-{nudge['id']}"), "the nudge has left the list")
    after = open_count()
    check(after < before and bell_count() == (str(after) if after <= 99 else "99+"),
          f"the bell's count went down ({before} → {after}, shown {bell_count()})")
    closed = admin.call("GET", f"/api/v1/nudges/{nudge['id']}")
    check(closed["state"] == "done" and closed["note"] == "resolved", "the nudge was closed by the call (state done, resolved)")


def check_weekly_review(phone, admin, head, password):
    """The head of sales, in Russian on a phone, goes from the bell to the nudges and on to the weekly review: the
    week's movement and one ranked list with a reason per item; the API gives the same review."""
    driver, base = phone.driver, phone.base
    admin.call("PATCH", f"/api/v1/users/{head['id']}", {"locale": "ru"})
    driver.delete_all_cookies()
    sign_in(driver, base, head["email"], password)
    phone.get("/leads")
    phone.follow(driver.find_element(By.ID, "bell"), "/nudges")
    link = driver.find_elements(By.ID, "weekly-review-link")
    check(bool(link) and "Еженедельный обзор" in link[0].text, "the nudges page links the head of sales to the weekly review, in Russian")
    if not link:
        return
    phone.follow(link[0], "/reviews")
    phone.shot("phone-weekly-review-ru")
    page = text(driver)
    check("Еженедельный обзор" in page and bool(driver.find_elements(By.ID, "review-movement")),
          "the review shows the week's movement under a Russian title")
    api = API(base, head["email"], password).call("GET", "/api/v1/reviews/weekly")
    items = driver.find_elements(By.CSS_SELECTOR, "#review-list ol.review-items > li")
    check(len(items) == len(api["items"]) and len(items) > 0,
          f"the page lists the review's {len(api['items'])} ranked items ({len(items)} shown)")
    if items and api["items"]:
        first = api["items"][0]
        check(first["title"] in items[0].text and first["reason"]["ru"] in items[0].text,
              "the first item names its record and says why, in Russian")


def check_stalled_by_owner(phone, admin, head, password):
    """A head of sales opens the dashboards on a phone and finds, in the stalled deals, every owner's count, the most
    first: a table #stalled-by-owner whose rows are owners with their number of stalled deals."""
    driver, base = phone.driver, phone.base
    driver.delete_all_cookies()
    sign_in(driver, base, head["email"], password)
    phone.fits()
    phone.get("/dashboards")
    tab = driver.find_elements(By.CSS_SELECTOR, "nav.dashboard-tabs a[href*='section=stages']")
    check(bool(tab), "the dashboards link to the stages section (time in stage, stalled deals)")
    if tab:
        phone.follow(tab[0], "section=stages")
    else:
        phone.get("/dashboards?section=stages")
    check(bool(driver.find_elements(By.ID, "stages-stalled")), "the stages dashboard has a stalled-deals part")
    phone.shot("phone-dashboards-stalled")
    head_api = API(base, head["email"], password)
    report = head_api.call("GET", "/api/v1/analytics/stalled")["value"]
    names = {u["id"]: u["name"] for u in admin.call("GET", "/api/v1/users?limit=500")["items"]}
    expected = {}
    if report.get("by_owner") is not None:
        for o in report["by_owner"]:
            expected[names.get(o["owner_id"])] = o["count"]
    elif len(report["deals"]) == report["count"]:
        for d in report["deals"]:
            expected[names.get(d["owner_id"])] = expected.get(names.get(d["owner_id"]), 0) + 1
    table = driver.find_elements(By.CSS_SELECTOR, "#stalled-by-owner")
    others = driver.find_elements(By.CSS_SELECTOR, "[id*=stalled][id*=owner], [class*=stalled][class*=owner]")
    check(bool(table), "the stalled deals are totalled per owner in #stalled-by-owner"
                       + ("" if table else f" — missing (the page has {len(report['deals'])} stalled deals listed one by one; "
                                            f"{len(others)} other per-owner stalled element(s))"))
    if not table:
        return
    rows = []
    for tr in table[0].find_elements(By.CSS_SELECTOR, "tbody tr"):
        cells = tr.find_elements(By.CSS_SELECTOR, "th, td")
        count = re.sub(r"[^0-9]", "", cells[-1].text) if cells else ""
        rows.append((cells[0].text.strip() if cells else "", int(count) if count else None))
    counts = [c for _, c in rows]
    check(bool(rows) and None not in counts, f"every row of #stalled-by-owner names an owner and a count ({rows[:5]})")
    check(counts == sorted(counts, reverse=True), "the owners are sorted by their stalled deals, the most first")
    check(sum(c or 0 for c in counts) == report["count"], f"the owners' totals add up to the API's {report['count']} stalled deals")
    if expected:
        unassigned = [n for n, _ in rows if n not in names.values()]
        shown = {(n if n in names.values() else None): c for n, c in rows}
        check(shown == expected, f"each owner's total equals the API's ({dict(rows)} vs {expected}; unassigned rows {unassigned})")
    if not rows:
        return
    top, top_count = rows[0]
    print(f"   the owner with the most stalled deals: {top} ({top_count})", flush=True)
    link = table[0].find_elements(By.CSS_SELECTOR, "tbody tr:first-child a[href]")
    check(bool(link), "the top owner's row links to their stalled deals")
    if not link:
        return
    phone.tap(link[0])
    WebDriverWait(driver, 60).until(lambda d: "owner=" in d.current_url)
    phone.fits()
    owner_id = next((i for i, n in names.items() if n == top), None)
    theirs = head_api.call("GET", f"/api/v1/analytics/stalled?owner_id={owner_id}")["value"]
    heading = driver.find_element(By.ID, "stages-stalled").text
    part = driver.find_element(By.ID, "stages-stalled").find_element(By.XPATH, "..")
    listed = [tr.find_elements(By.CSS_SELECTOR, "th, td") for tr in part.find_elements(By.CSS_SELECTOR, "table:not(#stalled-by-owner) tbody tr")]
    owners = {cells[2].text.strip() for cells in listed if len(cells) > 2}
    check(theirs["count"] == top_count and str(top_count) in heading and owners == {top},
          f"the top owner's link lists only {top}'s {top_count} stalled deals (heading “{heading}”, API {theirs['count']}, owners {owners})")
    phone.shot("phone-dashboards-stalled-owner")


def check_settings_stage(driver, base, api, pipeline):
    """An admin adds a stage on the settings page; it is stored and shows as a column of the pipeline board."""
    driver.get(base + "/settings/pipelines")
    form_id = f"new-stage-{pipeline['id']}"
    panel = driver.find_element(By.ID, form_id).find_element(By.XPATH, "ancestor::details")
    panel.find_element(By.TAG_NAME, "summary").click()
    driver.find_element(By.ID, f"{form_id}-name").send_keys("Browser stage")
    probability = driver.find_element(By.ID, f"{form_id}-probability")
    probability.clear()
    probability.send_keys("20")
    click_and_wait(driver, driver.find_element(By.ID, form_id).find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check("notice=added" in driver.current_url and "Added." in text(driver), "adding a stage on the settings page confirms it")
    stages = api.call("GET", f"/api/v1/stages?pipeline_id={pipeline['id']}&limit=100")["items"]
    stage = next((s for s in stages if s["name"] == "Browser stage"), None)
    check(stage is not None and stage["probability"] == 20, "the new stage is stored with its probability")
    shoot(driver, "settings-stage-added")
    driver.get(base + f"/pipelines/{pipeline['id']}")
    columns = driver.find_elements(By.CSS_SELECTOR, f"section.column[data-stage-id='{stage['id'] if stage else 0}']")
    check(bool(columns) and "Browser stage" in columns[0].text, "the new stage is a column of the pipeline board")


def check_dashboard(driver, base, api):
    """The funnel dashboard's figures equal the API's conversion metric (same user, so the same team scope)."""
    driver.get(base + "/dashboards")
    shoot(driver, "dashboards")
    shown = {}
    for item in driver.find_elements(By.CSS_SELECTOR, "dl.figures > div"):
        label = item.find_element(By.TAG_NAME, "dt").text.strip()
        shown[label] = item.find_element(By.TAG_NAME, "dd").text.strip()
    conversion = api.call("GET", "/api/v1/analytics/conversion")["value"]
    for label, key in (("Leads counted", "mature_leads"), ("Won", "mature_won")):
        value = shown.get(label)
        number = int(re.sub(r"[^0-9]", "", value)) if value and re.search(r"[0-9]", value) else None
        check(number == conversion[key], f"the funnel dashboard's '{label}' ({value}) equals the API's {key} ({conversion[key]})")
    for section in ("forecast", "stages", "quality"):
        driver.get(base + f"/dashboards?section={section}")
        check("error-page" not in driver.page_source, f"the {section} dashboard opens")
        shoot(driver, f"dashboards-{section}")


def check_import(driver, base, api):
    """An admin uploads a spreadsheet no preset knows, reviews the proposed mapping and imports it."""
    import tempfile
    path = os.path.join(tempfile.mkdtemp(), "browser-deals.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Deal Name;Client;Amount;Stage;Created\n")
        f.write("Imported in browser;Browser Import Ltd;1 250 000,50;Negotiation;25/03/2024\n")
        f.write("Second imported;Browser Import Ltd;300;Negotiation;01/02/2024\n")
    driver.get(base + "/import")
    driver.find_element(By.ID, "import-files").send_keys(path)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.import-upload button[type=submit]"))
    check("/import/" in driver.current_url and "browser-deals.csv" in text(driver), "the upload shows the review of the file")
    stage = Select(driver.find_element(By.ID, "file-0-col-3"))
    check(stage.first_selected_option.get_attribute("value") == "stage_name", "the Stage column is proposed as the deal's stage")
    shoot(driver, "import-review")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=start]"))
    WebDriverWait(driver, 60).until(lambda d: "import-report" in d.page_source)
    shoot(driver, "import-report")
    found = api.call("GET", "/api/v1/deals?q=" + urllib.request.quote("Imported in browser") + "&limit=5")["items"]
    found = [d for d in found if d["title"] == "Imported in browser"]
    check(len(found) == 1 and found[0]["amount"] == 1250000.5, "the imported deal is stored with its amount")


def check_channel_import(driver, base, api):
    """An admin imports a marketing funnel export of two files (leads with their channel, and the won deals naming
    them by the lead's id, with a won date and no stage), sends one channel the files name to an existing channel,
    and reads the conversion by channel on the dashboard: the figures the files hold."""
    folder = tempfile.mkdtemp()
    channels = [("Organic Search", 20, 6), ("Paid Search", 16, 2), ("Webinar", 10, 5)]
    leads, won, n = ["Lead id;First contact;Landing page;Marketing channel"], ["Lead id;Won date;Declared revenue"], 0
    start = datetime.date(2023, 1, 2)
    for name, count, wins in channels:
        for i in range(count):
            n += 1
            day = start + datetime.timedelta(days=n * 3)
            leads.append(f"MF{n};{day.isoformat()};/landing-{n % 3};{name}")
            if i < wins:
                won.append(f"MF{n};{(day + datetime.timedelta(days=40)).isoformat()};{1000 * (i + 1)}")
    paths = []
    for name, rows in (("marketing_leads.csv", leads), ("closed_deals.csv", won)):
        paths.append(os.path.join(folder, name))
        with open(paths[-1], "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")
    driver.get(base + "/import")
    driver.find_element(By.ID, "import-files").send_keys("\n".join(paths))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.import-upload button[type=submit]"))
    check("marketing_leads.csv" in text(driver) and "closed_deals.csv" in text(driver), "both files are under review")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=check]"))
    shoot(driver, "import-channels-review")
    # The channels no channel has are listed; "Webinar" goes to the standard Event channel
    names = [e.get_attribute("value") for e in driver.find_elements(By.CSS_SELECTOR, "input[name^=source-][name$=-name]")]
    check(set(names) == {"Organic Search", "Paid Search", "Webinar"}, f"the new channels are listed for review ({names})")
    webinar = names.index("Webinar") if "Webinar" in names else 0
    event = next(c for c in api.call("GET", "/api/v1/channels?limit=100")["items"] if c.get("source_key") == "event")
    Select(driver.find_element(By.CSS_SELECTOR, f"select[name=source-{webinar}]")).select_by_value(event["name"])
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[name=action][value=start]"))
    WebDriverWait(driver, 60).until(lambda d: "import-report" in d.page_source)
    shoot(driver, "import-channels-report")
    made = {c["name"]: c for c in api.call("GET", "/api/v1/channels?limit=100")["items"]}
    check("Organic Search" in made and "Paid Search" in made and "Webinar" not in made,
          "the import made the two new channels and sent Webinar to Event")
    # The dashboard's conversion by channel, all-time leads (they are years old: all mature)
    driver.get(base + "/dashboards?section=channels")
    shoot(driver, "dashboards-channels")
    rows = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "#channels-conversion ~ .table-scroll tbody tr, section[aria-labelledby=channels-conversion] tbody tr"):
        cells = [c.text.strip() for c in row.find_elements(By.CSS_SELECTOR, "th, td")]
        if cells:
            rows[cells[0]] = cells
    expected = {"Organic Search": (20, 6), "Paid Search": (16, 2)}
    for name, (count, wins) in expected.items():
        cells = rows.get(name)
        numbers = [int(re.sub(r"[^0-9]", "", c)) for c in cells[2:5]] if cells else None
        check(numbers is not None and numbers[0] == count and numbers[2] == wins,
              f"the channels dashboard shows {name}: {count} leads, {wins} won ({cells})")
        check(cells is not None and "–" in cells[6], f"{name}'s conversion has its 95% interval ({cells[6] if cells else None})")
    report = api.call("GET", "/api/v1/analytics/channels")["value"]
    check(any(r["channel_id"] == made["Organic Search"]["id"] and r["won"] == 6 for r in report["by_channel"]),
          "the API's report agrees with the page")


if __name__ == "__main__":
    main()

