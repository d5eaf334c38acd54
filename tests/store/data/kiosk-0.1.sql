-- A results file written by tapsheet 0.1's kiosk code (commit 9e1564b: Flow, KioskSession,
-- VisitWriter, driven through the kiosk's real screens by tests/ui's harness) before the answer
-- row definition of app/core/answer.h: chosen options and benefits carry value '1'.
-- Visit 1 complete (polls, sheet with a project name, domains); visit 2 walked away after two polls.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE packs (
    hash TEXT PRIMARY KEY NOT NULL,
    pack_id TEXT NOT NULL,
    source_text TEXT NOT NULL,
    first_used_at TEXT NOT NULL
);
INSERT INTO packs VALUES('b9d50cd0dcb79154d75004f652f521c0b72ae1b3f408726d61c29a260d7a752c','margins-to-mainstream',replace('# tapsheet content pack: "Shifting improvement from the margins to the\n# mainstream", Q community session at the IHI BMJ Forum, 11 April 2024.\n# Wording, options, groups and timings come from the session''s slides.\n#\n# To reuse the kiosk at another event, copy this file, edit it, and check it\n# with `tapsheet validate my-pack.toml` (every problem is listed with its\n# line and column). No recompiling is needed.\n#\n# How a pack is written\n# - Steps run in the order of the [[steps]] tables. `kind` is one of poll,\n#   sheet, domains, reflection, info.\n# - Every `id` is written by hand and must stay the same once results exist:\n#   answers are stored by id. Ids use a-z, 0-9, ''-'' and ''_''.\n# - Any text may be a plain string (the default language, the first of\n#   `languages`) or a table of translations: { en = "Next", cy = "Ymlaen" }.\n#   A missing translation falls back to the default language.\n# - [ui] holds the kiosk''s own words (buttons, notices); any key left out\n#   uses tapsheet''s English default.\n# - [board] holds the words of the board''s pages (counts, totals, rounds,\n#   the timer); this pack uses the English defaults. welsh-demo.toml lists\n#   every key, translated.\n\nid = "margins-to-mainstream"\ntitle = "Shifting improvement from the margins to the mainstream"\nsubtitle = "IHI BMJ Forum · 11 April 2024 · Q community"\nattract_prompt = "Tap to start"\n# Encoded in the QR code on the thank-you screen.\nresources_url = "https://www.health.org.uk/the-case-for-improvement"\n\nlanguages = [{ code = "en", name = "English" }]\n\n[kiosk]\nidle_seconds = 45        # no touch for this long: "Still there?"\nstill_there_seconds = 15 # then back to the attract screen\nthanks_seconds = 20      # the thank-you screen stays this long\ncooldown_seconds = 3     # after a visit, Start waits this long: slows ballot stuffing\n\n[ui]\nstart = "Tap to start"\nback = "Back"\nnext = "Next"\nskip = "Skip"\nfinish = "Finish"\ndone = "Done"\nstill_there = "Still there?"\nstill_there_body = "Tap anywhere to carry on. Your answers so far are saved."\ncontinue_label = "Continue"\nstart_over = "Start over"\nsaving = "Saving…"\nstep_of = "Step {n} of {total}"\nthanks_title = "Thank you!"\nthanks_body = "Your answers are now part of the room''s picture."\nresources_label = "Scan for the case for improvement"\nkeyboard_done = "Done"\nkeyboard_cancel = "Cancel"\nadd_own = "Add your own benefit"\nproject_placeholder = "Type your project or goal"\nchoose_one = "Choose one"\nchoose_any = "Choose all that apply"\n\n# --- Energiser polls ------------------------------------------------------\n\n[[steps]]\nid = "level"\nkind = "poll"\ntitle = "Energiser"\nprompt = "Are you looking to achieve change at a…"\nskippable = true\noptions = [\n    { id = "system", label = "System level" },\n    { id = "organisation", label = "Organisational level" },\n    { id = "individual-team", label = "Individual and team level" },\n]\n\n[[steps]]\nid = "aim"\nkind = "poll"\ntitle = "Energiser"\nprompt = "Are you working to…"\nskippable = true\noptions = [\n    { id = "service-goal", label = "Achieve a particular service goal" },\n    { id = "enabling-conditions", label = "Create the enabling conditions for improvement" },\n]\n\n[[steps]]\nid = "improvement"\nkind = "poll"\ntitle = "Energiser"\nprompt = "Are you aiming to achieve an improvement in terms of…"\nskippable = true\nmulti = true # a project can aim at several\noptions = [\n    { id = "patient-experience", label = "Patient experience" },\n    { id = "reducing-costs", label = "Reducing costs" },\n    { id = "population-health", label = "Population health" },\n    { id = "staff-wellbeing", label = "Staff experience and wellbeing" },\n]\n\n# --- Reflection sheet -----------------------------------------------------\n\n[[steps]]\nid = "benefits"\nkind = "sheet"\ntitle = "Reflection sheet"\nprompt = "Think of a new or existing project. What benefits have you planned for? What other benefits might be possible? Mark all that could apply."\nskippable = true\nproject_prompt = "Your improvement project or goal:"\nallow_own = true\nown_prompt = "Add your own benefit"\n\n[[steps.groups]]\nid = "patients"\ntitle = "Priorities for patients"\nplace = "left"\nitems = [\n    { id = "safety-outcomes", label = "Improved safety and outcomes" },\n    { id = "access-delays", label = "Easier access and reduced delays" },\n    { id = "experience-agency", label = "Better experience and increased agency" },\n]\n\n[[steps.groups]]\nid = "staff"\ntitle = "Priorities for staff"\nplace = "right"\nitems = [\n    { id = "workplace-culture", label = "Improved workplace culture" },\n    { id = "job-control", label = "Enhanced job control and satisfaction" },\n    { id = "professional-development", label = "Opportunities for professional development" },\n]\n\n[[steps.groups]]\nid = "organisation-system"\ntitle = "Organisation and system priorities"\nplace = "bottom"\nitems = [\n    { id = "technology-adoption", label = "More effective adoption of technology" },\n    { id = "collaborative-working", label = "Stronger collaborative working" },\n    { id = "recruitment-retention", label = "Improved recruitment and retention" },\n    { id = "handover-flow", label = "Improved handover and flow" },\n    { id = "waste-costs", label = "Reduced waste and avoided costs" },\n    { id = "scarce-resources", label = "Strategic targeting of scarce resources" },\n    { id = "safety-quality", label = "Reliable safety and quality" },\n    { id = "scaling-innovation", label = "More effective scaling of innovation" },\n]\n\n[[steps]]\nid = "reflect"\nkind = "reflection"\ntitle = "Reflect"\nprompt = "Talk these through with the people at your table."\nquestions = [\n    "How far is your work designed to meet the priorities of all groups? Does this matter?",\n    "What feels most important for the work to succeed and get the support it needs?",\n    "What support do you need to achieve these benefits and understand progress?",\n]\n\n# --- The domains of improvement (NHS Confederation) -----------------------\n\n[[steps]]\nid = "domains"\nkind = "domains"\ntitle = "Domains of improvement"\nprompt = "Which domains are you currently focusing on? Which domains are getting least attention?"\nskippable = true\nfocus_label = "We focus on this"\nleast_label = "Gets least attention"\n\n[[steps.sets]]\nid = "conditions"\ntitle = "Creating the conditions"\n\n[[steps.sets.domains]]\nid = "vision-leadership"\nname = "Collective vision and leadership"\nexpect = "An inspiring vision without the ability and skills to deliver: loss of momentum. Cynicism and low morale."\n\n[[steps.sets.domains]]\nid = "operating-model"\nname = "An aligned operating model"\nexpect = "Processes that tick the boxes but lack buy in. Bureaucracy and disengagement."\n\n[[steps.sets.domains]]\nid = "capabilities-culture"\nname = "Capabilities, connections and culture"\nexpect = "People with energy and skills, frustrated by lack of support and scope for change. Small scale or short lived projects."\n\n[[steps.sets]]\nid = "transformation"\ntitle = "Delivering transformation"\n\n[[steps.sets.domains]]\nid = "pathway-redesign"\nname = "System and pathway redesign"\nexpect = "Ambitious plans for shifting models of care that fail to work in practice. Limited benefits realised."\n\n[[steps.sets.domains]]\nid = "continuous-improvement"\nname = "Continuous quality improvement"\nexpect = "Incremental improvements that help maintain the current model of care. Limited scaling or bigger benefits."\n\n[[steps.sets.domains]]\nid = "targeted-innovation"\nname = "Targeted innovation"\nexpect = "Individual tech or other solutions that may not embed well or meet the priorities for the health system. Increased inequity. Wasted resource and potential."\n\n# --- Facilitators'' activity timers ("Timings are a guide!") ---------------\n\n[[timers]]\nid = "benefits-activity"\ntitle = "Reflecting on new or existing work"\nphases = [\n    { name = "Identify the potential benefits", minutes = 4 },\n    { name = "Discuss the reflection questions", minutes = 9 },\n]\n\n[[timers]]\nid = "domains-activity"\ntitle = "Reflecting on the domains"\nphases = [{ name = "Reflecting on the domains", minutes = 18 }]\n\n# --- Evidence: examples of improvement benefits ---------------------------\n# Each card''s id is the id of the sheet benefit it gives evidence for.\n\n[[evidence]]\nid = "workplace-culture"\ntitle = "Improved workplace culture"\nsummary = "Improvement approaches can drive a culture of respect, trust and shared values typical of the most progressive employers"\npoints = [\n    "NHS partnership with Virginia Mason Institute evaluation found high levels of social connectedness at the highest-performing NHS trusts. Relationships were characterised by closeness, collaboration and feedback.",\n    "PROMPT – a multi-professional maternity safety training intervention – generates strong social ties and collegial behaviours across disciplines. Disagreements are settled through discussion, not by positional authority.",\n    "The Big Room approach underpinning the Flow Coaching Academy fosters a culture in which all staff can participate on equal basis, regardless of seniority.",\n]\n\n[[evidence]]\nid = "access-delays"\ntitle = "Easier access and reduced delays"\nsummary = "Improvement approaches can be used to tackle delays and help give patients timely access to diagnosis and treatment"\npoints = [\n    "In general practice in the UK, improvement has helped to improve access without displacing care elsewhere, reducing care continuity or increasing workloads, and to better match clinical capacity with workforce demand.",\n    "In NHS hospitals, lean based approaches have been used to reduce ''medically non-value adding time'' leading to reduced length of stay and improved patient experiences",\n]\n\n[[evidence]]\nid = "safety-quality"\ntitle = "Reliable safety and quality"\nsummary = "Improvement approaches, when deployed at scale, can reduce patient harms and variations in care delivery, and improve the efficiency and reliability of care processes and pathways."\npoints = [\n    "A hip fracture improvement programme involving English NHS trusts reduced the 30-day mortality rate and increased the number of patients mobilised soon after surgery.",\n    "An NHS trust-based improvement programme in England focused on improving patient outcomes after emergency laparotomy reduced the length of stay and mortality.",\n    "Analysis of the impact of organisation-wide lean-based improvement programmes in the US found quality-related benefits, such as lower unplanned readmission rates and improved patient experience scores.",\n]\n\n[[evidence]]\nid = "scarce-resources"\ntitle = "Strategic targeting of scarce resources"\nsummary = "Improvement approaches can ensure that resources are used effectively, and that staff time is spent in the most useful way."\npoints = [\n    "Diagnostic and analytical tools can be used to find out if staff time and equipment is not being used efficiently or to identify the source of chronic bottlenecks in pathways and systems.",\n    "By mapping and analysing processes and workflows, teams have removed low-value, repetitive clinical activity and developed new process models that have reduced the use of medical products while improving care quality.",\n]\n\n# --- Where to turn for help -----------------------------------------------\n\n[[resources]]\nid = "case-for-improvement"\ntitle = "The Health Foundation: the case for improvement (further detail and other benefits)"\nurl = "https://www.health.org.uk/the-case-for-improvement"\n\n[[resources]]\nid = "q-community"\ntitle = "Q: a community of thousands of people across the UK and Ireland, collaborating to improve the safety and quality of health and care"\nurl = "https://q.health.org.uk"\n\n[[resources]]\nid = "q-email"\ntitle = "Email the Q community"\nurl = "mailto:q@health.org.uk"\n\n[[resources]]\nid = "q-twitter"\ntitle = "Follow Q on Twitter: @theQCommunity"\nurl = "https://twitter.com/theQCommunity"\n','\n',char(10)),'2026-12-04T15:24:36.512Z');
CREATE TABLE visits (
    id TEXT PRIMARY KEY NOT NULL,
    kiosk_id TEXT NOT NULL,
    pack_hash TEXT NOT NULL REFERENCES packs(hash),
    lang TEXT NOT NULL,
    round INTEGER NOT NULL DEFAULT 1,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'complete', 'abandoned')),
    filtered INTEGER NOT NULL DEFAULT 0
, seq INTEGER NOT NULL DEFAULT 0);
INSERT INTO visits VALUES('75ed3381dd022237edbb1bfb57298b17','kiosk-legacy','b9d50cd0dcb79154d75004f652f521c0b72ae1b3f408726d61c29a260d7a752c','en',1,'2026-12-04T15:24:36.742Z','2026-12-04T15:24:36.798Z','complete',0,35);
INSERT INTO visits VALUES('cb7c0d848edb45e8aad76102b84dec57','kiosk-legacy','b9d50cd0dcb79154d75004f652f521c0b72ae1b3f408726d61c29a260d7a752c','en',1,'2026-12-04T15:24:36.806Z','2026-12-04T15:24:36.815Z','abandoned',0,39);
CREATE TABLE answers (
    visit_id TEXT NOT NULL REFERENCES visits(id),
    step_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    value TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL
);
INSERT INTO answers VALUES('75ed3381dd022237edbb1bfb57298b17','level','system','1','2026-12-04T15:24:36.753Z');
INSERT INTO answers VALUES('75ed3381dd022237edbb1bfb57298b17','aim','enabling-conditions','1','2026-12-04T15:24:36.759Z');
INSERT INTO answers VALUES('75ed3381dd022237edbb1bfb57298b17','improvement','patient-experience','1','2026-12-04T15:24:36.765Z');
INSERT INTO answers VALUES('75ed3381dd022237edbb1bfb57298b17','improvement','population-health','1','2026-12-04T15:24:36.765Z');
INSERT INTO answers VALUES('75ed3381dd022237edbb1bfb57298b17','benefits','workplace-culture','1','2026-12-04T15:24:36.783Z');
INSERT INTO answers VALUES('75ed3381dd022237edbb1bfb57298b17','benefits','safety-quality','1','2026-12-04T15:24:36.783Z');
INSERT INTO answers VALUES('75ed3381dd022237edbb1bfb57298b17','benefits','project','Flow','2026-12-04T15:24:36.783Z');
INSERT INTO answers VALUES('75ed3381dd022237edbb1bfb57298b17','domains','vision-leadership','focus','2026-12-04T15:24:36.790Z');
INSERT INTO answers VALUES('75ed3381dd022237edbb1bfb57298b17','domains','targeted-innovation','least','2026-12-04T15:24:36.790Z');
INSERT INTO answers VALUES('cb7c0d848edb45e8aad76102b84dec57','level','organisation','1','2026-12-04T15:24:36.809Z');
INSERT INTO answers VALUES('cb7c0d848edb45e8aad76102b84dec57','aim','service-goal','1','2026-12-04T15:24:36.813Z');
CREATE TABLE skips (
    visit_id TEXT NOT NULL REFERENCES visits(id),
    step_id TEXT NOT NULL,
    skipped_at TEXT NOT NULL,
    PRIMARY KEY (visit_id, step_id)
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
INSERT INTO meta VALUES('round','1');
INSERT INTO meta VALUES('board_hidden','');
CREATE TABLE moderation (
    step_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('approved', 'rejected')),
    decided_at TEXT NOT NULL,
    PRIMARY KEY (step_id, item_id, text)
);
CREATE INDEX visits_by_round ON visits(round, status);
CREATE INDEX answers_by_visit ON answers(visit_id, step_id);
CREATE INDEX answers_by_step ON answers(step_id, item_id);
CREATE INDEX visits_by_seq ON visits(seq);
CREATE INDEX visits_by_kiosk_end ON visits(kiosk_id, ended_at);
CREATE TRIGGER visits_seq_on_insert AFTER INSERT ON visits BEGIN
    UPDATE visits SET seq = (SELECT max(seq) FROM visits) + 1 WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER visits_seq_on_update AFTER UPDATE ON visits WHEN NEW.seq = OLD.seq BEGIN
    UPDATE visits SET seq = (SELECT max(seq) FROM visits) + 1 WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER answers_seq_on_insert AFTER INSERT ON answers BEGIN
    UPDATE visits SET seq = (SELECT max(seq) FROM visits) + 1 WHERE id = NEW.visit_id;
END;
CREATE TRIGGER answers_seq_on_delete AFTER DELETE ON answers BEGIN
    UPDATE visits SET seq = (SELECT max(seq) FROM visits) + 1 WHERE id = OLD.visit_id;
END;
CREATE TRIGGER answers_seq_on_update AFTER UPDATE ON answers BEGIN
    UPDATE visits SET seq = (SELECT max(seq) FROM visits) + 1 WHERE id IN (OLD.visit_id, NEW.visit_id);
END;
COMMIT;
PRAGMA user_version=2;
