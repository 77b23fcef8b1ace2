import VoronkaCore

/// The definitions of the dashboards' figures in both languages, from docs/metrics.md: what each counts, over which
/// deals or leads, and what it leaves out. The help page shows them; every figure tile and column header links here.
public enum MetricDefinitions {
    public struct Definition: Sendable, Hashable {
        /// The anchor on the help page and the metric's name with its version in docs/metrics.md ("stalled").
        public let id: String
        public let title: BilingualText
        /// Paragraphs, in order.
        public let paragraphs: [BilingualText]
    }

    /// The conventions every metric follows, then each metric in the order of docs/metrics.md.
    public static let all: [Definition] = [
        Definition(
            id: "conventions",
            title: BilingualText(en: "Conventions (all metrics)", ru: "Общие правила (все метрики)"),
            paragraphs: [
                BilingualText(
                    en: "As-of date. Facts dated after it are ignored: leads received later, deals created later, later stage entries, wins and losses. Fields without a history (amount, owner, expected close, probability override, required fields) are taken as they are now.",
                    ru: "Дата отчёта. Всё, что произошло после неё, не учитывается: лиды, поступившие позже, сделки, созданные позже, более поздние переходы по этапам, выигрыши и проигрыши. Поля без истории изменений (сумма, ответственный, ожидаемое закрытие, вероятность, заданная вручную, обязательные поля) берутся в текущем состоянии."
                ),
                BilingualText(
                    en: "Won, lost, open. A deal is won when its current stage is a won stage and it was closed by the as-of date; lost likewise with a lost stage; otherwise it is open (postponed deals are open). A lead is won when its deal is won. Deleted records count nowhere. Months, quarters and years are UTC calendar periods.",
                    ru: "Выиграна, проиграна, открыта. Сделка выиграна, если её текущий этап — этап выигрыша и она закрыта не позже даты отчёта; проиграна — так же, но с этапом проигрыша; иначе она открыта (отложенные сделки считаются открытыми). Лид выигран, если выиграна его сделка. Удалённые записи не учитываются нигде. Месяцы, кварталы и годы — календарные периоды по UTC."
                ),
                BilingualText(
                    en: "Filters: pipelines, team (a manager and everyone below them), owner, lead source, company segment and a period (start included, end excluded). A lead matches a pipeline when its own funnel or its live deal’s pipeline is selected; a deal’s source is its lead’s source (a deal without a lead is dropped by a source filter); the segment is that of the record’s company. When both team and owner are set, the owner must be in the team. The period applies to the time each definition names (usually arrival or creation); metrics about the present state (stalled deals, forecast, CRM completeness, yearly buyers) ignore it.",
                    ru: "Фильтры: воронки, команда (руководитель и все его подчинённые), ответственный, источник лида, сегмент компании и период (начало включается, конец — нет). Лид попадает в воронку, если выбрана его собственная воронка или воронка его действующей сделки; источник сделки — источник её лида (сделка без лида при фильтре по источнику отбрасывается); сегмент берётся у компании записи. Если заданы и команда, и ответственный, ответственный должен входить в команду. Период относится к моменту, который называет каждое определение (обычно поступление или создание); метрики текущего состояния (зависшие сделки, прогноз, заполненность CRM, ежегодные покупатели) его не учитывают."
                ),
                BilingualText(
                    en: "Percentiles use the nearest rank everywhere: the p-th percentile of n values is the value at rank ⌈p·n⌉ in ascending order (the median of 1, 2, 3, 4 is 2), so it is always one of the values.",
                    ru: "Процентили везде считаются методом ближайшего ранга: p-й процентиль из n значений — значение с рангом ⌈p·n⌉ по возрастанию (медиана чисел 1, 2, 3, 4 равна 2), поэтому это всегда одно из значений."
                ),
                BilingualText(
                    en: "Money is summed in a base currency (RUB by default, with 1 USD = 90 RUB and 1 EUR = 100 RUB; configurable). An amount in a currency without a rate is left out of every sum and counted as unconverted. Rates and shares are reported to 6 decimals, money and days to 2.",
                    ru: "Суммы складываются в базовой валюте (по умолчанию рубли, 1 USD = 90 ₽, 1 EUR = 100 ₽; курсы настраиваются). Сумма в валюте без курса исключается из всех итогов и учитывается как неконвертированная. Доли и коэффициенты округляются до 6 знаков после запятой, деньги и дни — до 2."
                ),
            ]
        ),
        Definition(
            id: "conversion",
            title: BilingualText(
                en: "Lead-to-win conversion by cohort (conversion v1)",
                ru: "Конверсия лидов в выигранные сделки по когортам (conversion v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "Leads passing the filter, received in the period and by the as-of date, grouped into cohorts by the UTC month, quarter or year of arrival. A lead is won when its deal is in a won stage and was closed by the as-of date.",
                    ru: "Учитываются лиды, прошедшие фильтр и поступившие в выбранном периоде не позже даты отчёта; они делятся на когорты по месяцу, кварталу или году поступления (UTC). Лид выигран, если его сделка находится на этапе выигрыша и закрыта не позже даты отчёта."
                ),
                BilingualText(
                    en: "Conversion = won ÷ leads, also shown as “N to 1” with N = leads ÷ won.",
                    ru: "Конверсия = выигранные ÷ все лиды; также показывается как «N к 1», где N = лиды ÷ выигранные."
                ),
                BilingualText(
                    en: "A cohort is mature when its last day ended at least the maturity window before the as-of date. Younger cohorts are listed without rates, marked “left out: younger than W days”. The maturity window is set explicitly, or else it is the 80th percentile of lead-to-win days (rounded up) over every won lead passing the filter in any period, or 90 days when there are none.",
                    ru: "Когорта зрелая, если её последний день закончился не меньше чем за окно зрелости до даты отчёта. Более молодые когорты показываются без конверсии с пометкой «не учтена: моложе W дней». Окно зрелости задаётся явно; иначе это 80-й процентиль числа дней от поступления лида до выигрыша (с округлением вверх) по всем выигранным лидам, прошедшим фильтр, за любой период, а если таких нет — 90 дней."
                ),
                BilingualText(
                    en: "Wins within the window counts only wins no later than the maturity window after arrival: the fair basis for comparing cohorts of different ages.",
                    ru: "«Выигрыши в пределах окна» учитывают только выигрыши не позже окна зрелости после поступления лида — это честная база для сравнения когорт разного возраста."
                ),
            ]
        ),
        Definition(
            id: "kaplan-meier",
            title: BilingualText(
                en: "Cumulative conversion with censoring (kaplan-meier v1)",
                ru: "Накопленная конверсия с учётом цензурирования (kaplan-meier v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "Every lead passing the filter and received in the period and by the as-of date counts. The event is the win (the lead’s deal reaching a won stage by the as-of date), on day ⌊(won − received) ÷ 1 day⌋. A lead still open is censored at its age on the as-of date.",
                    ru: "Учитываются все лиды, прошедшие фильтр и поступившие в выбранном периоде не позже даты отчёта. Событие — выигрыш (сделка лида перешла на этап выигрыша не позже даты отчёта) в день ⌊(выигрыш − поступление) ÷ 1 день⌋. Лид, который ещё в работе, цензурируется по его возрасту на дату отчёта."
                ),
                BilingualText(
                    en: "A lead closed without a win (junk, nurture, or its deal lost) is by default also censored at its age on the as-of date: it did not convert and stays in the denominator for as long as it has been observed, so 1 − S(t) estimates the share of all leads converted by day t. The alternative censors it at its close, as if it could still have converted; that overstates conversion when many leads are closed early (five leads, one junked on day 1, three won by day 5: 0.6 by default, 0.75 when censored at the close).",
                    ru: "Лид, закрытый без выигрыша (нецелевой, отправленный на прогрев или с проигранной сделкой), по умолчанию тоже цензурируется по возрасту на дату отчёта: он не сконвертировался и остаётся в знаменателе всё время наблюдения, поэтому 1 − S(t) оценивает долю всех лидов, сконвертированных к дню t. Альтернативный вариант цензурирует его в момент закрытия, как будто он ещё мог сконвертироваться; это завышает конверсию, когда много лидов закрывают рано (пять лидов, один признан нецелевым в 1-й день, три выиграны к 5-му дню: 0,6 по умолчанию и 0,75 при цензурировании в момент закрытия)."
                ),
                BilingualText(
                    en: "Ties: a day’s wins are counted before its censorings. There is one point per day with a win, with a 95 % band from Greenwood’s variance (conversion ± 1.96 · S · √Σ d/(n(n − d))), clipped to [0, 1].",
                    ru: "При совпадении дней выигрыши учитываются раньше цензурирований. Точка графика строится на каждый день с выигрышем, с 95-процентным доверительным интервалом по формуле Гринвуда (конверсия ± 1,96 · S · √Σ d/(n(n − d))), ограниченным отрезком [0, 1]."
                ),
                BilingualText(
                    en: "The calculation is checked against an independent implementation (the lifelines library) and matches it within 1e-9.",
                    ru: "Расчёт сверен с независимой реализацией (библиотека lifelines): результаты совпадают с точностью до 1e-9."
                ),
            ]
        ),
        Definition(
            id: "cohort-anomalies",
            title: BilingualText(
                en: "Cohort anomalies and year-over-year comparison (cohort-anomalies v1)",
                ru: "Аномалии когорт и сравнение год к году (cohort-anomalies v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "Only mature cohorts of conversion v1 take part, each with its wins within the maturity window, so every cohort had the same time to convert. Each is compared with its baseline, the other mature cohorts pooled, and with the same cohort a year earlier when that one is mature.",
                    ru: "Участвуют только зрелые когорты из conversion v1, и у каждой берутся выигрыши в пределах окна зрелости — так у всех когорт было одинаковое время на конверсию. Каждая когорта сравнивается с базой (все остальные зрелые когорты вместе) и с той же когортой годом ранее, если та уже зрелая."
                ),
                BilingualText(
                    en: "The test is the pooled two-proportion z-test when every expected cell of the 2×2 table is at least 5, else Fisher’s exact test (two-sided).",
                    ru: "Критерий — z-тест для двух долей с объединённой оценкой, если все ожидаемые частоты таблицы 2×2 не меньше 5, иначе точный критерий Фишера (двусторонний)."
                ),
                BilingualText(
                    en: "A difference is flagged when p < 0.01 and the rates differ by at least 5 percentage points (both thresholds configurable). Example: six months at 21 of 50 (42 %) and one at 1 of 50 (2 %) flag the last (p ≈ 5·10⁻⁸); 15 of 36 against 14 of 37 (42 % → 38 %) does not (p ≈ 0.74).",
                    ru: "Отклонение отмечается, если p < 0,01 и конверсии различаются не меньше чем на 5 процентных пунктов (оба порога настраиваются). Пример: при шести месяцах с 21 из 50 (42 %) и одном с 1 из 50 (2 %) последний отмечается (p ≈ 5·10⁻⁸); 15 из 36 против 14 из 37 (42 % → 38 %) — нет (p ≈ 0,74)."
                ),
            ]
        ),
        Definition(
            id: "stage-conversion",
            title: BilingualText(
                en: "Stage-to-stage conversion and drop-off (stage-conversion v1)",
                ru: "Конверсия между этапами и отток (stage-conversion v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "Deals passing the filter, created in the period and by the as-of date. A pipeline’s steps are its open stages in order, followed by one “won” step for all its won stages; lost and postponed stages are not steps.",
                    ru: "Учитываются сделки, прошедшие фильтр и созданные в выбранном периоде не позже даты отчёта. Шаги воронки — её рабочие этапы по порядку и в конце один шаг «выиграна» для всех этапов выигрыша; этапы проигрыша и отложенные этапы шагами не считаются."
                ),
                BilingualText(
                    en: "A deal’s furthest step is the highest step among the stages it entered by the as-of date; it counts as having reached every step up to that one (a skipped stage counts as passed).",
                    ru: "Самый дальний шаг сделки — наивысший из этапов, на которые она входила до даты отчёта; считается, что она прошла все шаги до него (пропущенный этап засчитывается как пройденный)."
                ),
                BilingualText(
                    en: "Conversion of a step = deals that reached the next step ÷ deals that reached this one; drop-off = 1 − conversion. Lost deals are counted at their furthest step as lost here; the others that stopped there (open or postponed) are still here. Decided conversion = advanced ÷ (advanced + lost here), leaving out the undecided.",
                    ru: "Конверсия шага = сделки, дошедшие до следующего шага ÷ сделки, дошедшие до этого; отток = 1 − конверсия. Проигранные сделки учитываются на своём самом дальнем шаге как «проиграны здесь»; остальные остановившиеся на нём (открытые или отложенные) — как «ещё здесь». Конверсия по решённым = перешедшие дальше ÷ (перешедшие дальше + проигранные здесь), без нерешённых сделок."
                ),
            ]
        ),
        Definition(
            id: "time-in-stage",
            title: BilingualText(
                en: "Time in stage: median, 80th and 95th percentile (time-in-stage v1)",
                ru: "Время на этапе: медиана, 80-й и 95-й процентили (time-in-stage v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "Stage visits of deals passing the filter, entered in the period and by the as-of date. Only visits that ended by the as-of date are measured, in days from entering the stage to leaving it.",
                    ru: "Учитываются пребывания на этапах сделок, прошедших фильтр, начавшиеся в выбранном периоде не позже даты отчёта. Измеряются только пребывания, завершившиеся к дате отчёта, — в днях от входа на этап до выхода с него."
                ),
                BilingualText(
                    en: "Visits still going on are counted as open visits and left out, which understates the time of stages where deals are stuck; the stalled-deals list shows those. Percentiles are nearest-rank.",
                    ru: "Незавершённые пребывания считаются отдельно как открытые и в расчёт не входят, поэтому время на этапах, где сделки застревают, занижено; такие сделки показывает список зависших сделок. Процентили — по методу ближайшего ранга."
                ),
            ]
        ),
        Definition(
            id: "stalled",
            title: BilingualText(en: "Stalled deals (stalled v1)", ru: "Зависшие сделки (stalled v1)"),
            paragraphs: [
                BilingualText(
                    en: "Deals passing the filter (any period), open at the as-of date and in an open stage. A postponed deal waits by design and is not stalled.",
                    ru: "Учитываются сделки, прошедшие фильтр (за любой период), открытые на дату отчёта и находящиеся на рабочем этапе. Отложенная сделка ждёт намеренно и зависшей не считается."
                ),
                BilingualText(
                    en: "A deal is stalled when the days since it entered its stage exceed the stage’s expected duration or, when the stage has none, the stage’s norm: the 80th percentile of the days of every ended visit to that stage by the as-of date (all live deals, unfiltered). A stage with neither stalls no deal.",
                    ru: "Сделка зависла, если с момента входа на текущий этап прошло больше дней, чем ожидаемая длительность этапа, а если она не задана — чем норма этапа: 80-й процентиль длительности всех завершённых к дате отчёта пребываний на этом этапе (по всем действующим сделкам, без фильтра). На этапе без длительности и без нормы сделки не зависают."
                ),
                BilingualText(
                    en: "The most overdue deals come first (days in stage ÷ limit); the list is capped, and the count gives the total.",
                    ru: "Первыми идут самые просроченные сделки (дни на этапе ÷ предел); длина списка ограничена, общее число показано отдельно."
                ),
            ]
        ),
        Definition(
            id: "velocity",
            title: BilingualText(en: "Sales velocity (velocity v1)", ru: "Скорость продаж (velocity v1)"),
            paragraphs: [
                BilingualText(
                    en: "Deals passing the filter. At a time t: open deals = created by t and not won or lost by t (postponed ones count as open); history = deals won or lost in the 365 days up to t (for the as-of figures, in the filter period instead when one is set).",
                    ru: "Учитываются сделки, прошедшие фильтр. На момент t: открытые сделки — созданные к t и не выигранные и не проигранные к t (отложенные считаются открытыми); история — сделки, выигранные или проигранные за 365 дней до t (для показателей на дату отчёта при заданном периоде — за этот период)."
                ),
                BilingualText(
                    en: "Win rate = won ÷ (won + lost) in the history; average won amount in the base currency; average cycle = mean days from creation to win of the won deals.",
                    ru: "Доля выигрышей = выигранные ÷ (выигранные + проигранные) в истории; средний чек выигранной сделки — в базовой валюте; средний цикл сделки — среднее число дней от создания до выигрыша по выигранным сделкам."
                ),
                BilingualText(
                    en: "Velocity per day = open deals × win rate × average won amount ÷ average cycle. It is given overall, per owner and per lead channel of the deal’s lead at the as-of date; the trend shows the overall figure at the end of each of the last 12 months (the current month at the as-of date), always with the 365-day window.",
                    ru: "Скорость продаж в день = открытые сделки × доля выигрышей × средний чек ÷ средний цикл сделки. Показывается в целом, по каждому ответственному и по каналу лида сделки на дату отчёта; тренд — общий показатель на конец каждого из последних 12 месяцев (текущего — на дату отчёта), всегда с окном 365 дней."
                ),
            ]
        ),
        Definition(
            id: "response-times",
            title: BilingualText(
                en: "First response time to leads (response-times v1)",
                ru: "Время первой реакции на лиды (response-times v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "Leads passing the filter, received in the period and by the as-of date. Response time = hours from arrival to the first response, for leads answered by the as-of date; the median and 90th percentile are over answered leads only.",
                    ru: "Учитываются лиды, прошедшие фильтр и поступившие в выбранном периоде не позже даты отчёта. Время реакции — часы от поступления до первого ответа для лидов, получивших ответ к дате отчёта; медиана и 90-й процентиль считаются только по лидам с ответом."
                ),
                BilingualText(
                    en: "A breach is an answer later than the target (in hours, 4 by default), or no answer yet while the lead is older than the target. Figures are given per owner of the lead, per lead channel and overall.",
                    ru: "Нарушение — ответ позже целевого времени (в часах, по умолчанию 4) или отсутствие ответа, когда лид уже старше целевого времени. Показатели даются по ответственным за лиды, по каналам лидов и в целом."
                ),
            ]
        ),
        Definition(
            id: "forecast",
            title: BilingualText(
                en: "Weighted pipeline by month of expected close (forecast v1)",
                ru: "Взвешенная воронка по месяцам ожидаемого закрытия (forecast v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "Deals passing the filter (any period) that are open at the as-of date and in an open stage; postponed deals are left out and counted separately. They are grouped by the month of their expected close: “overdue” when it is before the as-of date, “unscheduled” when there is none.",
                    ru: "Учитываются сделки, прошедшие фильтр (за любой период), открытые на дату отчёта и находящиеся на рабочем этапе; отложенные сделки исключаются и показываются отдельным числом. Сделки группируются по месяцу ожидаемого закрытия: «просрочены», если эта дата раньше даты отчёта, и «без даты», если она не указана."
                ),
                BilingualText(
                    en: "Weighted amount = Σ amount × probability, in the base currency. Configured probability = the probability set on the deal, if any, else its stage’s probability.",
                    ru: "Взвешенная сумма = Σ сумма × вероятность, в базовой валюте. Заданная вероятность — вероятность, указанная в самой сделке, а если её нет — вероятность этапа."
                ),
                BilingualText(
                    en: "Learned probability of a stage = the share won among deals passing the filter that were ever in that stage and were won or lost by the as-of date. Open deals are left out: their outcome is not known yet, and counting them as not won would understate it. A stage without closed history falls back to its configured value; each stage’s sample size is shown.",
                    ru: "Расчётная вероятность этапа — доля выигранных среди сделок, прошедших фильтр, которые когда-либо были на этом этапе и выиграны или проиграны к дате отчёта. Открытые сделки не учитываются: их исход ещё неизвестен, и если считать их невыигранными, вероятность окажется заниженной. Для этапа без закрытых сделок берётся заданная вероятность; по каждому этапу показан размер выборки."
                ),
            ]
        ),
        Definition(
            id: "calibration",
            title: BilingualText(
                en: "Configured vs learned probabilities (calibration v1)",
                ru: "Калибровка: заданные и расчётные вероятности (calibration v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "One prediction per stage a closed deal was in: deals passing the filter, won or lost by the as-of date (and, when a period is set, closed in it), each open stage they entered counted once. The outcome is 1 if the deal was won, else 0.",
                    ru: "Один прогноз на каждый этап, через который прошла закрытая сделка: берутся сделки, прошедшие фильтр и выигранные или проигранные к дате отчёта (при заданном периоде — закрытые в нём), и каждый рабочий этап, на который они входили, учитывается один раз. Исход равен 1, если сделка выиграна, иначе 0."
                ),
                BilingualText(
                    en: "Configured probability = the stage’s probability (probabilities set on deals are not kept over time, so they are not used). Learned probability = the stage’s share of won deals among these, leaving the deal itself out so that a deal never predicts itself; with no other deal, the configured value.",
                    ru: "Заданная вероятность — вероятность этапа (вероятности, указанные вручную в сделках, не хранятся во времени и поэтому не используются). Расчётная вероятность — доля выигранных среди этих сделок на этапе без учёта самой сделки, чтобы сделка не предсказывала сама себя; если других сделок нет — заданное значение."
                ),
                BilingualText(
                    en: "Brier score = mean squared difference between prediction and outcome (0 is perfect, 0.25 is a coin toss). The reliability table has ten bins of width 0.1 by predicted probability, each with the mean prediction and the observed share won.",
                    ru: "Оценка Брайера — средний квадрат разности между прогнозом и исходом (0 — идеально, 0,25 — уровень подбрасывания монеты). Таблица надёжности делит прогнозы на десять интервалов шириной 0,1 по предсказанной вероятности и для каждого показывает средний прогноз и фактическую долю выигранных."
                ),
            ]
        ),
        Definition(
            id: "rescued-leads",
            title: BilingualText(
                en: "Rescued leads per owner per quarter (rescued-leads v1)",
                ru: "Спасённые лиды по ответственным и кварталам (rescued-leads v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "A lead is rescued when it is qualified by the as-of date (its outcome is “deal” or it is in a won stage of its funnel) and either it was itself sent to junk or nurture earlier and moved back out (reopened), or it comes from the source “reactivation” and another lead of the same company, of any owner, had been sent to junk or nurture before it arrived (reactivated). A lead that is both counts as reopened.",
                    ru: "Лид считается спасённым, если к дате отчёта он квалифицирован (его итог — «Сделка» или он на этапе выигрыша своей воронки) и при этом либо сам ранее был признан нецелевым или отправлен на прогрев и затем возвращён в работу («переоткрыт»), либо пришёл из источника «Реактивация», а другой лид той же компании (любого ответственного) до его поступления был признан нецелевым или отправлен на прогрев («реактивирован»). Лид, подходящий под оба условия, считается переоткрытым."
                ),
                BilingualText(
                    en: "The rescue is dated when the lead was qualified (its entry into the won stage of its funnel, else its deal’s creation) and credited to the lead’s owner; the period applies to that date. Also shown: how many were won by the as-of date, and their amount.",
                    ru: "Датой спасения считается момент квалификации (вход на этап выигрыша воронки лида, а если его нет — создание сделки); спасение засчитывается ответственному за лид, и период применяется к этой дате. Также показывается, сколько таких лидов выиграно к дате отчёта и на какую сумму."
                ),
            ]
        ),
        Definition(
            id: "referrals",
            title: BilingualText(en: "Referrals earned (referrals v1)", ru: "Полученные рекомендации (referrals v1)"),
            paragraphs: [
                BilingualText(
                    en: "Leads from the source “referral”, received in the period and by the as-of date and passing the filter. Each is credited to the owner of the referring company, since the referral was earned by whoever looks after that client; the owner filter applies to this credited owner. A referral without a referring company, or whose company has no owner, is credited to nobody.",
                    ru: "Учитываются лиды из источника «Рекомендация», поступившие в выбранном периоде не позже даты отчёта и прошедшие фильтр. Каждый засчитывается ответственному за рекомендовавшую компанию: рекомендацию заработал тот, кто ведёт этого клиента; фильтр по ответственному применяется именно к нему. Рекомендация без рекомендовавшей компании или от компании без ответственного не засчитывается никому."
                ),
                BilingualText(
                    en: "Qualified = the lead’s outcome is “deal” or it has a deal; won = its deal was won by the as-of date; conversion = won ÷ leads; won value in the base currency.",
                    ru: "Квалифицирован — итог лида «Сделка» или у него есть сделка; выигран — его сделка выиграна к дате отчёта; конверсия = выигранные ÷ все лиды; сумма выигранного — в базовой валюте."
                ),
            ]
        ),
        Definition(
            id: "completeness",
            title: BilingualText(en: "CRM completeness (completeness v1)", ru: "Заполненность CRM (completeness v1)"),
            paragraphs: [
                BilingualText(
                    en: "Deals passing the filter (any period) that are open at the as-of date: not won or lost, postponed ones included.",
                    ru: "Учитываются сделки, прошедшие фильтр (за любой период) и открытые на дату отчёта: не выигранные и не проигранные, включая отложенные."
                ),
                BilingualText(
                    en: "Six required fields: amount greater than 0, expected close set, a contact present, need described, budget status known (not “unknown”), deadline set. A deal’s completeness = filled ÷ 6; an owner’s = the mean over their deals.",
                    ru: "Шесть обязательных полей: сумма больше 0, указано ожидаемое закрытие, есть контакт, описана потребность, известен статус бюджета (не «Неизвестен»), указан срок. Заполненность сделки = заполненные поля ÷ 6; заполненность по ответственному — среднее по его сделкам."
                ),
                BilingualText(
                    en: "A deal is untouched when its last change to any field was more than N days (14 by default) before the as-of date. The least complete deals are listed first, then the longest untouched; the list is capped.",
                    ru: "Сделка считается заброшенной, если последнее изменение любого её поля было больше чем за N дней (по умолчанию 14) до даты отчёта. Первыми в списке идут наименее заполненные сделки, затем — дольше всех не менявшиеся; длина списка ограничена."
                ),
            ]
        ),
        Definition(
            id: "yearly-buyers",
            title: BilingualText(
                en: "Companies that buy every year (yearly-buyers v1)",
                ru: "Компании, покупающие каждый год (yearly-buyers v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "Deals passing the filter (any period) won by the as-of date, by the UTC month they were won. A company is a yearly buyer when, for some calendar month M, it won deals within one month of M (M − 1, M or M + 1, across year ends) in at least two different years.",
                    ru: "Учитываются сделки, прошедшие фильтр (за любой период) и выигранные к дате отчёта, по месяцу выигрыша (UTC). Компания — ежегодный покупатель, если для какого-то календарного месяца M у неё есть выигранные сделки в пределах месяца от M (M − 1, M или M + 1, в том числе через границу года) как минимум в двух разных годах."
                ),
                BilingualText(
                    en: "M is the month with the most such years (ties: the most wins exactly in M, then the earlier month). The expected next purchase is M of the first year whose window (M ± 1) has no win yet and has not ended before the as-of month; the owner should call on the first day of the month before it.",
                    ru: "M — месяц с наибольшим числом таких лет (при равенстве — с наибольшим числом выигрышей ровно в M, затем более ранний). Ожидаемая следующая покупка — месяц M первого года, в окне которого (M ± 1) ещё нет выигрыша и которое не закончилось раньше месяца даты отчёта; ответственному стоит позвонить в первый день предыдущего месяца."
                ),
                BilingualText(
                    en: "The owner is the company’s owner. Companies are ordered by call date, then by company id; the list is capped, and the count gives the total.",
                    ru: "Ответственный — ответственный за компанию. Компании упорядочены по дате звонка, затем по идентификатору; длина списка ограничена, общее число показано отдельно."
                ),
            ]
        ),
        Definition(
            id: "data-quality",
            title: BilingualText(
                en: "Times that contradict each other (data-quality v1)",
                ru: "Противоречащие друг другу даты (data-quality v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "Live leads and deals passing the filter (any period), by the as-of date. Three contradictions are counted: a lead whose deal was won before the lead was received; a deal closed (won or lost) before it was created; a lead whose first response is before it was received.",
                    ru: "Учитываются действующие лиды и сделки, прошедшие фильтр (за любой период), к дате отчёта. Считаются три противоречия: сделка лида выиграна раньше, чем лид поступил; сделка закрыта (выиграна или проиграна) раньше, чем создана; первый ответ на лид дан раньше, чем лид поступил."
                ),
                BilingualText(
                    en: "Nothing is changed: the metrics that measure these durations (conversion, the conversion curve, velocity, response times) count such a record as taking no time, and this list names every one with how many days early the later time lies, the furthest off first; the counts are totals.",
                    ru: "Данные не исправляются: метрики, которые измеряют эти сроки (конверсия, кривая конверсии, скорость продаж, скорость ответа), считают такую запись занявшей нулевое время, а этот список называет каждую с тем, на сколько дней более поздняя дата оказалась раньше, начиная с самых больших расхождений; итоги — полные."
                ),
            ]
        ),
        Definition(
            id: "channels",
            title: BilingualText(
                en: "Conversion by lead channel (channels v1)",
                ru: "Конверсия по каналам лидов (channels v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "Leads passing the filter, received in the period and by the as-of date, each counted under its channel (a channel merged into another counts as that one) and under that channel’s group (paid, organic, social, e-mail, referral, direct, partner, event, outbound, other).",
                    ru: "Учитываются лиды, прошедшие фильтр и поступившие в периоде к дате отчёта; каждый считается в своём канале (канал, объединённый с другим, считается как тот) и в группе этого канала (платные, органические, соцсети, e-mail, рекомендации, прямые, партнёры, мероприятия, исходящие, прочие)."
                ),
                BilingualText(
                    en: "A lead is mature when it arrived at least the maturity window before the as-of date (the window of the conversion: given, or the 80th percentile of lead → win days). Conversion = mature leads won by the as-of date ÷ mature leads, with its 95 % Wilson score interval; each channel is compared with all other mature leads (a z-test, Fisher’s exact test for small counts).",
                    ru: "Лид считается зрелым, если поступил не позже чем за окно зрелости до даты отчёта (окно конверсии: заданное или 80-й процентиль дней от лида до выигрыша). Конверсия = зрелые лиды, выигранные к дате отчёта ÷ зрелые лиды, с 95-процентным интервалом Уилсона; каждый канал сравнивается со всеми остальными зрелыми лидами (z-тест, для малых чисел — точный тест Фишера)."
                ),
                BilingualText(
                    en: "The median first response is over the channel’s answered leads, the median time to win over its won leads of any age (a win dated before the arrival counts 0 days and is listed by the data-quality report). Rows are ordered by mature leads, then leads.",
                    ru: "Медиана первого ответа — по лидам канала, на которые ответили; медиана срока до выигрыша — по всем его выигранным лидам любого возраста (выигрыш раньше поступления считается за 0 дней и попадает в отчёт о качестве данных). Строки упорядочены по числу зрелых лидов, затем всех лидов."
                ),
            ]
        ),
        Definition(
            id: "weekly-movement",
            title: BilingualText(
                en: "The week's funnel movement in the weekly review (weekly-movement v1)",
                ru: "Движение воронки за неделю в еженедельном обзоре (weekly-movement v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "The week is the seven days from the company's Monday 00:00; the four weeks before it are the 28 days before. Leads and deals pass the review's filter (a manager's team). New leads were received in the span, deals were created in it, won and lost deals closed in it and were won or lost at the week's end; the four weeks before are also shown as a weekly average.",
                    ru: "Неделя — семь дней с понедельника 00:00 по времени компании; четыре недели до неё — 28 дней перед ней. Учитываются заявки и сделки, прошедшие фильтр обзора (команда руководителя). Новые заявки поступили в этот промежуток, сделки в нём созданы, выигранные и проигранные сделки в нём закрыты и были выиграны или проиграны к концу недели; четыре недели до неё показаны и как среднее за неделю."
                ),
                BilingualText(
                    en: "Conversion is won ÷ (won + lost) of the deals closed in the span. The week is compared with the four weeks pooled by the test of the cohort anomalies and flagged by its rule (p < 0.01 and at least 5 points apart); the cohorts that the anomaly report flags at the week's end are listed too.",
                    ru: "Конверсия — выигранные ÷ (выигранные + проигранные) среди сделок, закрытых в промежутке. Неделя сравнивается с четырьмя неделями вместе тем же тестом, что и аномалии когорт, и отмечается по его правилу (p < 0,01 и разница не меньше 5 пунктов); также перечисляются когорты, отмеченные отчётом об аномалиях к концу недели."
                ),
            ]
        ),
        Definition(
            id: "nudges",
            title: BilingualText(
                en: "What the nudge rules find due (nudges v1)",
                ru: "Что находят правила напоминаний (nudges v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "The rules are evaluated against the funnel as it is now, every minute and after each write. A stalled deal: longer in its open stage, since it entered it or since the last call, meeting or e-mail done on it, than the stage's expected days (else the 80th percentile of its past visits); the owner is told, then the owner's manager after 7 days, then the heads of sales after 14. A postponed deal: on its postponed-until date, else 30 days after it was postponed, then every 30 days, unless a call, meeting or e-mail was done since it came due.",
                    ru: "Правила проверяются по текущему состоянию воронки — каждую минуту и после каждого изменения. Застрявшая сделка: находится на открытом этапе дольше ожидаемого числа дней этапа (иначе 80-го процентиля прошлых визитов) с момента входа на этап или с последнего звонка, встречи или письма; сначала напоминание получает ответственный, через 7 дней — его руководитель, через 14 — руководители отдела продаж. Отложенная сделка: в день, до которого она отложена, иначе через 30 дней после откладывания, затем каждые 30 дней, если с этого срока не было звонка, встречи или письма."
                ),
                BilingualText(
                    en: "A yearly buyer: 30 days before the first day of its expected purchase month. A lead received in the last 30 days with no first response after the target (4 hours): its owner, then their manager. An open deal not stalled but untouched (no change, no contact) for 14 days. An open deal the qualification control flags (unqualified past the first meeting, below the minimum economics, uncontrolled): its owner. The thresholds are the nudges setting; an inactive owner's nudges go to the first active manager above, else the heads of sales. Each nudge is kept once per rule, record, person and due period.",
                    ru: "Ежегодный покупатель: за 30 дней до первого числа ожидаемого месяца покупки. Заявка за последние 30 дней без первого ответа после целевого срока (4 часа): ответственному, затем его руководителю. Открытая сделка, которая не застряла, но которую 14 дней не трогали (ни изменений, ни контактов). Открытая сделка, которую отмечает контроль квалификации (без квалификации после первой встречи, ниже минимальной экономики, неконтролируемая): ответственному. Пороги задаются настройкой nudges; напоминания неактивного ответственного получает ближайший активный руководитель, иначе руководители отдела продаж. Каждое напоминание хранится один раз на правило, запись, человека и период."
                ),
            ]
        ),
        Definition(
            id: "qualification",
            title: BilingualText(
                en: "Qualification and control of open deals (qualification v1)",
                ru: "Квалификация и контроль открытых сделок (qualification v1)"
            ),
            paragraphs: [
                BilingualText(
                    en: "The viewer’s open deals in open stages as they are now; the dashboard’s filter and as-of date do not apply. A deal is qualified when its grade is AAA or BBB (at least two of need, budget and urgency confirmed) and a decision maker or the economic buyer is among its contacts.",
                    ru: "Учитываются открытые сделки пользователя на открытых этапах в их текущем состоянии; фильтр и дата отчёта здесь не применяются. Сделка квалифицирована, если её класс AAA или BBB (подтверждены хотя бы два из трёх: потребность, бюджет, срочность) и среди её контактов есть лицо, принимающее решение, или экономический покупатель."
                ),
                BilingualText(
                    en: "Unqualified past the first meeting: not qualified, in a stage after the first-meeting stage (set in the control settings, else the stage just before the first stage that requires qualification, else the first stage).",
                    ru: "Без квалификации после первой встречи: сделка не квалифицирована и находится на этапе после этапа первой встречи (он задаётся в настройках контроля; иначе это этап перед первым этапом, требующим квалификации, а если таких нет — первый этап)."
                ),
                BilingualText(
                    en: "Uncontrolled: in a stage after the control stage (set, else the first stage that requires qualification; none when no stage does) with the budget status unknown or the need not described. In the capped weighted pipeline such a deal counts with at most the cap (10 % by default).",
                    ru: "Без контроля: сделка на этапе после контрольного (он задаётся в настройках; иначе это первый этап, требующий квалификации; если таких нет, контроля нет), а статус бюджета неизвестен или потребность не описана. Во взвешенной воронке с ограничением такая сделка учитывается с вероятностью не выше порога (по умолчанию 10 %)."
                ),
                BilingualText(
                    en: "Below the minimum economics: the expected profit is below the minimum profit per deal (set outright, else the team’s monthly costs ÷ deals closed per month) and no exception (a first order, a trial delivery, …) is recorded. A deal without an expected profit is not judged.",
                    ru: "Ниже минимальной экономики: ожидаемая прибыль меньше минимальной прибыли на сделку (она задаётся напрямую, иначе это ежемесячные расходы отдела ÷ число сделок, закрываемых в месяц), и исключение (первый заказ, пробная поставка и т. п.) не оформлено. Сделка без ожидаемой прибыли не оценивается."
                ),
            ]
        ),
    ]

    public static func definition(_ id: String) -> Definition? { all.first { $0.id == id } }
}
