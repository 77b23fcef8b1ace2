#!/usr/bin/env python3
"""Writes a Salesforce-style export of N opportunities with their stage history (OpportunityHistory), for the import
benchmark: every deal starts in Prospecting, most reach Qualification and Negotiation/Review, and closed ones end
in Closed Won or Closed Lost. Deterministic (seeded).

Usage: benchmarks/import_generate.py N DIRECTORY
"""
import os
import random
import sys
import time

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
rng = random.Random(2026)
stages = ["Prospecting", "Qualification", "Needs Analysis", "Negotiation/Review"]
sources = ["Web", "Partner Referral", "Trade Show", "Phone Inquiry", "Other"]
history_rows = 0
with open(os.path.join(out, "Opportunity.csv"), "w") as opp, open(os.path.join(out, "OpportunityHistory.csv"), "w") as hist:
    opp.write("Id,AccountId,Name,Amount,StageName,CloseDate,IsClosed,IsWon,OwnerId,CreatedDate,LeadSource,CurrencyIsoCode\n")
    hist.write("Id,OpportunityId,StageName,Amount,CloseDate,Probability,CreatedDate,CreatedById,IsDeleted\n")
    for i in range(n):
        oid = f"006B{i:011d}"
        created = 1_546_300_800 + rng.randrange(0, 7 * 365 * 86_400)  # 2019..2025
        amount = rng.randrange(1_000, 5_000_000) / 100
        reached = rng.choice([1, 2, 2, 3, 3, 4, 4])
        fate = rng.random()
        t = created
        path = []
        for s in stages[:reached]:
            path.append((s, t))
            t += rng.randrange(2, 40) * 86_400
        if fate < 0.3:
            final, closed, won = "Closed Won", True, True
        elif fate < 0.75:
            final, closed, won = "Closed Lost", True, False
        else:
            final, closed, won = path[-1][0], False, False
        if closed:
            path.append((final, t))
        close_day = time.strftime("%Y-%m-%d", time.gmtime(t))
        created_text = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(created))
        opp.write(f"{oid},001A{i % 50_000:08d},Opportunity {i},{amount:.2f},{final},{close_day},{str(closed).lower()},{str(won).lower()},"
                  f"005U{i % 300:05d},{created_text},{sources[i % 5]},USD\n")
        for k, (s, at) in enumerate(path):
            at_text = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(at))
            hist.write(f"017H{i:011d}{k},{oid},{s},{amount:.2f},{close_day},10,{at_text},005x,false\n")
            history_rows += 1
print(f"{n} opportunities, {history_rows} history rows in {out}")
