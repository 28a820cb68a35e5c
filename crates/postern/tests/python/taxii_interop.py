"""Drive a running Postern hub with the OASIS taxii2-client and check what it serves with
stix2-validator. Arguments: BASE_URL COLLECTION_ID WRITER_TOKEN READER_TOKEN RECIPIENT_IDENTITY.
Exits non-zero with a message on the first disagreement; prints INTEROP OK at the end."""

import json
import sys
import uuid

from stix2validator import ValidationOptions, validate_instance
from taxii2client.v21 import Server, as_pages

TLP_CLEAR = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
TLP_RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def indicator(n, marking, **extra):
    obj = {
        "type": "indicator", "spec_version": "2.1",
        "id": "indicator--%s" % uuid.UUID(int=0x5E1E0000000040008000000000000000 + n),
        "created": "2025-04-01T08:00:00.000Z", "modified": "2025-04-01T08:00:00.000Z",
        "name": "Smishing landing page %d" % n, "indicator_types": ["malicious-activity"],
        "pattern": "[url:value = 'https://poste-it-%d.top/pay']" % n, "pattern_type": "stix",
        "valid_from": "2025-04-01T08:00:00Z", "object_marking_refs": [marking],
    }
    obj.update(extra)
    return obj


def main():
    base, collection_id, writer, reader, recipient = sys.argv[1:6]
    server = Server(base + "/taxii2/", user="writer", password=writer)
    if not server.api_roots:
        fail("discovery lists no API root")
    root = server.default
    cols = {c.id: c for c in root.collections}
    if collection_id not in cols:
        fail("collection %s not listed: %s" % (collection_id, list(cols)))
    col = cols[collection_id]
    if not (col.can_read and col.can_write):
        fail("writer should read and write the collection")

    objects = [indicator(i, TLP_GREEN if i % 2 else TLP_CLEAR) for i in range(250)]
    objects.append(indicator(1000, TLP_RED, x_postern_recipients=[recipient]))
    objects.append({"type": "indicator", "id": "indicator--not-a-uuid"})  # must fail alone
    status = col.add_objects(json.dumps({"type": "bundle", "id": "bundle--%s" % uuid.uuid4(), "objects": objects}))
    if status.status != "complete" or status.success_count != 251 or status.failure_count != 1:
        fail("unexpected status: %s" % status._raw)

    # Paging with taxii2-client's own helper: every object once, in date_added order.
    seen = []
    options = ValidationOptions(version="2.1")
    for envelope in as_pages(col.get_objects, per_request=40):
        for obj in envelope.get("objects", []):
            seen.append(obj["id"])
            result = validate_instance(obj, options)
            if not result.is_valid:
                fail("stix2-validator rejects %s: %s" % (obj["id"], [str(e) for e in result.errors]))
    if len(seen) != 251 or len(set(seen)) != 251:
        fail("writer paged %d objects (%d unique), expected 251" % (len(seen), len(set(seen))))

    manifest = col.get_manifest(limit=10)
    if len(manifest.get("objects", [])) != 10 or not manifest.get("more"):
        fail("manifest page: %s" % manifest)
    one = col.get_object(objects[3]["id"])
    if one["objects"][0]["id"] != objects[3]["id"]:
        fail("get_object returned %s" % one)
    versions = col.object_versions(objects[3]["id"])
    if versions.get("versions") != ["2025-04-01T08:00:00.000Z"]:
        fail("versions: %s" % versions)

    # A member of another organisation, not named as recipient, never sees the TLP:RED one.
    reader_server = Server(base + "/taxii2/", user="reader", password=reader)
    reader_col = [c for c in reader_server.default.collections if c.id == collection_id][0]
    ids = set()
    for envelope in as_pages(reader_col.get_objects, per_request=100):
        ids.update(o["id"] for o in envelope.get("objects", []))
    if objects[250]["id"] in ids or len(ids) != 250:
        fail("reader saw %d objects; TLP:RED leaked: %s" % (len(ids), objects[250]["id"] in ids))
    print("INTEROP OK: %d objects paged and validated" % len(seen))


if __name__ == "__main__":
    main()
