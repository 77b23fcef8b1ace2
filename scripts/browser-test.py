#!/usr/bin/env python3
"""Browser tests of the web interface: headless Chromium driven through chromedriver (Selenium) against a real
`voronka serve --demo` on a temporary SQLite database and a free port.

Checks: sign-in; triage of a lead; a board move (drag and drop, and the no-script form) that shows in the deal's
history; a rep cannot open another rep's deal; a dashboard figure equals the API's; a form without its CSRF token
is refused; an admin adds a stage on the settings page and sees it on the board. Saves screenshots of each main page (desktop 1366x900, phone 390x844) in artifacts/screenshots/.

Usage: scripts/browser-test.py [path/to/voronka]   (default .build/debug/voronka)
"""
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

        print("-- lead inbox: triage", flush=True)
        shoot(driver, "inbox")
        item = driver.find_element(By.ID, f"lead-{lead['id']}")
        click_and_wait(driver, item.find_element(By.CSS_SELECTOR, "form[action$='/triage'] button"))
        item = driver.find_element(By.ID, f"lead-{lead['id']}")
        suggested = item.find_element(By.CSS_SELECTOR, "form.action-form.suggested")
        check(suggested is not None, "after triage the lead shows its suggestion")
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
        check("1,234,567.00" in text(driver), "the deal page writes money in English form")
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
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.language-switch button[value=ru]"))
        check("1\u00a0234\u00a0567,00\u00a0₽" in text(driver) or "1 234 567,00 ₽" in text(driver), "in Russian the deal's amount reads 1 234 567,00 ₽")
        shoot(driver, "deal-ru")
        driver.get(base + f"/pipelines/{services['id']}")
        shoot(driver, "board-ru")
        driver.find_element(By.CSS_SELECTOR, "form.language-switch button[value=en]").click()

        print("-- admin pages", flush=True)
        driver.delete_all_cookies()
        sign_in(driver, base, "admin@voronka.local", server.admin_password)
        driver.get(base + "/settings")
        shoot(driver, "settings")
        check_settings_stage(driver, base, admin, services)
        print("-- import", flush=True)
        check_import(driver, base, admin)
        driver.get(base + "/leads")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.sign-out button"))
        check("/login" in driver.current_url, "signing out returns to the sign-in page")
    finally:
        if driver:
            driver.quit()
        server.stop()
    if failures:
        print(f"== browser tests: {len(failures)} failed", flush=True)
        sys.exit(1)
    print(f"== browser tests passed; screenshots in {SHOTS}", flush=True)


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


if __name__ == "__main__":
    main()

