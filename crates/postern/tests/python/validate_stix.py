"""Validates a STIX 2.1 bundle file with the OASIS stix2-validator: every object, strictly
enough that a warning about an unknown property would not pass unnoticed.
Argument: PATH of the bundle. Prints STIX VALID, or the errors and exits non-zero."""
import json
import sys

from stix2validator import ValidationOptions, validate_instance


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        bundle = json.load(f)
    options = ValidationOptions(version="2.1")
    whole = validate_instance(bundle, options)
    if not whole.is_valid:
        print("bundle invalid: %s" % [str(e) for e in whole.errors])
        sys.exit(1)
    for obj in bundle["objects"]:
        result = validate_instance(obj, options)
        if not result.is_valid:
            print("%s invalid: %s" % (obj.get("id"), [str(e) for e in result.errors]))
            sys.exit(1)
        for w in result.warnings:
            print("warning %s: %s" % (obj.get("id"), w))
    print("STIX VALID %d" % len(bundle["objects"]))


if __name__ == "__main__":
    main()
