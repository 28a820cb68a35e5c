"""Shared by the build.py of languages-dev and languages-unseen: the record helpers (S for a
scam, B for a genuine message, both appending to M), UPU S10 check digits, and the checks that
refuse to write eval.jsonl when a label is not in the text or a count is off. Python 3 stdlib."""
import collections, json, os, re, sys

# ---------------------------------------------------------------- records and checks
from decimal import Decimal

def s10(prefix, serial, cc):
    d = [int(c) for c in serial]
    s = sum(w * x for w, x in zip([8, 6, 4, 2, 3, 5, 9, 7], d))
    c = 11 - s % 11
    c = 0 if c == 10 else 5 if c == 11 else c
    return f"{prefix}{serial}{c}{cc}"

def s10_ok(t):
    return bool(re.fullmatch(r"[A-Z]{2}\d{9}[A-Z]{2}", t)) and s10(t[:2], t[2:10], t[11:]) == t

M = []  # (lang, country, label, lure or category, brand, text, urls, phones, amounts, tracking)

def S(lang, country, lure, brand, text, u=(), p=(), a=(), t=()):
    M.append((lang, country, "scam", lure, brand, text, list(u), list(p), list(a), list(t)))

def B(lang, country, category, brand, text, u=(), p=(), a=(), t=()):
    M.append((lang, country, "benign", category, brand, text, list(u), list(p), list(a), list(t)))

LURES = {"customs_fee", "redelivery_fee", "address_update", "failed_delivery", "package_held",
         "refund", "tax", "account_locked", "prize", "other"}
CATEGORIES = {"delivery_notice", "pickup_code", "otp", "customs_charge", "bank_alert", "appointment",
              "personal", "marketing", "government"}
CURRENCY = {"ar": {"EGP", "SAR", "AED", "MAD", "DZD", "JOD", "IQD", "USD"},
            "zh": {"CNY", "HKD", "TWD", "SGD"},
            "ru": {"RUB", "KZT", "BYN", "UZS"},
            "sw": {"KES", "TZS", "UGX"}}
# E.164 country code and national-number shape (mobiles and the landlines used here)
PHONE = {"EG": ("20", r"1[0125]\d{8}|[2-9]\d{7,8}"), "SA": ("966", r"5\d{8}|1[1-7]\d{7}"),
         "AE": ("971", r"5[024568]\d{7}|[2-9]\d{7}"), "MA": ("212", r"[67]\d{8}|5\d{8}"),
         "DZ": ("213", r"[567]\d{8}|[23]\d{7}"), "JO": ("962", r"7[789]\d{7}|6\d{7}"),
         "IQ": ("964", r"7[3-9]\d{8}|1\d{7}"), "CN": ("86", r"1[3-9]\d{9}|[2-9]\d{9,10}|10\d{8}|2\d{9}"),
         "HK": ("852", r"[235679]\d{7}"), "TW": ("886", r"9\d{8}|[2-8]\d{7,8}"), "SG": ("65", r"[689]\d{7}"),
         "RU": ("7", r"[3489]\d{9}"), "KZ": ("7", r"7[0-7]\d{8}"), "BY": ("375", r"(25|29|33|44|17)\d{7}"),
         "UZ": ("998", r"(33|50|55|77|88|9\d)\d{7}|71\d{7}"), "KE": ("254", r"(7\d|1[01])\d{7}|20\d{7}"),
         "TZ": ("255", r"[67]\d{8}|2\d{8}"), "UG": ("256", r"7\d{8}|[34]\d{8}")}

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９．／：－", "012345678901234567890123456789./:-")

def refang(text):
    t = text.translate(DIGITS).replace("٫", ".")
    t = re.sub(r"hxxp", "http", t, flags=re.I).replace("[.]", ".").replace("(.)", ".").replace("[:]", ":")
    return t.replace(" dot ", ".")

def money(a):
    v, cur = a.split(" ")
    return f"{Decimal(v.replace(',', '')):.2f} {cur}"

def check(records, expect):
    ids, errors = set(), []
    def err(i, m): errors.append(f"{i}: {m}")
    for r in records:
        i, text = r["id"], r["text"]
        if i in ids: err(i, "duplicate id")
        ids.add(i)
        if r["label"] == "scam":
            if r["lure"] not in LURES or r["category"] is not None: err(i, "lure/category")
        elif r["label"] == "benign":
            if r["category"] not in CATEGORIES or r["lure"] is not None: err(i, "category/lure")
        else: err(i, "label")
        if not (r["brand"] is None or (isinstance(r["brand"], str) and r["brand"].strip())): err(i, "brand")
        flat = refang(text)
        digits = re.sub(r"\D", "", flat)
        for u in r["urls"]:
            if u not in flat: err(i, f"url {u} not in text")
            if re.search(r"[\s\u0600-\u06ff\u4e00-\u9fff，。：（）「」、]", u): err(i, f"url {u} has text in it")
        if len(set(r["urls"])) != len(r["urls"]): err(i, "duplicate url")
        cc, shape = PHONE[r["country"]]
        for p in r["phones"]:
            if not p.startswith("+" + cc) or not re.fullmatch(shape, p[1 + len(cc):]): err(i, f"phone {p} shape")
            elif p[1 + len(cc):] not in digits: err(i, f"phone {p} not in text")
        for a in r["amounts"]:
            m = re.fullmatch(r"(\d+)\.(\d\d) ([A-Z]{3})", a)
            if not m or m.group(3) not in CURRENCY[r["lang"]]: err(i, f"amount {a}")
            elif m.group(1) not in digits: err(i, f"amount {a} not in text")
        for t in r["tracking_numbers"]:
            if t not in flat: err(i, f"tracking {t} not in text")
            if re.fullmatch(r"[A-Z]{2}\d{9}[A-Z]{2}", t) and not s10_ok(t): err(i, f"S10 check digit {t}")
        for t in re.findall(r"\b[A-Z]{2}\d{9}[A-Z]{2}\b", flat):
            if t not in r["tracking_numbers"]: err(i, f"unlabelled S10 {t}")
        for u in re.findall(r"(?<![A-Za-z0-9.@-])(?:https?://)?(?:[A-Za-z0-9-]+\.)+(?:com|net|cn|hk|tw|sg|ru|kz|by|uz|ke|tz|ug|eg|sa|ae|ma|dz|jo|iq|top|xyz|cc|info|site|online|shop|vip|help|live|click|store|services|delivery|express|ly|me)(?:/[A-Za-z0-9._/-]*)?", flat):
            if not any(u in v or v in u for v in r["urls"]): err(i, f"unlabelled url-like {u}")
    by = collections.Counter((r["lang"], r["country"]) for r in records)
    for lang, want in expect.items():
        recs = [r for r in records if r["lang"] == lang]
        scams = [r for r in recs if r["label"] == "scam"]
        if len(recs) != sum(want.values()): errors.append(f"{lang}: {len(recs)} messages")
        for c, n in want.items():
            if by[(lang, c)] != n: errors.append(f"{lang}-{c}: {by[(lang, c)]} != {n}")
        if 2 * len(scams) != len(recs): errors.append(f"{lang}: {len(scams)} scams of {len(recs)}")
        nolink = sum(1 for r in scams if not r["urls"])
        if 3 * nolink < len(scams): errors.append(f"{lang}: only {nolink} scams without a link")
    return errors

def write(prefix, here, expect):
    records, n = [], collections.Counter()
    for (lang, country, label, cls, brand, text, urls, phones, amounts, tracking) in M:
        n[lang] += 1
        records.append({"id": f"{prefix}-{lang}-{n[lang]:03d}", "lang": lang, "country": country, "label": label,
                        "lure": cls if label == "scam" else None, "category": None if label == "scam" else cls,
                        "brand": brand, "urls": urls, "phones": phones, "amounts": [money(a) for a in amounts],
                        "tracking_numbers": tracking, "emails": [], "text": text})
    errors = check(records, expect)
    if errors:
        sys.exit("\n".join(errors))
    out = os.path.join(here, "eval.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} messages -> {out}")
    for lang in expect:
        rs = [r for r in records if r["lang"] == lang]
        print(lang, collections.Counter(r["label"] for r in rs).most_common(),
              "no-link scams:", sum(1 for r in rs if r["label"] == "scam" and not r["urls"]))
    print("lures", collections.Counter(r["lure"] for r in records if r["lure"]).most_common())
    print("categories", collections.Counter(r["category"] for r in records if r["category"]).most_common())
    print("entities", {k: sum(len(r[k]) for r in records) for k in ("urls", "phones", "amounts", "tracking_numbers")})


def build_parts(prefix, here, expect):
    """Runs the per-language message files (`<lang>.py` beside the build script), then `write`."""
    import runpy
    for lang in expect:
        runpy.run_path(os.path.join(here, f"{lang}.py"))
    write(prefix, here, expect)
