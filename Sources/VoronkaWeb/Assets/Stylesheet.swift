extension Assets {
    /// The whole stylesheet: mobile first, then wider screens, then print. Colours keep text at 4.5:1 or more
    /// and controls at 3:1; every interactive element shows a focus ring.
    public static let stylesheet = """
    :root {
      --text: #1f2933; --muted: #52606d; --border: #cbd2d9; --control: #7b8794; --bg: #f5f7fa; --surface: #ffffff;
      --primary: #1f5fa8; --primary-dark: #123c6b; --primary-soft: #e3ecf7; --focus: #1d4ed8;
      --danger: #b42318; --danger-soft: #fef3f2; --warn: #8a4b00; --warn-soft: #fff4e0; --ok: #1b7a4b; --ok-soft: #e6f4ea;
      --radius: 6px;
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: 1rem; line-height: 1.5; color: var(--text); background: var(--bg); }
    h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .5rem; }
    h2 { font-size: 1.125rem; line-height: 1.3; margin: 1.25rem 0 .5rem; }
    a { color: var(--primary); text-underline-offset: .15em; }
    a:hover { color: var(--primary-dark); }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--surface); }
    .visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    .skip-link { position: absolute; left: .5rem; top: -4rem; z-index: 10; padding: .5rem 1rem; background: var(--surface);
      border: 2px solid var(--focus); border-radius: var(--radius); }
    .skip-link:focus { top: .5rem; }
    .muted { color: var(--muted); }
    .hint { color: var(--muted); font-size: .875rem; margin: .25rem 0; }
    .empty { color: var(--muted); font-style: italic; }
    .prose { white-space: pre-line; overflow-wrap: anywhere; }

    /* Header and navigation */
    .app-header { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; padding: .5rem 1rem;
      background: var(--surface); border-bottom: 1px solid var(--border); }
    .brand { font-weight: 700; font-size: 1.125rem; color: var(--text); text-decoration: none; padding: .5rem 0; }
    .main-nav { order: 3; width: 100%; }
    .main-nav ul { display: flex; flex-wrap: wrap; gap: .25rem; margin: 0; padding: 0; list-style: none; }
    .main-nav a { display: block; padding: .625rem .75rem; border-radius: var(--radius); text-decoration: none; white-space: nowrap; }
    .main-nav a[aria-current="page"] { background: var(--primary-soft); color: var(--primary-dark); font-weight: 600; }
    .header-tools { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin-left: auto; }
    .header-tools form { margin: 0; }
    .user-name { display: inline-block; max-width: 9em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: middle; color: var(--muted); }
    main { display: block; max-width: 90rem; margin: 0 auto; padding: 1rem; }
    main:focus { outline: none; box-shadow: none; }
    .page-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1.5rem; }
    .subtitle { flex-basis: 100%; margin: 0; color: var(--muted); }
    .narrow { max-width: 28rem; margin: 2rem auto; }
    .tabs ul { display: flex; flex-wrap: wrap; gap: .25rem; margin: 0; padding: 0; list-style: none; }
    .tabs a { display: block; padding: .375rem .75rem; border: 1px solid var(--border); border-radius: 999px; text-decoration: none; background: var(--surface); }
    .tabs a[aria-current="page"] { background: var(--primary); border-color: var(--primary); color: #ffffff; }

    /* Buttons and forms */
    .button { display: inline-flex; align-items: center; justify-content: center; min-height: 2.75rem; padding: .5rem 1rem;
      font: inherit; font-weight: 600; color: var(--primary); background: var(--surface); border: 1px solid var(--primary);
      border-radius: var(--radius); cursor: pointer; text-decoration: none; }
    .button:hover { background: var(--primary-soft); }
    .button-primary { color: #ffffff; background: var(--primary); }
    .button-primary:hover { background: var(--primary-dark); }
    .button-quiet { border-color: transparent; background: transparent; }
    .button-small { min-height: 2.25rem; padding: .25rem .75rem; font-size: .875rem; }
    .stack { display: flex; flex-direction: column; gap: 1rem; }
    .field label { display: block; font-weight: 600; margin-bottom: .25rem; }
    .field input, .field select, .field textarea { display: block; width: 100%; min-height: 2.75rem; padding: .5rem .625rem; font: inherit;
      color: var(--text); background: var(--surface); border: 1px solid var(--control); border-radius: var(--radius); }
    .field textarea { min-height: 5rem; resize: vertical; }
    .field-check { display: flex; align-items: center; gap: .5rem; }
    .field-check input { width: 1.25rem; height: 1.25rem; margin: 0; }
    .field-check label { margin: 0; }
    .has-error input, .has-error select, .has-error textarea { border: 2px solid var(--danger); }
    .field-error { color: var(--danger); font-weight: 600; margin: .25rem 0 0; }
    .grid-form { display: grid; gap: 1rem; }
    .form-actions { grid-column: 1 / -1; }
    .banner { padding: .75rem 1rem; margin: 0 0 1rem; border-radius: var(--radius); border-left: 4px solid var(--primary); background: var(--primary-soft); }
    .banner p { margin: 0; }
    .banner ul { margin: .25rem 0 0; padding-left: 1.25rem; }
    .banner-error { border-left-color: var(--danger); background: var(--danger-soft); }
    .warning { color: var(--warn); }
    .hint-box { padding: .5rem .75rem; border-left: 4px solid var(--ok); background: var(--ok-soft); border-radius: var(--radius); }
    .hint-box p { margin: .125rem 0; }

    /* Badges */
    .badge, .grade, .outcome { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .875rem; font-weight: 600;
      line-height: 1.6; white-space: nowrap; vertical-align: middle; }
    .grade { border: 1px solid currentColor; }
    .grade-aaa { color: #14532d; background: var(--ok-soft); }
    .grade-bbb { color: var(--primary-dark); background: var(--primary-soft); }
    .grade-ccc { color: #7a4100; background: var(--warn-soft); }
    .grade-none { color: var(--muted); background: var(--surface); }
    .badge-fire { color: #9a2a10; background: #fde8e4; margin-right: .5rem; }
    .outcome-deal { color: #14532d; background: var(--ok-soft); }
    .outcome-nurture { color: var(--primary-dark); background: var(--primary-soft); }
    .outcome-junk { color: #3e4c59; background: #e4e7eb; }
    .stage-won { color: #14532d; background: var(--ok-soft); }
    .stage-lost { color: #9b1c1c; background: #fde8e8; }
    .stage-postponed { color: #3e4c59; background: #e4e7eb; }
    .verdict { display: inline-flex; align-items: center; justify-content: center; flex: none; width: 1.5rem; height: 1.5rem;
      margin-right: .375rem; border-radius: 50%; font-weight: 700; font-size: .875rem; line-height: 1; }
    .verdict-pass { color: #14532d; background: var(--ok-soft); }
    .verdict-fail { color: #9b1c1c; background: #fde8e8; }
    .verdict-unknown { color: #3e4c59; background: #e4e7eb; }

    /* Lead inbox */
    .leads { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 1rem; }
    .lead { padding: 1rem; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }
    .lead h2 { margin: 0; }
    .lead-number { margin-left: .25rem; font-size: .875rem; font-weight: 400; color: var(--muted); }
    .lead-meta { margin: .25rem 0; color: var(--muted); font-size: .875rem; }
    .lead-request { margin: .5rem 0; padding: .5rem .75rem; border-left: 3px solid var(--border); white-space: pre-line; overflow-wrap: anywhere; }
    .timer { margin: .25rem 0; font-weight: 600; }
    .timer-running { color: var(--ok); }
    .timer-overdue { color: var(--danger); }
    .timer-answered { color: var(--muted); font-weight: 400; }
    .timer-late { color: var(--warn); }
    .triage p { margin: .25rem 0; }
    .reasons { margin: .25rem 0; padding: 0; list-style: none; }
    .reasons li { display: flex; align-items: flex-start; gap: .25rem; margin: .25rem 0; }
    .lead-actions { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem; margin-top: .75rem; padding-top: .75rem;
      border-top: 1px solid var(--border); }
    .action-form { display: flex; flex-direction: column; gap: .5rem; flex: 1 1 100%; margin: 0; }
    .action-form .field { margin: 0; }

    /* Pipeline board: columns side by side, scrolling sideways; one column per screen on a phone */
    /* A badge's visually hidden label is placed inside the badge, so it never widens a scrolling board or table. */
    .grade, .table-scroll, .board { position: relative; }
    .phone-menu { margin-left: auto; }
    .search-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
    .search-form label { flex-basis: 100%; font-weight: 600; }
    .search-form input[type="search"] { flex: 1 1 12rem; min-width: 0; min-height: 2.75rem; font: inherit; padding: .25rem .5rem; }
    .search-form .hint { flex-basis: 100%; }
    .definition-link { font-size: .875rem; font-weight: 400; margin-left: .5rem; }
    .definitions section { margin-bottom: 1.5rem; }
    .definitions section:target { outline: 3px solid var(--primary); outline-offset: .5rem; border-radius: var(--radius); }
    .work-list { list-style: none; margin: 0; padding: 0; }
    .work { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-start; justify-content: space-between; padding: .75rem;
      border: 1px solid var(--border); border-radius: var(--radius); margin-bottom: .5rem; background: var(--surface); }
    .work.overdue { border-left: 4px solid #b3261e; }
    .work-main { flex: 1 1 16rem; min-width: 0; overflow-wrap: anywhere; }
    .work-main p { margin: .125rem 0; }
    .overdue-label { color: #b3261e; }
    .work-done { margin: 0; }
    .bell { display: inline-flex; align-items: center; gap: .25rem; min-width: 2.75rem; min-height: 2.75rem; justify-content: center;
      text-decoration: none; border-radius: var(--radius); color: var(--text); }
    .bell:hover, .bell:focus-visible { background: var(--primary-soft); }
    .bell-count { display: inline-block; min-width: 1.25rem; padding: 0 .3rem; border-radius: 999px; background: #b3261e; color: #fff;
      font-size: .75rem; font-weight: 700; line-height: 1.25rem; text-align: center; }
    .work.escalated { border-left: 4px solid #b3261e; }
    .nudge-actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
    .nudge-actions form { margin: 0; }
    .nudge-snooze { display: flex; gap: .5rem; align-items: flex-end; }
    .nudge-snooze .field { margin: 0; }
    .nudge-dismiss summary { list-style: none; cursor: pointer; }
    .nudge-dismiss summary::-webkit-details-marker { display: none; }
    .nudge-dismiss-form { margin-top: .5rem; }
    code.secret, .summary-heading { overflow-wrap: anywhere; word-break: break-word; }
    code.secret { display: block; word-break: break-all; }
    .token-once input { width: 100%; max-width: 100%; box-sizing: border-box; }
    .record-nudges { border-left: 4px solid #b3261e; padding: .5rem .75rem; background: var(--surface); border-radius: var(--radius); }
    .record-nudges ul { margin: .25rem 0; padding-left: 1.25rem; }
    .phone-menu summary { list-style: none; }
    .phone-menu summary::-webkit-details-marker { display: none; }
    .phone-menu-body { position: absolute; right: .5rem; left: .5rem; z-index: 10; padding: .75rem; background: var(--surface);
      border: 1px solid var(--border); border-radius: var(--radius); box-shadow: 0 4px 16px rgba(0,0,0,.15); }
    .phone-menu-body ul { margin: 0 0 .5rem; padding: 0; list-style: none; }
    .phone-menu-body a { display: block; padding: .625rem .5rem; }
    .phone-menu-body a[aria-current="page"] { font-weight: 600; background: var(--primary-soft); border-radius: var(--radius); }
    .app-header > .main-nav, .app-header > .header-tools { display: none; }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
    .choices { border: 1px solid var(--border); border-radius: var(--radius); padding: .5rem .75rem; margin: 0; min-width: 0; }
    .choices legend { font-weight: 600; padding: 0 .25rem; }
    .choice { display: flex; align-items: center; gap: .5rem; min-height: 2.75rem; }
    .choice input { width: 1.25rem; height: 1.25rem; flex: none; }
    .choices.wide { grid-column: 1 / -1; }
    .record-form .field textarea, .record-form .field input, .record-form .field select { width: 100%; max-width: 100%; box-sizing: border-box; }
    .board-filter { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; margin: .5rem 0; }
    .board-filter .field { margin: 0; }
    .stage-switcher ul { display: flex; gap: .25rem; margin: .5rem 0; padding: 0 0 .25rem; list-style: none; overflow-x: auto; }
    .stage-switcher a { display: block; padding: .375rem .75rem; border: 1px solid var(--border); border-radius: 999px; text-decoration: none;
      background: var(--surface); white-space: nowrap; }
    .stage-switcher a[aria-current="page"] { background: var(--primary); border-color: var(--primary); color: #ffffff; }
    .stage-switcher .count { font-variant-numeric: tabular-nums; opacity: .8; }
    .board.board-focused { grid-auto-flow: row; grid-auto-columns: auto; overflow-x: visible; }
    .board { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(85vw, 1fr); gap: .75rem; overflow-x: auto;
      padding: .25rem .25rem 1rem; scroll-snap-type: x mandatory; overscroll-behavior-x: contain; }
    .column { scroll-snap-align: start; min-height: 12rem; padding: .75rem; background: #e9eef4; border-radius: 8px; }
    .column.drop-target { outline: 3px dashed var(--primary); outline-offset: -3px; background: #dbe7f5; }
    .column-head h2 { margin: 0; }
    .column-count { margin: 0; color: var(--muted); }
    .column-sums { display: grid; grid-template-columns: repeat(3, auto); gap: .25rem .75rem; margin: .5rem 0; font-size: .875rem; }
    .column-sums dt { color: var(--muted); }
    .column-sums dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .gate { margin: .25rem 0 .5rem; font-size: .875rem; color: var(--warn); }
    .cards { display: flex; flex-direction: column; gap: .5rem; margin: 0; padding: 0; list-style: none; }
    .card { padding: .625rem .75rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); cursor: grab; }
    .card.stalled { border-left: 4px solid var(--warn); }
    .card.is-dragging { opacity: .5; }
    .card p { margin: .125rem 0; }
    .card-title { font-weight: 600; }
    .card-company, .card-owner { color: var(--muted); font-size: .875rem; }
    .card-amount { font-weight: 600; font-variant-numeric: tabular-nums; }
    .card-meta { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; font-size: .875rem; }
    .days-stalled { color: var(--warn); font-weight: 600; }
    .move-form { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .5rem; margin: .5rem 0 0; font-size: .875rem; }
    .move-form select { flex: 1 1 8rem; min-width: 0; min-height: 2.25rem; font: inherit; border: 1px solid var(--control); border-radius: var(--radius); background: var(--surface); }

    /* Deal and company pages */
    .split { display: grid; gap: 0 1.5rem; }
    .split-main, .split-side { min-width: 0; }
    .panel { margin: 1rem 0; padding: .75rem 1rem; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }
    .panel h2 { margin-top: 0; }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .5rem; flex-basis: 100%; margin: .75rem 0 0; }
    .figures > div { padding: .5rem .75rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); }
    .figures dt { font-size: .875rem; color: var(--muted); }
    .figures dd { margin: 0; font-size: 1rem; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
    .figures dd small { display: block; font-weight: 400; color: var(--muted); }
    .table-scroll { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; background: var(--surface); }
    th, td { padding: .5rem; text-align: left; vertical-align: top; border-bottom: 1px solid #e4e7eb; }
    thead th { font-size: .875rem; color: var(--muted); }
    .facts th { width: 40%; font-weight: 600; color: var(--muted); }
    .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .roles { margin: 0; padding: 0; list-style: none; }
    .contact-list { margin: 0; padding: 0; list-style: none; }
    .contact-list li { padding: .5rem 0; border-bottom: 1px solid #e4e7eb; }
    .contact-list p { margin: 0; }
    .checklist { margin: 0; padding: 0; list-style: none; }
    .check { display: flex; align-items: flex-start; margin: .375rem 0; }
    .timeline { margin: 0 0 0 .5rem; padding: 0; list-style: none; border-left: 2px solid var(--border); }
    .event { position: relative; padding: 0 0 1rem 1rem; }
    .event::before { content: ""; position: absolute; left: -7px; top: .45rem; width: 12px; height: 12px; border-radius: 50%;
      background: var(--surface); border: 2px solid var(--primary); }
    .event-stage::before { background: var(--primary); }
    .event p { margin: .125rem 0; }
    .event-head { font-size: .875rem; color: var(--muted); }
    .event-kind { font-weight: 600; color: var(--text); }
    details > summary { cursor: pointer; }
    .summary-heading { display: inline; margin: 0; }
    .edit-deal[open] > summary { margin-bottom: .75rem; }

    /* Charts: natural size on a wide screen, shrunk to fit a phone but never below 20rem, where the figure scrolls */
    .chart-figure { margin: 0; }
    .chart-scroll { overflow-x: auto; }
    svg.chart { display: block; max-width: 100%; height: auto; min-width: 20rem; }
    svg.chart .bar:hover, svg.chart .heat-cell:hover { opacity: .85; }

    /* Dashboards and settings */
    .filter-bar { margin: 1rem 0; padding: .75rem 1rem; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }
    .filter-bar .form-actions { display: flex; flex-wrap: wrap; gap: .5rem; }
    .dashboard-tabs, .settings-tabs { margin: .75rem 0; }
    .dashboard-part { margin: 1.5rem 0; }
    .dashboard-part h3 { font-size: 1rem; margin: 0 0 .5rem; }
    .flag-anomaly { color: #9b1c1c; background: #fde8e8; border: 1px solid currentColor; }
    .immature-mark, .immature-value { font-style: italic; color: var(--muted); }
    .immature-note { color: var(--warn); }
    .data-table > summary { margin: .5rem 0; }
    .stage-forms, .rule-forms { margin: 0; padding: 0; list-style: none; }
    .stage-forms > li { padding: .75rem 0; border-top: 1px solid #e4e7eb; }
    .stage-forms h5 { font-size: 1rem; margin: 0 0 .5rem; }
    .inline-form { display: inline; margin: 0; }
    .token-once input { font-family: ui-monospace, Menlo, Consolas, monospace; }
    .pager { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; margin: 1rem 0; }
    .pager p, .pager-links { margin: 0; }
    .pager-links { display: flex; gap: 1rem; padding: 0; list-style: none; }
    .pager-size { display: flex; gap: .5rem; align-items: end; }
    .pager-size .field { margin: 0; }

    .import-file .form-row { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; }
    .import-columns td.samples { color: var(--muted); max-width: 22rem; overflow-wrap: anywhere; }
    .import-columns tr.uncertain { background: var(--warn-soft, #fff7e0); }
    .import-columns select { width: 100%; min-width: 12rem; min-height: 2.25rem; font: inherit; }
    .import-review .form-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
    .import-progress progress { width: 100%; height: 1.5rem; }
    .import-dry-run select { font: inherit; min-height: 2.25rem; max-width: 14rem; }
    @media (max-width: 40rem) {
      .import-columns thead { position: absolute; left: -9999px; }
      .import-columns tr { display: block; padding: .5rem 0; border-top: 1px solid var(--border); }
      .import-columns th, .import-columns td { display: block; border: 0; padding: .125rem 0; }
      .import-columns td.samples { max-width: none; }
      .import-columns select { min-width: 0; }
    }
    @media (min-width: 40rem) {
      .action-form { flex: 1 1 14rem; }
      .grid-form { grid-template-columns: repeat(2, minmax(0, 1fr)); }
    }
    @media (min-width: 48rem) {
      h1 { font-size: 1.75rem; }
      .main-nav { order: 0; width: auto; }
      .phone-menu { display: none; }
      .app-header > .main-nav { display: block; }
      .app-header > .header-tools { display: flex; }
      .user-name { display: inline; }
      main { padding: 1.5rem; }
      .board { grid-auto-columns: minmax(17rem, 1fr); scroll-snap-type: none; }
      .figures { grid-template-columns: repeat(4, minmax(0, 1fr)); }
      .figures dd { font-size: 1.125rem; }
    }
    @media (min-width: 64rem) {
      .user-name { max-width: 20em; }
      .split { grid-template-columns: minmax(0, 2fr) minmax(20rem, 1fr); }
    }
    @media (prefers-reduced-motion: reduce) {
      *, *::before, *::after { scroll-behavior: auto !important; transition: none !important; animation: none !important; }
    }
    @media print {
      body { background: #ffffff; font-size: 11pt; }
      .app-header, .skip-link, .lead-actions, .move-form, .edit-deal, .hint, form { display: none !important; }
      main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      .board { display: block; overflow: visible; }
      .column { margin-bottom: 1rem; background: none; border: 1px solid #8a8a8a; break-inside: avoid; }
      .card, .lead, .panel, .event, tr, .dashboard-part figure { break-inside: avoid; }
      .chart-scroll { overflow: visible; }
      svg.chart { min-width: 0; max-width: 100%; break-inside: avoid; }
    }
    """
}
