"""Post bundles made by third-party CTI tools to a running Postern hub over TAXII 2.1, page them
back and check them. Called by crates/postern/tests/third_party_bundles.rs, one mode a run:

  stix2    objects built with the OASIS `stix2` library at run time;
  misp     a MISP event (MISP's JSON export shape) converted to STIX 2.1 by `misp-stix`;
  opencti  the OpenCTI-shaped bundle in tests/fixtures/opencti/ (see its README);
  opencti-amber-strict  an object under OpenCTI's own TLP:AMBER+STRICT marking id;
  foreign  a second organisation reuses the first one's OpenCTI author identity: refused per
           object, and the first organisation's objects stay as they were.

Every bundle is posted with OASIS `taxii2-client`, paged back with Get Objects and Get Manifest
(`limit` and `next`), and every object served is checked with `stix2-validator`. Prints
`PRODUCER_IDENTITY <id>` for each platform identity the Rust side should find bound, and
`THIRD-PARTY OK` at the end; exits non-zero with the request and response on a disagreement."""

import argparse
import copy
import json
import sys
import uuid
from datetime import datetime, timezone

from stix2validator import ValidationOptions, validate_instance
from taxii2client.v21 import Server, as_pages

# TLP marking-definition ids the hub knows (TLP 2.0, then TLP 1.0) and the level each stands for.
TLP_LEVELS = {
    "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487": "clear",
    "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb": "green",
    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421": "amber",
    "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003": "amber+strict",
    "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1": "red",
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": "clear",
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": "green",
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": "amber",
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": "red",
}
RANK = {"clear": 0, "green": 1, "amber": 2, "amber+strict": 3, "red": 4}
# The hub's default for an object without a TLP marking (hub::HubConfig::default_tlp).
DEFAULT_TLP = "amber"
# What a member of another organisation that may read the collection sees (tlp::may_read).
READABLE_BY_OTHERS = {"clear", "green", "amber"}

# Small pages, so that every bundle needs several Get Objects and Get Manifest requests.
PAGE = 7


def fail(msg, request=None, response=None):
    print("FAIL:", msg)
    if request is not None:
        print("REQUEST:", json.dumps(request, indent=1, sort_keys=True)[:20000])
    if response is not None:
        print("RESPONSE:", json.dumps(response, indent=1, sort_keys=True)[:20000])
    sys.exit(1)


def tlp_of(obj):
    refs = list(obj.get("object_marking_refs", []))
    refs += [g.get("marking_ref") for g in obj.get("granular_markings", [])]
    levels = [TLP_LEVELS[r] for r in refs if r in TLP_LEVELS]
    return max(levels, key=RANK.get) if levels else DEFAULT_TLP


def effective_tlps(posted):
    """Each object's level as the hub decides it: its own marking; an unmarked observable takes
    the strictest level of the marked objects of the bundle that refer to it (object_refs,
    observed_data_refs, a relationship's ends), the default otherwise."""
    inherited = {}
    for o in posted:
        marked = [m for m in o.get("object_marking_refs", []) if m in TLP_LEVELS]
        if not marked:
            continue
        level = tlp_of(o)
        refs = list(o.get("object_refs", [])) + list(o.get("observed_data_refs", []))
        refs += [o[k] for k in ("source_ref", "target_ref") if k in o]
        for r in refs:
            if RANK[level] > RANK.get(inherited.get(r, "clear"), 0):
                inherited[r] = level
    out = {}
    for o in posted:
        own = [m for m in o.get("object_marking_refs", []) if m in TLP_LEVELS]
        level = tlp_of(o)
        is_sco = "created" not in o and o["type"] not in ("marking-definition",)
        if not own and is_sco and o["id"] in inherited and RANK[inherited[o["id"]]] > RANK[level]:
            level = inherited[o["id"]]
        out[o["id"]] = level
    return out


def version_of(obj):
    return obj.get("modified") or obj.get("created")


def is_reserved_marking(obj):
    return obj["type"] == "marking-definition" and obj["id"] in TLP_LEVELS


def collection(base, token, collection_id):
    server = Server(base + "/taxii2/", user="member", password=token)
    cols = [c for c in server.default.collections if c.id == collection_id]
    if not cols:
        fail("collection %s is not listed for this token" % collection_id)
    return server.default, cols[0]


def page_objects(col):
    """Every object of the collection through Get Objects with `limit` and `next`."""
    seen = []
    requests = 0
    for envelope in as_pages(col.get_objects, per_request=PAGE):
        requests += 1
        seen.extend(envelope.get("objects", []))
    return seen, requests


def page_manifest(col):
    seen = []
    for envelope in as_pages(col.get_manifest, per_request=PAGE):
        seen.extend(envelope.get("objects", []))
    return seen


def post(root, col, objects, as_bundle=False):
    """Posts the objects (as a TAXII envelope, or as the STIX bundle a file export is) and
    returns the status from the POST and the same status read back from the status endpoint."""
    if as_bundle:
        body = {"type": "bundle", "id": "bundle--%s" % uuid.uuid4(), "objects": objects}
    else:
        body = {"objects": objects}
    status = col.add_objects(json.dumps(body))
    again = root.get_status(status.id)
    return body, status._raw, again._raw


def check_status(body, status, posted, must_fail=()):
    """Every posted object is in `successes` with its version, except the ids in must_fail,
    which are in `failures`."""
    if status.get("status") != "complete":
        fail("status not complete", body, status)
    succeeded = {s["id"]: s for s in status.get("successes", [])}
    failed = {f["id"]: f for f in status.get("failures", [])}
    for obj in posted:
        if obj["id"] in must_fail:
            if obj["id"] not in failed or obj["id"] in succeeded:
                fail("%s should have been refused" % obj["id"], body, status)
            continue
        if obj["id"] not in succeeded:
            fail("%s is not among the successes" % obj["id"], body, status)
        want = version_of(obj)
        got = succeeded[obj["id"]].get("version")
        if want is not None and not is_reserved_marking(obj) and got != want:
            fail("%s: status reports version %s, posted %s" % (obj["id"], got, want), body, status)
    want_ok = len(posted) - len(must_fail)
    counts = (status.get("total_count"), status.get("success_count"), status.get("failure_count"))
    if counts != (len(posted), want_ok, len(must_fail)):
        fail("status counts %s, expected %s" % (counts, (len(posted), want_ok, len(must_fail))), body, status)
    return failed


def same_object(posted, served, bound):
    """The hub serves what it accepted. The one change it may make is provenance: an SDO or SRO
    posted without created_by_ref gets one naming an identity bound to the poster."""
    if served == posted:
        return None
    stamped = dict(posted)
    if "created_by_ref" not in posted and served.get("created_by_ref") in bound:
        stamped["created_by_ref"] = served["created_by_ref"]
        if served == stamped:
            return None
    diff = sorted(k for k in set(posted) | set(served) if posted.get(k) != served.get(k))
    return "properties differ: %s" % diff


def check_served(label, col, posted, bound, options):
    """Pages the collection back and compares it with what was posted."""
    served, requests = page_objects(col)
    ids = [o["id"] for o in served]
    if len(ids) != len(set(ids)):
        fail("%s: Get Objects served duplicates: %s" % (label, sorted(i for i in set(ids) if ids.count(i) > 1)))
    expected = {o["id"]: o for o in posted if not is_reserved_marking(o)}
    by_id = {o["id"]: o for o in served}
    # The hub's own TLP definitions apply: a reserved marking-definition is never the poster's copy.
    for obj in served:
        if is_reserved_marking(obj):
            mine = [p for p in posted if p["id"] == obj["id"]]
            if mine and any(k.startswith("x_opencti") for k in obj):
                fail("%s: the hub serves the poster's copy of %s" % (label, obj["id"]), mine[0], obj)
            del by_id[obj["id"]]
    if set(by_id) != set(expected):
        fail(
            "%s: served ids differ from accepted ids" % label,
            {"missing": sorted(set(expected) - set(by_id))},
            {"unexpected": sorted(set(by_id) - set(expected))},
        )
    if len(expected) > PAGE and requests < 2:
        fail("%s: %d objects came in %d page(s) of limit %d" % (label, len(expected), requests, PAGE))
    for oid, obj in expected.items():
        why = same_object(obj, by_id[oid], bound)
        if why:
            fail("%s: %s served differently: %s" % (label, oid, why), obj, by_id[oid])
        result = validate_instance(by_id[oid], options)
        if not result.is_valid:
            fail("%s: stix2-validator rejects %s: %s" % (label, oid, [str(e) for e in result.errors]), None, by_id[oid])
    manifest = {m["id"]: m for m in page_manifest(col)}
    for oid, obj in expected.items():
        want = version_of(obj)
        got = manifest.get(oid, {}).get("version")
        if want is not None and got != want:
            fail("%s: manifest gives %s version %s, posted %s" % (label, oid, got, want), obj, manifest.get(oid))
    return by_id


def check_other_reader(label, col, posted):
    """A member of another organisation sees exactly the accepted objects its TLP allows."""
    served, _ = page_objects(col)
    seen = {o["id"] for o in served}
    levels = effective_tlps(posted)
    expected = {o["id"] for o in posted if not is_reserved_marking(o) and levels[o["id"]] in READABLE_BY_OTHERS}
    hidden = {o["id"] for o in posted if not is_reserved_marking(o)} - expected
    if seen & hidden:
        fail("%s: another organisation reads %s" % (label, sorted(seen & hidden)))
    if expected - seen:
        fail("%s: another organisation misses %s" % (label, sorted(expected - seen)))
    return len(hidden)


def run(args, objects, label, bound, as_bundle=False):
    root, col = collection(args.base, args.token, args.collection)
    body, status, again = post(root, col, objects, as_bundle)
    check_status(body, status, objects)
    if again != status:
        fail("%s: the status resource read back differs from the POST's" % label, status, again)
    options = ValidationOptions(version="2.1")
    check_served(label, col, objects, bound, options)
    _, reader = collection(args.base, args.reader_token, args.collection)
    hidden = check_other_reader(label, reader, objects)
    kinds = sorted({o["type"] for o in objects})
    print("%s: %d objects (%s) accepted, paged back equal and valid; %d hidden from other members"
          % (label, len(objects), ", ".join(kinds), hidden))


# ---------------------------------------------------------------------------------------------
# (a) The OASIS stix2 library.


def stix2_objects():
    import stix2

    now = datetime.now(timezone.utc)
    producer = stix2.Identity(
        name="CERT La Poste (MISP and OpenCTI instance)", identity_class="organization",
        sectors=["transportation"], contact_information="cert@laposte.example",
    )
    by = {"created_by_ref": producer.id}
    sector = stix2.Identity(
        name="Postal and parcel delivery", identity_class="class", sectors=["transportation"],
        description="Victim sector: customers of postal operators.", **by,
    )
    victim = stix2.Identity(name="Colissimo customers in Normandy", identity_class="group", **by)
    tlp2_amber_strict = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
    indicators = [
        stix2.Indicator(
            name="Fake customs fee site", indicator_types=["malicious-activity"], pattern_type="stix",
            pattern="[domain-name:value = 'laposte-douane-frais.top']", valid_from=now,
            object_marking_refs=[stix2.TLP_GREEN], **by,
        ),
        stix2.Indicator(
            name="Smishing landing page", indicator_types=["malicious-activity"], pattern_type="stix",
            pattern="[url:value = 'https://laposte-douane-frais.top/colis/paiement']", valid_from=now,
            object_marking_refs=[stix2.TLP_AMBER], **by,
        ),
        stix2.Indicator(
            name="Sender of the smishing e-mails", indicator_types=["malicious-activity"], pattern_type="stix",
            pattern="[email-addr:value = 'suivi@laposte-douane-frais.top']", valid_from=now,
            object_marking_refs=[stix2.TLP_RED], **by,
        ),
        stix2.Indicator(
            name="Kit panel address", indicator_types=["malicious-activity"], pattern_type="stix",
            pattern="[ipv4-addr:value = '203.0.113.77']", valid_from=now,
            object_marking_refs=[tlp2_amber_strict], **by,
        ),
    ]
    malware = stix2.Malware(
        name="FluBot", is_family=True, malware_types=["spyware"], object_marking_refs=[stix2.TLP_GREEN], **by,
    )
    domain = stix2.DomainName(value="laposte-douane-frais.top")
    url = stix2.URL(value="https://laposte-douane-frais.top/colis/paiement")
    email = stix2.EmailAddress(value="suivi@laposte-douane-frais.top")
    observed = stix2.ObservedData(
        first_observed=now, last_observed=now, number_observed=3,
        object_refs=[domain.id, url.id, email.id], object_marking_refs=[stix2.TLP_AMBER], **by,
    )
    relationships = [
        stix2.Relationship(indicators[1], "indicates", malware, **by),
        stix2.Relationship(malware, "targets", sector, **by),
    ]
    sighting = stix2.Sighting(
        sighting_of_ref=indicators[1].id, where_sighted_refs=[victim.id], observed_data_refs=[observed.id],
        count=42, first_seen=now, last_seen=now, object_marking_refs=[stix2.TLP_AMBER], **by,
    )
    objects = [producer, sector, victim, *indicators, malware, domain, url, email, observed, *relationships,
               sighting, stix2.TLP_GREEN, stix2.TLP_AMBER, stix2.TLP_RED]
    bundle = stix2.Bundle(*objects)
    return producer.id, json.loads(bundle.serialize())["objects"]


# ---------------------------------------------------------------------------------------------
# (b) misp-stix converting a MISP event.


def misp_event():
    """A MISP event as MISP's JSON export writes it: an Orgc (the producer's MISP organisation,
    whose uuid becomes the STIX identity), event tags, attributes with their own tags, and
    MISP objects made from the `domain-ip` and `url` templates."""
    ts = "1763640000"
    org = {"id": "3", "uuid": "7e2b4a10-8c3d-4f5e-9a6b-1c2d3e4f5a6b", "name": "CERT Posta Shqiptare", "local": True}

    def attribute(n, kind, category, value, to_ids=True, tags=(), relation=None):
        a = {
            "id": str(100 + n), "uuid": "91ae9b2c-1b1e-4b8e-8f1a-%012d" % n, "event_id": "42",
            "type": kind, "category": category, "to_ids": to_ids, "value": value, "timestamp": ts,
            "distribution": "5", "sharing_group_id": "0", "comment": "", "deleted": False,
            "disable_correlation": False, "first_seen": None, "last_seen": None,
        }
        if relation:
            a["object_relation"] = relation
        if tags:
            a["Tag"] = [{"name": t, "colour": "#000000", "exportable": True} for t in tags]
        return a

    return {"Event": {
        "id": "42", "uuid": "5b1f9378-46b4-4d2b-9a7d-3b9a4c1e0a11", "orgc_id": "3", "org_id": "3",
        "info": "Smishing wave: fake customs fee for parcels", "date": "2026-11-20", "timestamp": ts,
        "publish_timestamp": "1763643600", "published": True, "analysis": "2", "threat_level_id": "2",
        "distribution": "1", "sharing_group_id": "0", "attribute_count": "9",
        "Orgc": org, "Org": org,
        "Tag": [
            {"name": "tlp:amber", "colour": "#FFC000", "exportable": True},
            {"name": "misp-galaxy:sector=\"Logistic\"", "colour": "#0088cc", "exportable": True},
        ],
        "Attribute": [
            attribute(1, "domain", "Network activity", "postashqiptare-dogana.top", tags=["tlp:amber"]),
            attribute(2, "url", "Network activity", "https://postashqiptare-dogana.top/pagesa", tags=["tlp:red"]),
            attribute(3, "ip-dst", "Network activity", "203.0.113.45", tags=["tlp:amber"]),
            attribute(4, "email-src", "Payload delivery", "njoftim@postashqiptare-dogana.top", tags=["tlp:green"]),
            attribute(5, "phone-number", "Other", "+355 69 123 4567", to_ids=False, tags=["tlp:amber"]),
            attribute(6, "text", "Other", "Paketa juaj eshte bllokuar ne dogane", to_ids=False),
        ],
        "Object": [
            {
                "id": "7", "uuid": "a1b2c3d4-0000-4000-8000-000000000001", "name": "domain-ip",
                "meta-category": "network", "description": "A domain and its IP address(es).",
                "template_uuid": "43b3b146-77eb-4931-b4cc-b66c60f28734", "template_version": "9",
                "event_id": "42", "timestamp": ts, "distribution": "5", "sharing_group_id": "0",
                "comment": "", "deleted": False,
                "Attribute": [
                    attribute(11, "domain", "Network activity", "dogana-pagesa.top", relation="domain"),
                    attribute(12, "ip-dst", "Network activity", "198.51.100.7", relation="ip"),
                ],
            },
            {
                "id": "8", "uuid": "a1b2c3d4-0000-4000-8000-000000000002", "name": "url",
                "meta-category": "network", "description": "Uniform Resource Locator",
                "template_uuid": "60efb77b-40b5-4c46-871b-ed1ed999fce5", "template_version": "9",
                "event_id": "42", "timestamp": ts, "distribution": "5", "sharing_group_id": "0",
                "comment": "", "deleted": False,
                "Attribute": [
                    attribute(21, "url", "Network activity", "http://dogana-pagesa.top/login", relation="url"),
                    attribute(22, "domain", "Network activity", "dogana-pagesa.top", to_ids=False, relation="domain"),
                ],
            },
        ],
    }}


def misp_objects():
    from misp_stix_converter import MISPtoSTIX21Parser

    parser = MISPtoSTIX21Parser()
    parser.parse_misp_event(misp_event())
    objects = json.loads(parser.bundle.serialize())["objects"]
    identity = "identity--7e2b4a10-8c3d-4f5e-9a6b-1c2d3e4f5a6b"
    if not any(o["id"] == identity for o in objects):
        fail("misp-stix made no identity for the event's Orgc", None, objects)
    return identity, objects


# ---------------------------------------------------------------------------------------------
# (c) The OpenCTI-shaped fixture, and the second organisation that reuses its author identity.

OPENCTI_NAMESPACE = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")


def opencti_id(kind, data):
    """OpenCTI's deterministic ids: uuid5 over the canonical JSON of the contributing properties,
    in the namespace STIX 2.1 uses for SCO ids."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "%s--%s" % (kind, uuid.uuid5(OPENCTI_NAMESPACE, canonical))


def check_fixture_ids(objects):
    """The fixture's ids are the ones OpenCTI derives, so the bundle is what OpenCTI would send."""
    for o in objects:
        t = o["type"]
        if t == "identity":
            want = opencti_id(t, {"name": o["name"].lower().strip(), "identity_class": o["identity_class"]})
        elif t == "malware":
            want = opencti_id(t, {"name": o["name"].lower().strip()})
        elif t == "indicator":
            want = opencti_id(t, {"pattern": o["pattern"].strip()})
        elif t == "report":
            want = opencti_id(t, {"name": o["name"].lower().strip(), "published": o["published"]})
        elif t == "relationship":
            want = opencti_id(t, {k: o[k] for k in ("relationship_type", "source_ref", "target_ref")})
        elif t == "sighting":
            want = opencti_id(t, {"type": "sighting", "sighting_of_ref": o["sighting_of_ref"],
                                  "where_sighted_refs": o["where_sighted_refs"],
                                  "first_seen": o["first_seen"], "last_seen": o["last_seen"]})
        elif t in ("domain-name", "url", "ipv4-addr", "email-addr"):
            want = opencti_id(t, {"value": o["value"]})
        else:
            continue
        if o["id"] != want:
            fail("fixture: %s should be %s by OpenCTI's id rules" % (o["id"], want))


def opencti_objects(path):
    with open(path, encoding="utf-8") as f:
        bundle = json.load(f)
    objects = bundle["objects"]
    check_fixture_ids(objects)
    authors = {o["created_by_ref"] for o in objects if "created_by_ref" in o}
    if len(authors) != 1:
        fail("fixture: expected one author identity, found %s" % sorted(authors))
    return authors.pop(), objects


def foreign(args):
    """Correos posts a bundle whose objects claim La Poste's OpenCTI author identity, next to one
    object of its own platform identity. The claims are refused one by one; La Poste's objects
    and what other members read do not change."""
    author, first_objects = opencti_objects(args.fixture)
    root, first_col = collection(args.base, args.token, args.collection)
    body, status, _ = post(root, first_col, first_objects, as_bundle=True)
    check_status(body, status, first_objects)
    before, _ = page_objects(first_col)
    _, reader_col = collection(args.base, args.reader_token, args.collection)
    reader_before, _ = page_objects(reader_col)

    by_id = {o["id"]: o for o in first_objects}
    indicator = next(o for o in first_objects if o["type"] == "indicator")
    newer = copy.deepcopy(indicator)
    newer["modified"] = "2026-12-01T09:00:00.000Z"
    newer["description"] = "Rewritten by another organisation."
    newer["object_marking_refs"] = ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"]
    claimed = {
        "type": "indicator", "spec_version": "2.1",
        "id": opencti_id("indicator", {"pattern": "[domain-name:value = 'correos-aduana-pago.top']"}),
        "created": "2026-12-01T09:00:00.000Z", "modified": "2026-12-01T09:00:00.000Z",
        "name": "correos-aduana-pago.top", "pattern": "[domain-name:value = 'correos-aduana-pago.top']",
        "pattern_type": "stix", "valid_from": "2026-12-01T09:00:00.000Z", "created_by_ref": author,
        "object_marking_refs": ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"],
    }
    author_copy = copy.deepcopy(by_id[author])
    author_copy["modified"] = "2026-12-01T09:00:00.000Z"
    author_copy["description"] = "Taken over."
    own_author = {
        "type": "identity", "spec_version": "2.1",
        "id": opencti_id("identity", {"name": "cert correos", "identity_class": "organization"}),
        "created": "2026-12-01T09:00:00.000Z", "modified": "2026-12-01T09:00:00.000Z",
        "name": "CERT Correos", "identity_class": "organization",
    }
    own = dict(claimed)
    own["id"] = opencti_id("indicator", {"pattern": "[domain-name:value = 'correos-envio-retenido.top']"})
    own["pattern"] = "[domain-name:value = 'correos-envio-retenido.top']"
    own["name"] = "correos-envio-retenido.top"
    own["created_by_ref"] = own_author["id"]
    second = [author_copy, newer, claimed, own_author, own]
    refused = {author_copy["id"], newer["id"], claimed["id"]}

    root2, second_col = collection(args.base, args.other_token, args.collection)
    body, status, _ = post(root2, second_col, second, as_bundle=True)
    failures = check_status(body, status, second, must_fail=refused)
    for oid in (newer["id"], claimed["id"]):
        message = failures[oid].get("message") or ""
        if "identity" not in message or author not in message:
            fail("refusal of %s does not say which identity is not the poster's: %r" % (oid, message), body, status)
    after, _ = page_objects(first_col)
    before_ids = {o["id"] for o in before}
    kept = sorted((o for o in after if o["id"] in before_ids), key=lambda o: o["id"])
    if kept != sorted(before, key=lambda o: o["id"]):
        fail("La Poste's objects changed after Correos's post", before, kept)
    added = {o["id"] for o in after} - before_ids
    if added != {own_author["id"], own["id"]}:
        fail("after Correos's post La Poste reads these new objects: %s" % sorted(added), body, status)
    reader_after, _ = page_objects(reader_col)
    expected_reader = sorted([o["id"] for o in reader_before] + [own_author["id"], own["id"]])
    if sorted(o["id"] for o in reader_after) != expected_reader:
        fail("other members read %s, expected %s" % (sorted(o["id"] for o in reader_after), expected_reader))
    print("PRODUCER_IDENTITY", author)
    print("OTHER_PRODUCER_IDENTITY", own_author["id"])
    print("foreign: %d objects claiming %s refused, %d of Correos's own accepted; La Poste's %d objects unchanged"
          % (len(refused), author, len(second) - len(refused), len(before)))


OPENCTI_AMBER_STRICT = "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37"


def opencti_amber_strict(args):
    """OpenCTI marks TLP:AMBER+STRICT with an id of its own, not a TLP 1.0 or 2.0 one. Whatever
    the hub makes of it (refuse the object, or read the level from the definition), another
    organisation must never read an object so marked."""
    author, objects = opencti_objects(args.fixture)
    by_id = {o["id"]: o for o in objects}
    indicator = copy.deepcopy(next(o for o in objects if o["type"] == "indicator"))
    indicator["object_marking_refs"] = [OPENCTI_AMBER_STRICT]
    marking = {
        "type": "marking-definition", "spec_version": "2.1", "id": OPENCTI_AMBER_STRICT,
        "created": "2022-10-01T00:00:00.000Z", "definition_type": "tlp", "name": "TLP:AMBER+STRICT",
        "definition": {"tlp": "amber+strict"},
    }
    posted = [by_id[author], marking, indicator]
    root, col = collection(args.base, args.token, args.collection)
    body, status, _ = post(root, col, posted, as_bundle=True)
    stored = {s["id"] for s in status.get("successes", [])}
    if author not in stored:
        fail("the OpenCTI author identity was refused", body, status)
    refusal = next((f.get("message") or "" for f in status.get("failures", []) if f["id"] == indicator["id"]), None)
    if refusal is not None and "marking" not in refusal.lower() and "tlp" not in refusal.lower():
        fail("the indicator was refused for another reason than its marking: %r" % refusal, body, status)
    _, reader = collection(args.base, args.reader_token, args.collection)
    seen = {o["id"] for o in page_objects(reader)[0]}
    if indicator["id"] in seen:
        fail("another organisation reads an object marked with OpenCTI's TLP:AMBER+STRICT", body, status)
    print("PRODUCER_IDENTITY", author)
    print("opencti-amber-strict: the indicator was %s and is hidden from other organisations"
          % ("stored" if indicator["id"] in stored else "refused"))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["stix2", "misp", "opencti", "foreign", "opencti-amber-strict"])
    p.add_argument("--base", required=True)
    p.add_argument("--collection", required=True)
    p.add_argument("--token", required=True, help="a writer of the producing organisation")
    p.add_argument("--reader-token", required=True, help="a member of an organisation that only reads")
    p.add_argument("--org-identity", required=True, help="the producing organisation's hub identity")
    p.add_argument("--other-token", help="a writer of a second organisation (foreign mode)")
    p.add_argument("--fixture", help="the OpenCTI-shaped bundle (opencti and foreign modes)")
    args = p.parse_args()
    if args.mode == "foreign":
        foreign(args)
    elif args.mode == "opencti-amber-strict":
        opencti_amber_strict(args)
    else:
        if args.mode == "stix2":
            producer, objects = stix2_objects()
            as_bundle = False
        elif args.mode == "misp":
            producer, objects = misp_objects()
            as_bundle = False
        else:
            producer, objects = opencti_objects(args.fixture)
            as_bundle = True
        run(args, objects, args.mode, {producer, args.org_identity}, as_bundle)
        print("PRODUCER_IDENTITY", producer)
    print("THIRD-PARTY OK")


if __name__ == "__main__":
    main()
